package org.mlcycle.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.mlcycle.toolkit.quality.ColumnProfile;
import org.mlcycle.toolkit.quality.ColumnProfiles;
import org.mlcycle.toolkit.quality.Histogram;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.quality.ProfileOptions;
import org.mlcycle.toolkit.quality.ProfileReport;
import org.mlcycle.toolkit.stats.ValueCount;

/**
 * {@link Profile#of} over a Spark {@code Dataset}: the same {@link ProfileReport}, computed where the
 * data is and assembled by the toolkit's {@link ColumnProfiles} from what Spark aggregated. The data is read
 * once: every row becomes one (column, text, number) pair per profiled column plus one pair holding two
 * hashes of the whole row, and one shuffle counts the distinct pairs. Everything else is computed from those
 * counts, a few rows per distinct value, in three small jobs: per column the distinct count, values, zeros,
 * sum, min, max and exact quantiles; per histogram bin the count and the sums of squared and cubed
 * deviations (std and skewness); the top values. Counting values replaces a pass per statistic over the
 * rows, and the hashes replace moving every column of every row to find the duplicates.
 *
 * <p>Exact as on a table: counts, missing, distinct, zeros, min, max, histogram counts, top values,
 * imbalance, and the quantiles (Spark's {@code percentile} with the value counts as frequencies, which
 * interpolates as the table does, type 7); mean, std and skewness up to the order of floating-point sums.
 * The price of exact quantiles: Spark's {@code percentile} holds a column's distinct values with their counts
 * in one task's memory, so a number column of hundreds of millions of distinct values wants a large executor
 * (an ad log's features have thousands: 9,916 at most at 10M generated rows).
 * Approximate only: the duplicate rows, counted as the rows less the distinct (xxHash64, Murmur3) pairs of
 * each row's cells and which of them are missing. Two different rows count as one only if both hashes
 * agree, a chance below n^2 / 2^97 for n rows (1e-15 at 10M rows).
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
        if (columns.isEmpty()) {
            return ColumnProfiles.report(name, SparkColumns.rows(ds.count(), WHO), List.of(), 0, options);
        }
        // the one read of the data: the value counts of every column and the row hashes' counts
        Dataset<Row> counted = ValueGroups.pairs(ds, columns, rowKey(ds, columns))
                .groupBy("c", "s", "d")
                .agg(count(lit(1)).as("n"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return measure(ds, counted, name, options, columns);
        } finally {
            counted.unpersist();
        }
    }

    private static ProfileReport measure(
            Dataset<Row> ds, Dataset<Row> counted, String name, ProfileOptions options, List<String> columns) {
        double[] ps =
                Profile.QUANTILES.stream().mapToDouble(Double::doubleValue).toArray();
        Column c = col("c"), d = col("d"), n = col("n");
        // per column: distinct, values, sum of n ln n, zeros, sum, min, max, quantiles (c = -1: the rows)
        Map<Integer, Row> totals = new HashMap<>();
        for (Row r : counted.groupBy("c")
                .agg(
                        count(lit(1)),
                        sum(n),
                        sum(n.multiply(log(n))),
                        sum(when(d.equalTo(0), n).otherwise(0)),
                        sum(d.multiply(n)),
                        min(d),
                        max(d),
                        expr("percentile(CASE WHEN c >= 0 THEN d END, array("
                                + String.join(
                                        ", ",
                                        Arrays.stream(ps)
                                                .mapToObj(Double::toString)
                                                .toList())
                                + "), n)"))
                .collectAsList()) {
            totals.put(r.getInt(0), r);
        }
        long rows = SparkColumns.whole(totals.get(-1), 2);
        long distinctRows = SparkColumns.whole(totals.get(-1), 1);
        List<Integer> numbers = new ArrayList<>();
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Row t = totals.get(i);
            boolean number = SparkColumns.numeric(ds, columns.get(i));
            if (t == null) continue;
            if (number) numbers.add(i);
            if (!number || t.getLong(1) <= options.categoricalLimit()) ranked.add(i);
        }
        Moments moments = moments(counted, numbers, totals, options.bins());
        Map<Integer, List<ValueGroups.Count>> tops = ValueGroups.top(counted, ranked, Math.max(options.topK(), 1));
        List<ColumnProfile> profiles = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String type = SparkColumns.tablesawType(ds.schema().apply(column).dataType())
                    .name();
            Row t = totals.get(i);
            long values = SparkColumns.whole(t, 2);
            long distinct = SparkColumns.whole(t, 1);
            List<ValueCount> top = tops.getOrDefault(i, List.of()).stream()
                    .map(v -> new ValueCount(v.value(), v.count()))
                    .toList();
            double imbalance = t == null ? 0 : ColumnProfiles.imbalance(distinct, values, SparkColumns.num(t, 3));
            if (!SparkColumns.numeric(ds, column)) {
                profiles.add(ColumnProfiles.categorical(column, type, rows, values, distinct, top, imbalance, options));
                continue;
            }
            int k = numbers.indexOf(i);
            profiles.add(ColumnProfiles.numeric(
                    column,
                    type,
                    rows,
                    values,
                    distinct,
                    SparkColumns.whole(t, 4),
                    k < 0 ? Double.NaN : moments.mean[k],
                    k < 0 ? Double.NaN : moments.m2[k],
                    k < 0 ? Double.NaN : moments.m3[k],
                    SparkColumns.num(t, 6),
                    SparkColumns.num(t, 7),
                    t == null || t.isNullAt(8) ? List.of() : doubles(t.getList(8)),
                    k < 0 ? new double[0] : moments.edges.get(k),
                    k < 0 ? new long[0] : moments.histograms.get(k),
                    top,
                    imbalance,
                    options));
        }
        long duplicates = rows - distinctRows;
        return ColumnProfiles.report(name, SparkColumns.rows(rows, WHO), profiles, duplicates, options);
    }

    /** Per number column (indexed as {@code numbers}): the mean, the sums of squared and cubed deviations, the histogram. */
    private record Moments(double[] mean, double[] m2, double[] m3, List<double[]> edges, List<long[]> histograms) {}

    /**
     * The histograms and the central sums of the number columns, in one aggregation over their value counts
     * grouped by (column, bin): one bin expression whose edges and mean are picked by the pair's column from
     * flat arrays (a chain of one expression per column outgrows Spark's generated code); the bins' sums add
     * up to the column's on the driver.
     */
    private static Moments moments(Dataset<Row> counted, List<Integer> numbers, Map<Integer, Row> totals, int bins) {
        int width = numbers.size();
        double[] mean = new double[width], m2 = new double[width], m3 = new double[width];
        List<double[]> edgesOf = new ArrayList<>();
        List<long[]> histograms = new ArrayList<>();
        if (width == 0) return new Moments(mean, m2, m3, edgesOf, histograms);
        int top = numbers.get(width - 1) + 1;
        double[] first = new double[top], norm = new double[top], means = new double[top];
        double[] flat = new double[top * (bins + 1)];
        for (int k = 0; k < width; k++) {
            int i = numbers.get(k);
            Row t = totals.get(i);
            mean[k] = SparkColumns.num(t, 5) / t.getLong(2);
            double[] e = Histogram.edges(SparkColumns.num(t, 6), SparkColumns.num(t, 7), bins);
            edgesOf.add(e);
            histograms.add(new long[bins]);
            first[i] = e[0];
            norm[i] = bins / (e[bins] - e[0]);
            means[i] = mean[k];
            System.arraycopy(e, 0, flat, i * (bins + 1), bins + 1);
        }
        Column c = col("c"), d = col("d"), n = col("n");
        // numpy's rule, as Histogram.counts: the scaled offset, then one step back or forward against the edges
        Column i0 = d.minus(element_at(doubles(first), c.plus(1)))
                .multiply(element_at(doubles(norm), c.plus(1)))
                .cast(DataTypes.IntegerType);
        Column i = when(i0.equalTo(bins), bins - 1).otherwise(i0);
        Column base = c.multiply(bins + 1).plus(1);
        Column below = d.lt(element_at(doubles(flat), base.plus(i)));
        Column above = i.notEqual(bins - 1)
                .and(d.geq(element_at(doubles(flat), base.plus(i).plus(1))));
        Column b = when(below, i.minus(1)).when(above, i.plus(1)).otherwise(i);
        Column dev = d.minus(element_at(doubles(means), c.plus(1)));
        for (Row r : counted.where(c.isin(numbers.toArray()).and(d.isNotNull()))
                .select(c, b.as("b"), n, dev.as("e"))
                .groupBy("c", "b")
                .agg(sum(n), sum(n.multiply(pow(col("e"), 2))), sum(n.multiply(pow(col("e"), 3))))
                .collectAsList()) {
            int k = numbers.indexOf(r.getInt(0));
            histograms.get(k)[r.getInt(1)] += r.getLong(2);
            m2[k] += r.getDouble(3);
            m3[k] += r.getDouble(4);
        }
        return new Moments(mean, m2, m3, edgesOf, histograms);
    }

    /**
     * One more pair per row, column -1: the row's xxHash64 as text and its Murmur3 as the number, both over
     * the cells and whether each is missing (Spark's hashes skip a missing cell, so without the flags two rows
     * with one value in different columns would hash alike).
     */
    private static Column rowKey(Dataset<Row> ds, List<String> columns) {
        List<Column> cells = new ArrayList<>();
        for (String name : columns) cells.add(SparkColumns.column(name));
        for (String name : columns) cells.add(SparkColumns.column(name).isNull());
        Column[] all = cells.toArray(Column[]::new);
        return struct(
                lit(-1).as("c"),
                xxhash64(all).cast(DataTypes.StringType).as("s"),
                hash(all).cast(DataTypes.DoubleType).as("d"));
    }

    private static Column doubles(double[] values) {
        return array(Arrays.stream(values).mapToObj(v -> lit(v)).toArray(Column[]::new));
    }

    static List<Double> doubles(List<Object> values) {
        return values.stream().map(o -> ((Number) o).doubleValue()).toList();
    }
}
