package org.mlcycle.toolkit.stats;

/**
 * Quantiles with linear interpolation between order statistics (Hyndman-Fan type 7, the default of
 * numpy, pandas and R): position h = (n - 1) p, value = x[floor h] + (h - floor h)(x[floor h + 1] -
 * x[floor h]). On 1, 2, 3, 4 the 25th percentile is 1.75; Tablesaw's {@code percentile} gives 1.25.
 * The interpolation is written the way numpy writes it (from the upper value when the fraction is at
 * least one half) so results agree with it to the last bit; commons-math3's R_7 estimator can be one
 * ulp off, and its default (LEGACY) is another definition: see CommonsMathVersusScipyTest.
 */
public final class Quantiles {
    private Quantiles() {}

    /** The type-7 quantile {@code p} (0..1) of ascending {@code sorted}; NaN when it is empty. */
    public static double of(double[] sorted, double p) {
        return of(sorted, 0, sorted.length, p);
    }

    /** The type-7 quantile of the ascending run {@code sorted[from, to)}. */
    public static double of(double[] sorted, int from, int to, double p) {
        int n = to - from;
        if (n == 0) {
            return Double.NaN;
        }
        if (p < 0 || p > 1 || Double.isNaN(p)) {
            throw new IllegalArgumentException("quantile: p must be in [0, 1], got " + p);
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[to - 1];
        }
        double t = h - lo;
        double a = sorted[from + lo];
        double b = sorted[from + lo + 1];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
