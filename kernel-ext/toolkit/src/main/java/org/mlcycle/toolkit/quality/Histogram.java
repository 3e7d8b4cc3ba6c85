package org.mlcycle.toolkit.quality;

/**
 * Equal-width bins over [min, max] with the last bin closed on the right, computed as numpy's
 * {@code histogram(v, bins, range=(min, max))} does (edges from {@code linspace}, a value's bin from
 * its scaled offset, corrected against the edges), so counts agree with numpy exactly.
 */
public final class Histogram {
    private Histogram() {}

    /** The bins + 1 edges; a constant column gets [v - 0.5, v + 0.5] as numpy does. */
    public static double[] edges(double min, double max, int bins) {
        double first = min, last = max;
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double[] e = new double[bins + 1];
        double step = (last - first) / bins;
        for (int i = 0; i <= bins; i++) {
            e[i] = i * step + first;
        }
        e[bins] = last;
        return e;
    }

    /** Counts of {@code values} (all within [edges[0], edges[bins]]) per bin. */
    static long[] counts(double[] values, double[] edges) {
        int bins = edges.length - 1;
        double first = edges[0], last = edges[bins];
        double norm = bins / (last - first);
        long[] counts = new long[bins];
        for (double v : values) {
            if (v < first || v > last) {
                continue;
            }
            int i = (int) ((v - first) * norm);
            if (i == bins) {
                i--;
            }
            if (v < edges[i]) {
                i--;
            } else if (i != bins - 1 && v >= edges[i + 1]) {
                i++;
            }
            counts[i]++;
        }
        return counts;
    }
}
