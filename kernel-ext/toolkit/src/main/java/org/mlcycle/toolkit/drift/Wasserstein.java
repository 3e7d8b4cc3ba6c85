package org.mlcycle.toolkit.drift;

/**
 * Wasserstein-1 (earth mover's) distance between two samples, the area between their empirical
 * CDFs, computed like {@code scipy.stats.wasserstein_distance} over the merged sorted values.
 */
final class Wasserstein {
    private Wasserstein() {}

    /** W1 of two ascending non-empty arrays. */
    static double distance(double[] a, double[] b) {
        int n = a.length, m = b.length;
        int i = 0, j = 0;
        double sum = 0, carry = 0; // Kahan: two million terms of mixed size
        double prev = Math.min(a[0], b[0]);
        while (i < n || j < m) {
            double x = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];
            double term = Math.abs((double) i / n - (double) j / m) * (x - prev);
            double y = term - carry;
            double t = sum + y;
            carry = (t - sum) - y;
            sum = t;
            prev = x;
            if (j >= m || (i < n && a[i] <= b[j])) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /**
     * {@link #distance(double[], double[])} of two samples given as distinct ascending values and their
     * counts (non-empty): the same area, summed over the distinct values instead of every value.
     */
    static double distance(double[] a, long[] countsA, double[] b, long[] countsB) {
        long n = Ks.total(countsA), m = Ks.total(countsB);
        int i = 0, j = 0;
        long belowA = 0, belowB = 0; // values < x on each side
        double sum = 0, carry = 0;
        double prev = Math.min(a[0], b[0]);
        while (i < a.length || j < b.length) {
            boolean fromA = j >= b.length || (i < a.length && a[i] <= b[j]);
            double x = fromA ? a[i] : b[j];
            double term = Math.abs((double) belowA / n - (double) belowB / m) * (x - prev);
            double y = term - carry;
            double t = sum + y;
            carry = (t - sum) - y;
            sum = t;
            prev = x;
            if (fromA) {
                belowA += countsA[i++];
            } else {
                belowB += countsB[j++];
            }
        }
        return sum;
    }
}
