package org.mlcycle.toolkit.drift;

import java.util.Arrays;
import org.mlcycle.toolkit.stats.Quantiles;

/**
 * Population Stability Index on bins cut at the reference's quantiles. Interior edges are the
 * distinct type-7 quantiles at 1/bins .. (bins-1)/bins of the reference; a value's bin is the number
 * of edges strictly below it, so bins are (e[i-1], e[i]] with open outer bins. Empty bins count as
 * 1e-4 rather than 0 (no renormalisation), so one value the reference never saw cannot make the
 * index infinite; the usual 0.1 / 0.25 bands assume this convention.
 */
public final class Psi {
    static final double EMPTY_BIN = 1e-4;

    private Psi() {}

    /** The interior bin edges from an ascending reference sample. */
    static double[] edges(double[] sortedReference, int bins) {
        double[] e = new double[bins - 1];
        int k = 0;
        for (int i = 1; i < bins; i++) {
            double q = Quantiles.of(sortedReference, i / (double) bins);
            if (k == 0 || q != e[k - 1]) {
                e[k++] = q;
            }
        }
        return Arrays.copyOf(e, k);
    }

    /** Share of an ascending sample in each of the edges.length + 1 bins. */
    static double[] shares(double[] sorted, double[] edges) {
        return ColumnDrifts.shares(counts(sorted, edges), sorted.length);
    }

    /** Count of an ascending sample's values in each of the edges.length + 1 bins. */
    static long[] counts(double[] sorted, double[] edges) {
        long[] n = new long[edges.length + 1];
        int below = 0; // values <= previous edge
        for (int i = 0; i < edges.length; i++) {
            int upTo = upperBound(sorted, edges[i]);
            n[i] = upTo - below;
            below = upTo;
        }
        n[edges.length] = sorted.length - below;
        return n;
    }

    /** Number of values <= x in an ascending array. */
    static int upperBound(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** sum((cur - ref) ln(cur / ref)) with empty shares replaced by 1e-4. */
    public static double of(double[] ref, double[] cur) {
        double psi = 0;
        for (int i = 0; i < ref.length; i++) {
            double a = ref[i] == 0 ? EMPTY_BIN : ref[i];
            double b = cur[i] == 0 ? EMPTY_BIN : cur[i];
            psi += (b - a) * Math.log(b / a);
        }
        return psi;
    }
}
