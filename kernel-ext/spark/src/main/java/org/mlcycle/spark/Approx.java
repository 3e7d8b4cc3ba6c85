package org.mlcycle.spark;

/**
 * What is approximate on Spark, and how far off it may be. Everything else the Spark path reports is
 * exact (counts, distinct counts, top values, min, max, histograms, the profile's quantiles, check counts)
 * or exact up to the order of floating-point sums (mean, std, skewness); the profile's duplicate rows are
 * counted by hashes (see {@link SparkProfile}).
 */
public final class Approx {
    /**
     * Spark's {@code percentile_approx} accuracy: a returned quantile is a value of the column whose rank
     * is within n / ACCURACY of the asked rank (relative rank error 1e-4), where a table interpolates
     * (type 7). Used by {@code quantile(COL, P)} checks and the drift sketches.
     */
    public static final int ACCURACY = 10_000;

    /**
     * Drift holds a number column's value counts on the driver when a side has at most this many distinct
     * values (or as many as {@code DriftOptions.categoricalUpTo}, if more): there its statistics are the
     * table's own, exactly. A side with more values is sketched by {@code percentile_approx} at GRID points.
     */
    public static final int EXACT_VALUES = 50_000;

    /**
     * Quantiles per numeric column in a drift sketch, at (i + 0.5) / GRID. KS D and Wasserstein are read
     * off these grids: |D_spark - D| <= 2 (1 / GRID + 1 / ACCURACY + 1 / n), and |W_spark - W| <=
     * (range_ref + range_cur) (2 / GRID + 2 / ACCURACY + 2 / n). Only a column with more than
     * {@link #EXACT_VALUES} values on one side is read this way; the held side's grid is then exact (type-7
     * quantiles of its values).
     */
    public static final int GRID = 1000;

    private Approx() {}

    /** The bound on |D_spark - D| for samples of {@code n} and {@code m} values. */
    public static double ksBound(long n, long m) {
        return 2.0 / GRID + 2.0 / ACCURACY + 1.0 / n + 1.0 / m;
    }

    /** The bound on |W_spark - W| given both samples' ranges (max - min). */
    public static double wassersteinBound(double rangeRef, double rangeCur, long n, long m) {
        return (rangeRef + rangeCur) * (2.0 / GRID + 2.0 / ACCURACY + 2.0 / Math.min(n, m));
    }
}
