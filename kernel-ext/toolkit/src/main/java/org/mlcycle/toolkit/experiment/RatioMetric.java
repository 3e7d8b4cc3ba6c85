package org.mlcycle.toolkit.experiment;

import java.util.Locale;
import org.mlcycle.toolkit.report.Numbers;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * A ratio of two sums over the randomized units, such as CTR = clicks / impressions when the unit
 * randomized is the request: its variance by the delta method, which treats each unit (not each
 * impression) as one independent draw:
 *
 * <pre>
 *   R = sum x / sum y,   Var(R) = sum (x_i - R y_i)^2 / (m (m - 1) ybar^2)
 * </pre>
 *
 * with m units and ybar their mean denominator. The binomial variance R (1 - R) / sum y, which
 * counts every impression as an independent trial, is too small when the impressions of one request
 * share its user and query; their ratio is the design effect, by which a sample size planned per
 * impression must grow ({@link SampleSize#perArm(double)}). (Deng, Knoblich, Lu, "Applying the Delta
 * Method in Metric Analytics", KDD 2018.)
 *
 * @param units the randomized units (requests), including those with a zero denominator
 * @param variance the delta-method variance of the ratio
 */
public record RatioMetric(String name, long units, double numerator, double denominator, double variance) {

    public RatioMetric {
        Require.that(units > 1, "ratio metric", "%s: needs at least two units, got %d", name, units);
        Require.that(denominator > 0, "ratio metric", "%s: the denominator sums to %s", name, denominator);
    }

    /** The ratio of {@code numerator[i]} over {@code denominator[i]} summed over units i. */
    public static RatioMetric of(String name, double[] numerator, double[] denominator) {
        Require.that(
                numerator != null && denominator != null && numerator.length == denominator.length,
                "ratio metric",
                "%s: numerator and denominator need one value per unit each",
                name);
        int m = numerator.length;
        double sx = 0, sy = 0;
        for (int i = 0; i < m; i++) {
            sx += numerator[i];
            sy += denominator[i];
        }
        Require.that(m > 1 && sy > 0, "ratio metric", "%s: %,d units, denominator sum %s", name, m, sy);
        double r = sx / sy, ybar = sy / m, ss = 0;
        for (int i = 0; i < m; i++) {
            double d = numerator[i] - r * denominator[i];
            ss += d * d;
        }
        return new RatioMetric(name, m, sx, sy, ss / ((double) m * (m - 1) * ybar * ybar));
    }

    /**
     * The ratio per unit from a log with one or more rows per unit: sums {@code numerator} and
     * {@code denominator} (integer columns) by the unit number in {@code unit} (0 to {@code units} -
     * 1); units with no row count as zero over zero.
     */
    public static RatioMetric perUnit(
            String name, Table log, String unit, String numerator, String denominator, int units) {
        Require.table(log, "ratio metric", "log");
        Require.column(log, unit, "ratio metric");
        Require.column(log, numerator, "ratio metric");
        Require.column(log, denominator, "ratio metric");
        double[] x = new double[units], y = new double[units];
        for (int i = 0; i < log.rowCount(); i++) {
            int u = log.intColumn(unit).getInt(i);
            Require.that(u >= 0 && u < units, "ratio metric", "%s: unit %d outside 0..%d", name, u, units - 1);
            x[u] += log.intColumn(numerator).getInt(i);
            y[u] += log.intColumn(denominator).getInt(i);
        }
        return of(name, x, y);
    }

    public double ratio() {
        return numerator / denominator;
    }

    public double standardError() {
        return Math.sqrt(variance);
    }

    /** The binomial variance R (1 - R) / denominator: every unit of the denominator an independent trial. */
    public double naiveVariance() {
        double r = ratio();
        return r * (1 - r) / denominator;
    }

    /** The delta-method variance over the naive one: how much the clustering in units inflates it. */
    public double designEffect() {
        return variance / naiveVariance();
    }

    /** The normal interval at level 1 - alpha: {low, high}. */
    public double[] interval(double alpha) {
        double half = Normal.quantile(1 - alpha / 2) * standardError();
        return new double[] {ratio() - half, ratio() + half};
    }

    /** The z statistic of treatment - control, with the two arms' delta-method variances. */
    public static double z(RatioMetric control, RatioMetric treatment) {
        double se = Math.sqrt(control.variance + treatment.variance);
        return se == 0 ? 0 : (treatment.ratio() - control.ratio()) / se;
    }

    /** The two-sided p-value of {@link #z}. */
    public static double pValue(RatioMetric control, RatioMetric treatment) {
        return Normal.twoSided(z(control, treatment));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s: %s over %,d units, standard error %s (delta method), design effect %.2f",
                name,
                Numbers.format(ratio()),
                units,
                Numbers.format(standardError()),
                designEffect());
    }
}
