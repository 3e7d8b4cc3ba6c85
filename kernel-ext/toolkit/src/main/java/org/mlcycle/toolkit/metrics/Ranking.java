package org.mlcycle.toolkit.metrics;

import java.util.Arrays;

/**
 * Rank-based scores: ROC-AUC and average precision. Both group tied scores, so the answer does not
 * depend on the order of the rows (scikit-learn's definitions). The scores of positives and negatives
 * are sorted apart as primitive arrays and walked together from the top, highest score first.
 */
public final class Ranking {
    private Ranking() {}

    /** One step of {@link #sweep}: at {@code threshold}, tp positives and fp negatives score at or above it. */
    @FunctionalInterface
    public interface Step {
        void at(double threshold, long tp, long fp);
    }

    /**
     * Walks every distinct score as a threshold, highest first, calling {@code step} with the
     * cumulative true and false positives there (ties grouped); returns the number of positives.
     * One sort of each class, no boxing: the walk behind average precision and threshold tuning.
     */
    public static int sweep(boolean[] actual, double[] score, Step step) {
        double[][] s = split(actual, score);
        double[] pos = s[0], neg = s[1];
        int pi = pos.length - 1, ni = neg.length - 1;
        long tp = 0, fp = 0;
        while (pi >= 0 || ni >= 0) {
            double v = Math.max(
                    pi >= 0 ? pos[pi] : Double.NEGATIVE_INFINITY, ni >= 0 ? neg[ni] : Double.NEGATIVE_INFINITY);
            while (pi >= 0 && pos[pi] == v) {
                tp++;
                pi--;
            }
            while (ni >= 0 && neg[ni] == v) {
                fp++;
                ni--;
            }
            step.at(v, tp, fp);
        }
        return pos.length;
    }

    /** Positive scores and negative scores, each sorted ascending; -0.0 is read as 0.0. */
    private static double[][] split(boolean[] actual, double[] score) {
        int pos = 0;
        for (boolean a : actual) if (a) pos++;
        double[] p = new double[pos], n = new double[actual.length - pos];
        int i = 0, j = 0;
        for (int r = 0; r < actual.length; r++) {
            if (actual[r]) p[i++] = score[r] + 0.0;
            else n[j++] = score[r] + 0.0;
        }
        Arrays.sort(p);
        Arrays.sort(n);
        return new double[][] {p, n};
    }

    /**
     * Probability that a random positive scores above a random negative, ties counting one half
     * (the Mann-Whitney U statistic over n+ x n-); NaN when one class is absent.
     */
    static double rocAuc(boolean[] actual, double[] score) {
        double[][] s = split(actual, score);
        double[] pos = s[0], neg = s[1];
        if (pos.length == 0 || neg.length == 0) return Double.NaN;
        double u = 0;
        int below = 0; // negatives strictly below the current positive score
        int i = 0;
        while (i < pos.length) {
            double v = pos[i];
            int j = i;
            while (j < pos.length && pos[j] == v) j++;
            while (below < neg.length && neg[below] < v) below++;
            int equal = 0;
            while (below + equal < neg.length && neg[below + equal] == v) equal++;
            u += (j - i) * (below + 0.5 * equal);
            i = j;
        }
        return u / ((double) pos.length * neg.length);
    }

    /**
     * Average precision: sum over distinct thresholds (highest first) of (R_k - R_{k-1}) * P_k, the
     * step-wise area under the precision-recall curve without interpolation; NaN with no positives.
     */
    static double averagePrecision(boolean[] actual, double[] score) {
        int positives = 0;
        for (boolean a : actual) if (a) positives++;
        if (positives == 0) return Double.NaN;
        int n = positives;
        double[] acc = new double[2]; // area so far, previous recall
        sweep(actual, score, (threshold, tp, fp) -> {
            double recall = (double) tp / n;
            acc[0] += (recall - acc[1]) * ((double) tp / (tp + fp));
            acc[1] = recall;
        });
        return acc[0];
    }
}
