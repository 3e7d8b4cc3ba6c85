package org.mlcycle.toolkit.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Rank-based scores: ROC-AUC and average precision. Both group tied scores, so the answer does not
 * depend on the order of the rows (scikit-learn's definitions).
 */
final class Ranking {
    private Ranking() {}

    /** Row indices sorted by score, highest first. */
    private static Integer[] descending(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).reversed());
        return order;
    }

    /**
     * Probability that a random positive scores above a random negative, ties counting one half
     * (the Mann-Whitney U statistic over n+ x n-); NaN when one class is absent.
     */
    static double rocAuc(boolean[] actual, double[] score) {
        long pos = 0;
        for (boolean a : actual) if (a) pos++;
        long neg = actual.length - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        Integer[] order = descending(score);
        // walk tie groups from the top: each positive beats every negative below its group
        double u = 0;
        long negSeen = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            long gPos = 0, gNeg = 0;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                if (actual[order[j]]) gPos++;
                else gNeg++;
                j++;
            }
            long negBelow = neg - negSeen - gNeg;
            u += gPos * (double) negBelow + 0.5 * gPos * gNeg;
            negSeen += gNeg;
            i = j;
        }
        return u / ((double) pos * neg);
    }

    /**
     * Average precision: sum over distinct thresholds (highest first) of (R_k - R_{k-1}) * P_k, the
     * step-wise area under the precision-recall curve without interpolation; NaN with no positives.
     */
    static double averagePrecision(boolean[] actual, double[] score) {
        long pos = 0;
        for (boolean a : actual) if (a) pos++;
        if (pos == 0) return Double.NaN;
        Integer[] order = descending(score);
        double ap = 0, prevRecall = 0;
        long tp = 0, seen = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                if (actual[order[j]]) tp++;
                seen++;
                j++;
            }
            double recall = (double) tp / pos;
            ap += (recall - prevRecall) * ((double) tp / seen);
            prevRecall = recall;
            i = j;
        }
        return ap;
    }
}
