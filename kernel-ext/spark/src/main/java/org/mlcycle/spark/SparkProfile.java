package org.mlcycle.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.skewness;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.mlcycle.toolkit.quality.Alerts;
import org.mlcycle.toolkit.quality.ColumnProfile;
import org.mlcycle.toolkit.quality.Histogram;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.quality.ProfileAlert;
import org.mlcycle.toolkit.quality.ProfileOptions;
import org.mlcycle.toolkit.quality.ProfileReport;
import org.mlcycle.toolkit.stats.ValueCount;

/**
 * {@link Profile#of} over a Spark {@code Dataset}: the same {@link ProfileReport}, computed where the
 * data is. Four jobs whatever the width: one aggregation for counts, zeros, mean, std, skewness, min,
 * max and quantiles of every column; one shuffle counting the values of every column (exact distinct
 * counts, top values, imbalance); one pass for the histograms (their edges need min and max); one
 * shuffle for the duplicate rows.
 *
 * <p>Exact as on a table: counts, missing, distinct, zeros, min, max, histogram counts, top values,
 * duplicates; mean, std and skewness up to the order of floating-point sums. Approximate: the
 * quantiles, from Spark's {@code percentile_approx} (a Greenwald-Khanna sketch) with accuracy
 * {@link Approx#ACCURACY}: each is a value of the column whose rank is within n / ACCURACY of the
 * asked rank, where the table interpolates between neighbours (type 7).
 */
public final class SparkProfile {
    private static final String WHO = "profile";

    private SparkProfile() {}

    /** Profiles {@code ds}, called {@code name} in the report, with {@link ProfileOptions#defaults()}. */
    public static ProfileReport of(Dataset<Row> ds, String name) {
        return of(ds, name, ProfileOptions.defaults());
    }

    /** Profiles {@code ds}; ignored columns must exist (the same check and message as on a table). */
    public static ProfileReport of(Dataset<Row> ds, String name, ProfileOptions options) {
        if (ds == null) throw new IllegalArgumentException(WHO + ": the profiled table is null");
        Profile.of(SparkColumns.shell(ds, name), options); // the toolkit's own argument checks
        List<String> columns = new ArrayList<>();
        for (String c : ds.columns()) {
            if (!options.ignore().contains(c)) columns.add(c);
        }
        double[] ps =
                Profile.QUANTILES.stream().mapToDouble(Double::doubleValue).toArray();
        List<Column> aggs = new ArrayList<>(List.of(count(lit(1))));
        for (String c : columns) {
            Column v = SparkColumns.value(ds, c);
            aggs.add(count(v));
            if (SparkColumns.numeric(ds, c)) {
                aggs.addAll(List.of(
                        sum(when(v.equalTo(0), 1).otherwise(0)),
                        avg(v),
                        stddev_samp(v),
                        min(v),
                        max(v),
                        skewness(v),
                        percentile_approx(v, lit(ps), lit(Approx.ACCURACY))));
            }
        }
        Row a = ds.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .first();
        long rows = a.getLong(0);
        int keep = Math.max(options.topK(), 1);
        Map<String, ValueGroups.Groups> groups = ValueGroups.of(ds, columns, keep, null);

        List<ColumnProfile> profiles = new ArrayList<>();
        List<Column> bins = new ArrayList<>();
        List<double[]> edgesOf = new ArrayList<>();
        int at = 1;
        for (String c : columns) {
            long n = a.getLong(at++);
            String type =
                    SparkColumns.tablesawType(ds.schema().apply(c).dataType()).name();
            ValueGroups.Groups g = groups.getOrDefault(c, ValueGroups.Groups.NONE);
            if (!SparkColumns.numeric(ds, c)) {
                List<ValueCount> top = g.top().stream()
                        .limit(options.topK())
                        .map(v -> new ValueCount(v.value(), v.count()))
                        .toList();
                profiles.add(new ColumnProfile(
                        c,
                        type,
                        false,
                        rows,
                        rows - n,
                        g.distinct(),
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
                        g.imbalance()));
                continue;
            }
            long zeros = SparkColumns.whole(a, at);
            double mean = SparkColumns.num(a, at + 1), std = SparkColumns.num(a, at + 2);
            double lo = SparkColumns.num(a, at + 3), hi = SparkColumns.num(a, at + 4);
            double g1 = SparkColumns.num(a, at + 5);
            List<Double> qs = a.isNullAt(at + 6) ? List.of() : doubles(a.getList(at + 6));
            at += 7;
            if (n == 0) {
                profiles.add(new ColumnProfile(
                        c,
                        type,
                        true,
                        rows,
                        rows,
                        0,
                        0,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        Double.NaN));
                continue;
            }
            // Spark's skewness is the population g1 (NaN for a constant column); the toolkit reports
            // pandas' adjusted G1 and 0 for a constant column
            double skew = n < 3 ? Double.NaN : Double.isNaN(g1) ? 0 : g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
            double[] edges = Histogram.edges(lo, hi, options.bins());
            edgesOf.add(edges);
            bins.add(bin(SparkColumns.value(ds, c), edges).as("b" + bins.size()));
            List<ValueCount> top = List.of();
            double imbalance = Double.NaN;
            if (g.distinct() <= options.categoricalLimit()) {
                imbalance = g.imbalance();
                top = g.top().stream()
                        .limit(options.topK())
                        .map(v -> new ValueCount(v.value(), v.count()))
                        .toList();
            }
            profiles.add(new ColumnProfile(
                    c,
                    type,
                    true,
                    rows,
                    rows - n,
                    g.distinct(),
                    zeros,
                    mean,
                    n > 1 ? std : Double.NaN,
                    lo,
                    hi,
                    skew,
                    qs,
                    boxed(edges),
                    List.of(),
                    top,
                    imbalance));
        }
        List<List<Long>> histograms = histograms(ds, bins, edgesOf);
        int h = 0;
        for (int i = 0; i < profiles.size(); i++) {
            ColumnProfile p = profiles.get(i);
            if (p.numeric() && !p.edges().isEmpty()) {
                profiles.set(
                        i,
                        new ColumnProfile(
                                p.name(),
                                p.type(),
                                true,
                                p.count(),
                                p.missing(),
                                p.distinct(),
                                p.zeros(),
                                p.mean(),
                                p.std(),
                                p.min(),
                                p.max(),
                                p.skewness(),
                                p.quantiles(),
                                p.edges(),
                                histograms.get(h++),
                                p.top(),
                                p.imbalance()));
            }
        }
        long duplicates = rows < 2 || columns.isEmpty()
                ? 0
                : rows
                        - ds.select(columns.stream().map(SparkColumns::column).toArray(Column[]::new))
                                .distinct()
                                .count();
        int n = SparkColumns.rows(rows, WHO);
        List<ProfileAlert> alerts = Alerts.of(n, profiles, duplicates, options);
        return new ProfileReport(name, n, profiles, duplicates, alerts, options);
    }

    /**
     * A value's histogram bin, as {@code Histogram.counts} finds it (numpy's rule: the scaled offset,
     * then one step back or forward against the edges), or null for a missing value.
     */
    static Column bin(Column v, double[] edges) {
        int bins = edges.length - 1;
        double first = edges[0], last = edges[bins];
        double norm = bins / (last - first);
        Column e = org.apache.spark.sql.functions.array(
                Arrays.stream(edges).mapToObj(x -> lit(x)).toArray(Column[]::new));
        Column i0 = v.minus(first).multiply(norm).cast(DataTypes.IntegerType);
        Column i = when(i0.equalTo(bins), bins - 1).otherwise(i0);
        Column below = v.lt(element_at(e, i.plus(1)));
        Column above = i.notEqual(bins - 1).and(v.geq(element_at(e, i.plus(2))));
        return when(v.isNull(), lit(null))
                .otherwise(when(below, i.minus(1)).when(above, i.plus(1)).otherwise(i));
    }

    private static List<List<Long>> histograms(Dataset<Row> ds, List<Column> bins, List<double[]> edgesOf) {
        List<List<Long>> out = new ArrayList<>();
        if (bins.isEmpty()) return out;
        Dataset<Row> binned = ds.select(bins.toArray(Column[]::new));
        List<Column> counts = new ArrayList<>();
        for (int c = 0; c < bins.size(); c++) {
            for (int b = 0; b < edgesOf.get(c).length - 1; b++) {
                counts.add(sum(when(binned.col("b" + c).equalTo(b), 1L).otherwise(0L)));
            }
        }
        Row r = binned.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new))
                .first();
        int at = 0;
        for (double[] edges : edgesOf) {
            List<Long> h = new ArrayList<>();
            for (int b = 0; b < edges.length - 1; b++) {
                h.add(SparkColumns.whole(r, at++));
            }
            out.add(h);
        }
        return out;
    }

    static List<Double> doubles(List<Object> values) {
        return values.stream().map(o -> ((Number) o).doubleValue()).toList();
    }

    static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
