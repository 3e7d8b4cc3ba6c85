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
}
