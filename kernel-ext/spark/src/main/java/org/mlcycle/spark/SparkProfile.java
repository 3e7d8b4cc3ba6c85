package org.mlcycle.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.skewness;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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
 * data is. Four jobs whatever the width, each with a handful of aggregate expressions: the numeric
 * columns as (column, value) pairs grouped by column (counts, zeros, mean, std, skewness, min, max,
 * quantiles); one shuffle counting the values of every column (exact distinct counts, top values,
 * imbalance); the same pairs again for the histograms (their edges need min and max); one shuffle for
 * the duplicate rows, all four over the profiled columns read once (persisted for the call unless the
 * caller persisted the Dataset). One wide aggregation of seven expressions per column was the obvious design and
 * ran several times slower: Spark's generated code for it outgrows what the JIT compiles.
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
        // the four jobs read the profiled columns once (SparkColumns.keep)
        Dataset<Row> kept = SparkColumns.keep(ds, columns);
        try {
            return of(kept, name, options, columns);
        } finally {
            SparkColumns.release(ds, kept);
        }
    }

    private static ProfileReport of(Dataset<Row> ds, String name, ProfileOptions options, List<String> columns) {
        double[] ps =
                Profile.QUANTILES.stream().mapToDouble(Double::doubleValue).toArray();
        List<String> numbers =
                columns.stream().filter(c -> SparkColumns.numeric(ds, c)).toList();
        // one aggregation grouped by column over (column, value) pairs: a handful of aggregate
        // expressions whatever the width (a wide row of 7 per column outgrows Spark's generated code)
        Map<Integer, Row> moments = new java.util.HashMap<>();
        for (Row r : longForm(ds, numbers, true)
                .groupBy("c")
                .agg(
                        count(col("d")),
                        sum(when(col("d").equalTo(0), 1).otherwise(0)),
                        avg(col("d")),
                        stddev_samp(col("d")),
                        min(col("d")),
                        max(col("d")),
                        skewness(col("d")),
                        percentile_approx(col("d"), lit(ps), lit(Approx.ACCURACY)))
                .collectAsList()) {
            moments.put(r.getInt(0), r);
        }
        long rows = moments.containsKey(-1) ? moments.get(-1).getLong(1) : 0;
        int keep = Math.max(options.topK(), 1);
        Map<String, ValueGroups.Groups> groups = ValueGroups.of(ds, columns, keep, options.categoricalLimit(), null);

        List<ColumnProfile> profiles = new ArrayList<>();
        List<Integer> binned = new ArrayList<>();
        List<double[]> edgesOf = new ArrayList<>();
        for (String c : columns) {
            String type =
                    SparkColumns.tablesawType(ds.schema().apply(c).dataType()).name();
            ValueGroups.Groups g = groups.getOrDefault(c, ValueGroups.Groups.NONE);
            if (!SparkColumns.numeric(ds, c)) {
                long n = g.present();
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
            Row a = moments.get(numbers.indexOf(c));
            long n = a == null ? 0 : a.getLong(1);
            if (a == null) a = RowFactory.create(0, 0L, 0L, null, null, null, null, null, null);
            long zeros = SparkColumns.whole(a, 2);
            double mean = SparkColumns.num(a, 3), std = SparkColumns.num(a, 4);
            double lo = SparkColumns.num(a, 5), hi = SparkColumns.num(a, 6);
            double g1 = SparkColumns.num(a, 7);
            List<Double> qs = a.isNullAt(8) ? List.of() : doubles(a.getList(8));
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
            binned.add(numbers.indexOf(c));
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
        List<List<Long>> histograms = histograms(ds, numbers, binned, edgesOf);
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

    /**
     * The histograms of the numeric columns at {@code binned} (indices into {@code numbers}), one bin
     * expression over (column, value) pairs whose edges are picked by the pair's column, then one small
     * grouped count.
     */
    private static List<List<Long>> histograms(
            Dataset<Row> ds, List<String> numbers, List<Integer> binned, List<double[]> edgesOf) {
        List<List<Long>> out = new ArrayList<>();
        if (binned.isEmpty()) return out;
        int bins = edgesOf.get(0).length - 1;
        // every column's edges in one flat array, looked up by the pair's column: one small expression
        // however many columns (a chain of one expression per column outgrows Spark's generated code)
        double[] first = new double[numbers.size()], norm = new double[numbers.size()];
        double[] flat = new double[numbers.size() * (bins + 1)];
        for (int i = 0; i < binned.size(); i++) {
            double[] e = edgesOf.get(i);
            int c = binned.get(i);
            first[c] = e[0];
            norm[c] = bins / (e[bins] - e[0]);
            System.arraycopy(e, 0, flat, c * (bins + 1), bins + 1);
        }
        Column c = col("c"), d = col("d");
        Column i0 = d.minus(element_at(doubles(first), c.plus(1)))
                .multiply(element_at(doubles(norm), c.plus(1)))
                .cast(DataTypes.IntegerType);
        Column i = when(i0.equalTo(bins), bins - 1).otherwise(i0);
        Column base = c.multiply(bins + 1).plus(1);
        Column below = d.lt(element_at(doubles(flat), base.plus(i)));
        Column above = i.notEqual(bins - 1)
                .and(d.geq(element_at(doubles(flat), base.plus(i).plus(1))));
        Column b = when(below, i.minus(1)).when(above, i.plus(1)).otherwise(i);
        Map<Long, Long> counts = new java.util.HashMap<>();
        for (Row r : longForm(ds, numbers, false)
                .where(c.isin(binned.toArray()).and(d.isNotNull()))
                .select(c, b.as("b"))
                .groupBy("c", "b")
                .count()
                .collectAsList()) {
            counts.put(r.getInt(0) * (long) bins + r.getInt(1), r.getLong(2));
        }
        for (int k : binned) {
            List<Long> h = new ArrayList<>();
            for (int x = 0; x < bins; x++) {
                h.add(counts.getOrDefault(k * (long) bins + x, 0L));
            }
            out.add(h);
        }
        return out;
    }

    private static Column doubles(double[] values) {
        return array(Arrays.stream(values).mapToObj(v -> lit(v)).toArray(Column[]::new));
    }

    /**
     * The numeric columns as (c, d) pairs: c the index in {@code numbers}, d the value as a double (null
     * when missing); with {@code rows}, one more pair (-1, 0) per row, whose count is the row count.
     */
    static Dataset<Row> longForm(Dataset<Row> ds, List<String> numbers, boolean rows) {
        List<Column> pairs = new ArrayList<>();
        if (rows) pairs.add(struct(lit(-1).as("c"), lit(0.0).as("d")));
        for (int i = 0; i < numbers.size(); i++) {
            pairs.add(struct(
                    lit(i).as("c"), SparkColumns.value(ds, numbers.get(i)).as("d")));
        }
        if (pairs.isEmpty()) pairs.add(struct(lit(-1).as("c"), lit(0.0).as("d")));
        return ds.select(explode(array(pairs.toArray(Column[]::new))).as("p"))
                .select(col("p.c").as("c"), col("p.d").as("d"));
    }

    static List<Double> doubles(List<Object> values) {
        return values.stream().map(o -> ((Number) o).doubleValue()).toList();
    }

    static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
