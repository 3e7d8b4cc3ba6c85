package org.mlcycle.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.mlcycle.toolkit.quality.CheckReport;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.Constraint;
import org.mlcycle.toolkit.quality.ConstraintResult;
import org.mlcycle.toolkit.quality.FailingRow;

/**
 * {@link Checks#run} over a Spark {@code Dataset}: the same constraints (a {@link Checks#parse} spec runs
 * unchanged), the same {@link CheckReport}, the same messages for a bad spec or a missing column. One
 * aggregation evaluates every constraint but {@code unique}, which counts its column's values in one
 * shuffle per unique column. When checks fail, the rows are numbered (a pass that counts each partition's
 * rows) and one more pass fetches the first {@link Checks#FAILING_ROWS_KEPT} failing rows of every failing
 * row check; a failing unique column joins its repeated values to the numbered rows. Row numbers follow the Dataset's partition order: for one
 * CSV file that is the file's order, as a table numbers it; for many files Spark may order them by size.
 *
 * <p>Exact as on a table: every row check, the row count and the mean. Approximate: {@code quantile(COL,
 * P)}, measured with {@code percentile_approx} (see {@link Approx#ACCURACY}). A {@code satisfies}
 * constraint holds a Java predicate on a Tablesaw row and cannot run on Spark.
 */
public final class SparkChecks {
    private static final String WHO = "checks";
    private static final String ROW = "__mlcycle_row";

    private SparkChecks() {}

    /**
     * Parses a spec as {@link Checks#parse(String, String, tech.tablesaw.api.Table)} does against a table
     * called {@code table} with the dataset's columns: a column it lacks fails the line that names it.
     */
    public static Checks parse(String name, String spec, Dataset<Row> ds, String table) {
        return Checks.parse(name, spec, SparkColumns.shell(ds, table));
    }

    /** Runs every constraint of {@code checks} on {@code ds}, called {@code table} in the report. */
    public static CheckReport run(Checks checks, Dataset<Row> ds, String table) {
        if (ds == null) throw new IllegalArgumentException(WHO + ": the checked table is null");
        // run only for the toolkit's own column and type checks (same messages); its report is of an empty shell
        var unused = checks.run(SparkColumns.shell(ds, table));
        for (Constraint c : checks.constraints()) {
            if (c.kind() == Constraint.Kind.PREDICATE) {
                throw new IllegalArgumentException(WHO + ": " + c.description() + " tests a Tablesaw row in Java and"
                        + " cannot run on Spark; write it as a spec line, or filter the Dataset and check the rest");
            }
        }
        // one aggregation; what two constraints share (a column's count of values) is computed once
        List<Column> aggs = new ArrayList<>(List.of(count(lit(1))));
        Map<String, Integer> known = new HashMap<>();
        java.util.function.ToIntFunction<Column> add = agg -> known.computeIfAbsent(agg.toString(), k -> {
            aggs.add(agg);
            return aggs.size() - 1;
        });
        int[] at = new int[checks.constraints().size()], failedAt = new int[at.length];
        for (int i = 0; i < at.length; i++) {
            Constraint c = checks.constraints().get(i);
            Column v = c.kind() == Constraint.Kind.ROW_COUNT ? null : SparkColumns.value(ds, c.column());
            switch (c.kind()) {
                case ROW_COUNT, UNIQUE -> {}
                case MEAN -> at[i] = add.applyAsInt(avg(v));
                case QUANTILE -> at[i] = add.applyAsInt(percentile_approx(v, lit(c.p()), lit(Approx.ACCURACY)));
                // complete: every row is checked, and those without a value fail
                case COMPLETE -> at[i] = add.applyAsInt(count(v));
                // the others check the rows with a value, and count the failing ones among them
                default -> {
                    at[i] = add.applyAsInt(count(v));
                    failedAt[i] = add.applyAsInt(count(when(checked(ds, c).and(fails(ds, c)), lit(1))));
                }
            }
        }
        Row a = ds.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .first();
        long rows = a.getLong(0);
        List<Constraint> constraints = checks.constraints();
        long[] checkedOf = new long[at.length], failedOf = new long[at.length];
        Map<Integer, Dataset<Row>> repeatedOf = new HashMap<>();
        List<Integer> rowChecksFailing = new ArrayList<>();
        for (int i = 0; i < at.length; i++) {
            Constraint c = constraints.get(i);
            switch (c.kind()) {
                case ROW_COUNT, MEAN, QUANTILE -> {}
                default -> {
                    long checked, failed;
                    if (c.kind() == Constraint.Kind.UNIQUE) {
                        Column v = SparkColumns.value(ds, c.column());
                        Dataset<Row> counts = ds.select(v.as("v"))
                                .where(col("v").isNotNull())
                                .groupBy("v")
                                .agg(count(lit(1)).as("n"));
                        Row u = counts.agg(
                                        sum(col("n")),
                                        sum(when(col("n").gt(1), col("n")).otherwise(0L)))
                                .first();
                        checked = SparkColumns.whole(u, 0);
                        failed = SparkColumns.whole(u, 1);
                        repeatedOf.put(i, counts.where(col("n").gt(1)).select("v"));
                    } else if (c.kind() == Constraint.Kind.COMPLETE) {
                        checked = rows;
                        failed = rows - a.getLong(at[i]);
                        if (failed > 0) rowChecksFailing.add(i);
                    } else {
                        checked = a.getLong(at[i]);
                        failed = a.getLong(failedAt[i]);
                        if (failed > 0) rowChecksFailing.add(i);
                    }
                    checkedOf[i] = checked;
                    failedOf[i] = failed;
                }
            }
        }
        // the first failing rows: one pass for every failing row check, one join per failing unique column
        Map<Integer, List<FailingRow>> failingOf = new HashMap<>();
        Dataset<Row> numbered = null;
        if (!rowChecksFailing.isEmpty() || repeatedOf.keySet().stream().anyMatch(i -> failedOf[i] > 0)) {
            numbered = numbered(ds);
            failingOf.putAll(failingRows(numbered, constraints, rowChecksFailing));
        }
        List<ConstraintResult> results = new ArrayList<>();
        for (int i = 0; i < at.length; i++) {
            Constraint c = constraints.get(i);
            switch (c.kind()) {
                case ROW_COUNT -> results.add(single(c, rows, rows >= c.low() && rows <= c.high(), false));
                case MEAN, QUANTILE -> {
                    double v = SparkColumns.num(a, at[i]);
                    results.add(single(c, v, v >= c.low() && v <= c.high(), Double.isNaN(v)));
                }
                default -> {
                    long checked = checkedOf[i], failed = failedOf[i];
                    List<FailingRow> failing = failingOf.getOrDefault(i, List.of());
                    if (c.kind() == Constraint.Kind.UNIQUE && failed > 0) {
                        failing = repeatedRows(numbered, c, repeatedOf.get(i));
                    }
                    double share = checked == 0 ? Double.NaN : (double) (checked - failed) / checked;
                    boolean passed = checked == 0 || share >= c.mostly();
                    results.add(new ConstraintResult(
                            c.label(),
                            c.kind(),
                            c.column(),
                            passed,
                            share,
                            checked,
                            failed,
                            failing,
                            checked == 0 ? "no rows to check" : ""));
                }
            }
        }
        return new CheckReport(checks.name(), table, SparkColumns.rows(rows, WHO), results);
    }

    private static ConstraintResult single(Constraint c, double measured, boolean passed, boolean noValues) {
        return new ConstraintResult(
                c.label(), c.kind(), c.column(), passed, measured, 0, 0, List.of(), noValues ? "no values" : "");
    }

    /** The rows a row check looks at: all for "complete", those with a value for the others. */
    private static Column checked(Dataset<Row> ds, Constraint c) {
        return c.kind() == Constraint.Kind.COMPLETE
                ? lit(true)
                : SparkColumns.value(ds, c.column()).isNotNull();
    }

    /** Whether a checked row fails (not used for "unique", which needs the counts). */
    private static Column fails(Dataset<Row> ds, Constraint c) {
        Column v = SparkColumns.value(ds, c.column());
        return switch (c.kind()) {
            case COMPLETE -> v.isNull();
            case IN_SET ->
                functionsNot(SparkColumns.text(ds, c.column()).isin(c.values().toArray()));
            case BETWEEN -> v.lt(c.low()).or(v.gt(c.high()));
            // the whole value must match, as Matcher.matches(); rlike finds, so anchor at \A and \z
            case PATTERN ->
                functionsNot(SparkColumns.text(ds, c.column())
                        .rlike("\\A(?:" + c.pattern().pattern() + ")\\z"));
            default -> lit(false);
        };
    }

    private static Column functionsNot(Column c) {
        return org.apache.spark.sql.functions.not(c);
    }

    /** The dataset with each row's number in file order (zipWithIndex), as a table numbers its rows. */
    private static Dataset<Row> numbered(Dataset<Row> ds) {
        JavaRDD<Row> rows = ds.toJavaRDD().zipWithIndex().map(SparkChecks::withNumber);
        return ds.sparkSession().createDataFrame(rows, ds.schema().add(ROW, DataTypes.LongType, false));
    }

    private static Row withNumber(scala.Tuple2<Row, Long> t) {
        Object[] cells = new Object[t._1().length() + 1];
        for (int i = 0; i < t._1().length(); i++) {
            cells[i] = t._1().get(i);
        }
        cells[cells.length - 1] = t._2();
        return RowFactory.create(cells);
    }

    /**
     * The first {@link Checks#FAILING_ROWS_KEPT} failing rows of each row check in {@code which}
     * (indexes into {@code constraints}), in one pass: each failing (check, row) pair is kept while it
     * is among the first of its check in its partition (rows arrive in file order there), and the
     * driver merges the partitions' few pairs. A pass per check would read the data once per check.
     */
    private static Map<Integer, List<FailingRow>> failingRows(
            Dataset<Row> numbered, List<Constraint> constraints, List<Integer> which) {
        Map<Integer, List<FailingRow>> out = new HashMap<>();
        if (which.isEmpty()) return out;
        List<Column> pairs = new ArrayList<>();
        for (int i : which) {
            Constraint c = constraints.get(i);
            Column text = c.kind() == Constraint.Kind.COMPLETE
                    ? lit("(missing)")
                    : SparkColumns.text(numbered, c.column()).cast(DataTypes.StringType);
            pairs.add(when(
                    checked(numbered, c).and(fails(numbered, c)),
                    struct(lit(i).as("k"), col(ROW).as("r"), text.as("t"))));
        }
        Dataset<Row> bad = numbered.select(
                        explode(array(pairs.toArray(Column[]::new))).as("p"))
                .where(col("p").isNotNull())
                .select(col("p.k"), col("p.r"), col("p.t"));
        int kept = Checks.FAILING_ROWS_KEPT;
        List<Row> firsts = bad.javaRDD()
                .mapPartitions((FlatMapFunction<Iterator<Row>, Row>) rows -> {
                    Map<Integer, Integer> seen = new HashMap<>();
                    List<Row> first = new ArrayList<>();
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        if (seen.merge(r.getInt(0), 1, Integer::sum) <= kept) first.add(r);
                    }
                    return first.iterator();
                })
                .collect();
        for (Row r : firsts) {
            out.computeIfAbsent(r.getInt(0), k -> new ArrayList<>())
                    .add(new FailingRow(Math.toIntExact(r.getLong(1)), r.getString(2)));
        }
        for (Map.Entry<Integer, List<FailingRow>> e : out.entrySet()) {
            List<FailingRow> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.comparingInt(FailingRow::row));
            e.setValue(List.copyOf(sorted.subList(0, Math.min(kept, sorted.size()))));
        }
        return out;
    }

    /** The first rows whose value of a unique column repeats ({@code repeated}: those values). */
    private static List<FailingRow> repeatedRows(Dataset<Row> numbered, Constraint c, Dataset<Row> repeated) {
        Column v = SparkColumns.value(numbered, c.column());
        Dataset<Row> bad =
                numbered.withColumn("__v", v).join(repeated, col("__v").equalTo(repeated.col("v")), "left_semi");
        Column text = SparkColumns.text(numbered, c.column());
        List<FailingRow> out = new ArrayList<>();
        for (Row r : bad.select(col(ROW), text)
                .orderBy(col(ROW))
                .limit(Checks.FAILING_ROWS_KEPT)
                .collectAsList()) {
            out.add(new FailingRow(Math.toIntExact(r.getLong(0)), r.getString(1)));
        }
        return out;
    }
}
