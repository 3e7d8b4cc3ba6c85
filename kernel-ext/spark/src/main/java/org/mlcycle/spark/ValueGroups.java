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
import org.apache.spark.storage.StorageLevel;
import org.mlcycle.toolkit.quality.ColumnProfiles;
import org.mlcycle.toolkit.stats.ValueCount;
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

        /** ydata-profiling's imbalance from the totals (see {@link ColumnProfiles#imbalance}). */
        double imbalance() {
            return ColumnProfiles.imbalance(distinct, present, nLogN);
        }

        /** The top values as the reports list them. */
        List<ValueCount> valueCounts() {
            return top.stream().map(v -> new ValueCount(v.value(), v.count())).toList();
        }
    }

    private ValueGroups() {}

    /** Counts the values of {@code columns} and keeps the top values of every one of them. */
    static Map<String, Groups> of(Dataset<Row> ds, List<String> columns, int keep, Column where) {
        return of(ds, columns, keep, Long.MAX_VALUE, where);
    }

    /**
     * Counts the non-missing values of {@code columns}; numbers are counted as numbers (so 1 and 1.0 are
     * one value) and printed as the toolkit prints them. Top values come back for text columns and for
     * numeric columns with at most {@code topLimit} distinct values: ranking the values of a column of a
     * million distinct numbers is most of the work and nobody reads its "top" values. {@code where}, when
     * not null, keeps only the pairs it accepts; it sees the columns {@code c} (the index in
     * {@code columns}), {@code s} and {@code d}.
     */
    static Map<String, Groups> of(Dataset<Row> ds, List<String> columns, int keep, long topLimit, Column where) {
        Map<String, Groups> out = new HashMap<>();
        if (columns.isEmpty()) return out;
        Dataset<Row> values = pairs(ds, columns, null);
        if (where != null) values = values.where(where);
        // one shuffle counts every (column, value) pair; the totals and the top values both read it
        Dataset<Row> counted =
                values.groupBy("c", "s", "d").agg(count(lit(1)).as("n")).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<Integer, Row> totals = new HashMap<>();
            for (Row r : counted.groupBy("c")
                    .agg(count(lit(1)).as("k"), sum(col("n")).as("total"), sum(col("n").multiply(log(col("n")))))
                    .collectAsList()) {
                totals.put(r.getInt(0), r);
            }
            List<Integer> ranked = new ArrayList<>();
            for (Map.Entry<Integer, Row> e : totals.entrySet()) {
                boolean number = SparkColumns.numeric(ds, columns.get(e.getKey()));
                if (!number || e.getValue().getLong(1) <= topLimit) ranked.add(e.getKey());
            }
            Map<Integer, List<Count>> tops = top(counted, ranked, keep);
            for (Map.Entry<Integer, Row> e : totals.entrySet()) {
                Row t = e.getValue();
                out.put(
                        columns.get(e.getKey()),
                        new Groups(
                                t.getLong(1), t.getLong(2), t.getDouble(3), tops.getOrDefault(e.getKey(), List.of())));
            }
            return out;
        } finally {
            counted.unpersist();
        }
    }

    /**
     * Every row as one (c, s, d) pair per column: c the index in {@code columns}, s the text of a text
     * column, d the number of a number column (null when missing, the other one null too); pairs with
     * neither are left out. {@code extra}, when not null, is one more pair per row (a struct of c, s, d).
     */
    static Dataset<Row> pairs(Dataset<Row> ds, List<String> columns, Column extra) {
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
        if (extra != null) pairs.add(extra);
        return ds.select(explode(array(pairs.toArray(Column[]::new))).as("p"))
                .select(col("p.c").as("c"), col("p.s").as("s"), col("p.d").as("d"))
                .where(col("s").isNotNull().or(col("d").isNotNull()));
    }

    /**
     * The {@code keep} most frequent values of the columns {@code which} (count descending, then value), from
     * counted pairs (c, s, d, n).
     */
    static Map<Integer, List<Count>> top(Dataset<Row> counted, List<Integer> which, int keep) {
        Map<Integer, List<Count>> out = new HashMap<>();
        if (which.isEmpty()) return out;
        var ranked = Window.partitionBy("c").orderBy(col("n").desc(), col("s").asc(), col("d").asc());
        List<Row> rows = counted.where(col("c").isin(which.toArray()))
                .withColumn("rank", row_number().over(ranked))
                .where(col("rank").leq(Math.max(keep, 1)))
                .select("c", "s", "d", "n", "rank")
                .collectAsList();
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(a.getInt(4), b.getInt(4)));
        for (Row r : sorted) {
            List<Count> top = out.computeIfAbsent(r.getInt(0), k -> new ArrayList<>());
            if (top.size() >= keep) continue;
            boolean number = r.isNullAt(1);
            double d = number ? r.getDouble(2) : Double.NaN;
            top.add(new Count(number ? ValueCounts.text(d) : r.getString(1), d, r.getLong(3)));
        }
        return out;
    }
}
