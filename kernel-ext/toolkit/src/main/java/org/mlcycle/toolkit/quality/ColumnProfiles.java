package org.mlcycle.toolkit.quality;

import java.util.Arrays;
import java.util.List;
import org.mlcycle.toolkit.stats.ValueCount;

/**
 * The engine-free half of {@link Profile}: one column's {@link ColumnProfile} from the aggregates an engine
 * computed (a table in memory, or Spark's aggregations), and the report with its alerts, so that every
 * derived statistic (sample std, pandas' skewness, which columns get top values) comes from one method
 * whichever engine read the data.
 */
public final class ColumnProfiles {
    private ColumnProfiles() {}

    /**
     * One number column's profile. An engine measures: {@code values} non-missing values of {@code rows},
     * their distinct count, zeros, mean, the sums of squared and cubed deviations from the mean
     * ({@code m2}, {@code m3}), min, max, the quantiles at {@link Profile#QUANTILES}, the histogram over
     * {@code edges} ({@link Histogram#edges} of min and max), and its most frequent values (count
     * descending, ties by value) with the imbalance of all its value counts, or an empty list and NaN where it
     * did not count them. Top values and imbalance are kept when the column has at most
     * {@link ProfileOptions#categoricalLimit()} distinct values, as on a table.
     */
    public static ColumnProfile numeric(
            String name,
            String type,
            long rows,
            long values,
            long distinct,
            long zeros,
            double mean,
            double m2,
            double m3,
            double min,
            double max,
            List<Double> quantiles,
            double[] edges,
            long[] histogram,
            List<ValueCount> top,
            double imbalance,
            ProfileOptions o) {
        if (values == 0) return empty(name, type, rows);
        boolean counted = distinct <= o.categoricalLimit();
        return new ColumnProfile(
                name,
                type,
                true,
                rows,
                rows - values,
                distinct,
                zeros,
                mean,
                values > 1 ? Math.sqrt(m2 / (values - 1)) : Double.NaN,
                min,
                max,
                Profile.skewness(Math.toIntExact(values), m2 / values, m3 / values),
                quantiles,
                Arrays.stream(edges).boxed().toList(),
                Arrays.stream(histogram).boxed().toList(),
                counted ? first(top, o.topK()) : List.of(),
                counted ? imbalance : Double.NaN);
    }

    /**
     * One text (or other non-number) column's profile from its value counts: {@code present} non-missing
     * values of {@code rows}, their distinct count, the most frequent ones (count descending, ties by value)
     * and the imbalance of all the counts.
     */
    public static ColumnProfile categorical(
            String name,
            String type,
            long rows,
            long present,
            long distinct,
            List<ValueCount> top,
            double imbalance,
            ProfileOptions o) {
        return withoutNumbers(name, type, false, rows, rows - present, distinct, first(top, o.topK()), imbalance);
    }

    /** A number column with no values: every statistic but the counts NaN or empty. */
    public static ColumnProfile empty(String name, String type, long rows) {
        return withoutNumbers(name, type, true, rows, rows, 0, List.of(), Double.NaN);
    }

    private static ColumnProfile withoutNumbers(
            String name,
            String type,
            boolean numeric,
            long rows,
            long missing,
            long distinct,
            List<ValueCount> top,
            double imbalance) {
        return new ColumnProfile(
                name,
                type,
                numeric,
                rows,
                missing,
                distinct,
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                List.of(),
                List.of(),
                List.of(),
                top,
                imbalance);
    }

    /** The report of {@code rows} rows with its alerts. */
    public static ProfileReport report(
            String name, int rows, List<ColumnProfile> columns, long duplicates, ProfileOptions o) {
        return new ProfileReport(name, rows, columns, duplicates, Alerts.of(rows, columns, duplicates, o), o);
    }

    /** ydata-profiling's imbalance from totals: 1 - H / ln k with H = ln N - sum(n ln n) / N, k distinct values. */
    public static double imbalance(long distinct, long total, double nLogN) {
        if (distinct < 2) return 0;
        double h = Math.log(total) - nLogN / total;
        return 1 - h / Math.log(distinct);
    }

    private static List<ValueCount> first(List<ValueCount> top, int k) {
        return top.size() <= k ? top : List.copyOf(top.subList(0, k));
    }
}
