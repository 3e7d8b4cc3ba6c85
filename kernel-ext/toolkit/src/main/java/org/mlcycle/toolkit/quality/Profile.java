package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.stats.NumericValues;
import org.mlcycle.toolkit.stats.Quantiles;
import org.mlcycle.toolkit.stats.ValueCount;
import org.mlcycle.toolkit.stats.ValueCounts;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Profiles a table: per column count, missing, distinct, and for numbers zeros, mean, sample std,
 * min, max, skewness, type-7 quantiles 5/25/50/75/95 and an equal-width histogram; top values for
 * categories; duplicate rows; ydata-profiling-style alerts. Missing cells never blank a statistic.
 */
public final class Profile {
    /** The quantiles every numeric column gets. */
    public static final List<Double> QUANTILES = List.of(0.05, 0.25, 0.50, 0.75, 0.95);

    private static final String WHO = "profile";

    private Profile() {}

    /** Profiles {@code table} with {@link ProfileOptions#defaults()}. */
    public static ProfileReport of(Table table) {
        return of(table, ProfileOptions.defaults());
    }

    /** Profiles {@code table}; ignored columns must exist. */
    public static ProfileReport of(Table table, ProfileOptions options) {
        Require.table(table, WHO, "profiled");
        for (String c : options.ignore()) {
            Require.column(table, c, WHO);
        }
        List<Column<?>> columns = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (!options.ignore().contains(c.name())) {
                columns.add(c);
            }
        }
        List<ColumnProfile> profiles = new ArrayList<>();
        for (Column<?> c : columns) {
            profiles.add(NumericValues.isNumeric(c) ? numeric(c, options) : categorical(c, options));
        }
        long duplicates = Duplicates.count(columns, table.rowCount());
        return ColumnProfiles.report(table.name(), table.rowCount(), profiles, duplicates, options);
    }

    private static ColumnProfile numeric(Column<?> c, ProfileOptions o) {
        double[] v = NumericValues.sorted(c);
        int n = v.length;
        String type = c.type().name();
        if (n == 0) {
            return ColumnProfiles.empty(c.name(), type, c.size());
        }
        double sum = 0;
        long zeros = 0;
        long distinct = 1;
        for (int i = 0; i < n; i++) {
            sum += v[i];
            if (v[i] == 0) {
                zeros++;
            }
            if (i > 0 && v[i] != v[i - 1]) {
                distinct++;
            }
        }
        double mean = sum / n;
        double m2 = 0, m3 = 0;
        for (double x : v) {
            double d = x - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
        }
        List<Double> qs = new ArrayList<>();
        for (double p : QUANTILES) {
            qs.add(Quantiles.of(v, p));
        }
        double[] edges = Histogram.edges(v[0], v[n - 1], o.bins());
        long[] counts = Histogram.counts(v, edges);
        List<ValueCount> top = List.of();
        double imbalance = Double.NaN;
        if (distinct <= o.categoricalLimit()) {
            List<ValueCount> runs = runs(v);
            imbalance = imbalance(runs.stream().mapToLong(ValueCount::count).toArray());
            runs.sort((a, b) -> Long.compare(b.count(), a.count()));
            top = runs;
        }
        return ColumnProfiles.numeric(
                c.name(), type, c.size(), n, distinct, zeros, mean, m2, m3, v[0], v[n - 1], qs, edges, counts, top,
                imbalance, o);
    }

    private static ColumnProfile categorical(Column<?> c, ProfileOptions o) {
        ValueCounts vc = ValueCounts.of(c);
        List<ValueCount> top = new ArrayList<>();
        for (Map.Entry<String, Long> e : vc.top(o.topK())) {
            top.add(new ValueCount(e.getKey(), e.getValue()));
        }
        double imbalance = imbalance(
                vc.counts().values().stream().mapToLong(Long::longValue).toArray());
        return ColumnProfiles.categorical(
                c.name(),
                c.type().name(),
                c.size(),
                c.size() - vc.missing(),
                vc.counts().size(),
                top,
                imbalance,
                o);
    }

    /** Runs of equal values in ascending order, as value counts (ascending by value). */
    private static List<ValueCount> runs(double[] sorted) {
        List<ValueCount> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[start]) {
                out.add(new ValueCount(ValueCounts.text(sorted[start]), i - start));
                start = i;
            }
        }
        return out;
    }

    /** pandas' skew: sqrt(n(n-1))/(n-2) * m3 / m2^1.5 from population moments; 0 for a constant column. */
    public static double skewness(int n, double m2, double m3) {
        if (n < 3) {
            return Double.NaN;
        }
        if (m2 == 0) {
            return 0;
        }
        return Math.sqrt((double) n * (n - 1)) / (n - 2) * m3 / Math.pow(m2, 1.5);
    }

    /** ydata-profiling's imbalance: 1 - entropy of the shares in base k; 0 with fewer than two values. */
    public static double imbalance(long[] counts) {
        int k = counts.length;
        if (k < 2) {
            return 0;
        }
        double total = 0;
        for (long c : counts) {
            total += c;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = c / total;
                h -= p * Math.log(p);
            }
        }
        return 1 - h / Math.log(k);
    }
}
