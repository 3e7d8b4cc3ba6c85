package org.mlcycle.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.mlcycle.toolkit.stats.ValueCounts;

/**
 * Value counts of several columns in one shuffle: every row becomes one (column, value) pair per
 * column, the pairs are counted, and per column only the distinct count, the total, the sum of n ln n
 * (for the entropy) and the {@code keep} most frequent values (count descending, then value ascending,
 * as {@link ValueCounts#top} orders them) come back to the driver.
 */
final class ValueGroups {
    /** One value and how often it occurs, as the toolkit's text. */
    record Count(String value, double number, long count) {}

    /** The counts of one column. */
    record Groups(long distinct, long present, double nLogN, List<Count> top) {
        static final Groups NONE = new Groups(0, 0, 0, List.of());

        /** ydata-profiling's imbalance from the totals: 1 - H / ln k with H = ln N - sum(n ln n) / N. */
        double imbalance() {
            if (distinct < 2) return 0;
            double h = Math.log(present) - nLogN / present;
            return 1 - h / Math.log(distinct);
        }
    }

    private ValueGroups() {}

    /**
     * Counts the non-missing values of {@code columns}; numbers are counted as numbers (so 1 and 1.0 are
     * one value) and printed as the toolkit prints them. {@code where}, when not null, keeps only the
     * pairs it accepts; it sees the columns {@code c} (the index in {@code columns}), {@code s} and {@code d}.
     */
    static Map<String, Groups> of(Dataset<Row> ds, List<String> columns, int keep, Column where) {
        Map<String, Groups> out = new HashMap<>();
        if (columns.isEmpty()) return out;
        List<Column> pairs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            boolean number = SparkColumns.numeric(ds, name);
            Column v = SparkColumns.value(ds, name);
            pairs.add(struct(
                    lit(i).as("c"),
                    (number ? lit(null).cast(DataTypes.StringType) : v.cast(DataTypes.StringType)).as("s"),
                    (number ? v : lit(null).cast(DataTypes.DoubleType)).as("d")));
        }
        Dataset<Row> values = ds.select(
                        explode(array(pairs.toArray(Column[]::new))).as("p"))
                .select(col("p.c").as("c"), col("p.s").as("s"), col("p.d").as("d"))
                .where(col("s").isNotNull().or(col("d").isNotNull()));
        if (where != null) values = values.where(where);
        Dataset<Row> counted = values.groupBy("c", "s", "d").agg(count(lit(1)).as("n"));
        var whole = Window.partitionBy("c");
        var ranked = Window.partitionBy("c").orderBy(col("n").desc(), col("s").asc(), col("d").asc());
        List<Row> rows = counted.withColumn("k", count(lit(1)).over(whole))
                .withColumn("total", sum(col("n")).over(whole))
                .withColumn("nlogn", sum(col("n").multiply(log(col("n")))).over(whole))
                .withColumn("rank", row_number().over(ranked))
                .where(col("rank").leq(Math.max(keep, 1)))
                .select("c", "s", "d", "n", "k", "total", "nlogn", "rank")
                .collectAsList();
        Map<Integer, List<Row>> byColumn = new HashMap<>();
        for (Row r : rows) {
            byColumn.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Integer, List<Row>> e : byColumn.entrySet()) {
            List<Row> rs = new ArrayList<>(e.getValue());
            rs.sort((a, b) -> Integer.compare(a.getInt(7), b.getInt(7)));
            List<Count> top = new ArrayList<>();
            for (Row r : rs) {
                if (top.size() >= keep) break;
                boolean number = r.isNullAt(1);
                double d = number ? r.getDouble(2) : Double.NaN;
                top.add(new Count(number ? ValueCounts.text(d) : r.getString(1), d, r.getLong(3)));
            }
            Row first = rs.get(0);
            out.put(columns.get(e.getKey()), new Groups(first.getLong(4), first.getLong(5), first.getDouble(6), top));
        }
        return out;
    }
}
