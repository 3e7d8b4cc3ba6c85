package org.mlcycle.spark;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlcycle.toolkit.drift.ColumnDrift;
import org.mlcycle.toolkit.drift.ColumnDrifts;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.drift.DriftReport;

/**
 * {@link Drift#between} over two Spark {@code Dataset}s: the same {@link DriftReport}, the same decision
 * rule. Per dataset one aggregation sketches every number column (quantiles at {@link Approx#GRID}
 * points, std, min, max), one shuffle counts the values of the columns compared as categories, and one
 * pass counts the numbers in the reference's PSI bins.
 *
 * <p>Exact as on a table: row and value counts, missing shares, everything about categories (chi-square,
 * PSI, JS, L-inf, new and vanished values), the reference std, and which number columns have few enough
 * values to be compared as categories. Approximate for numbers: KS D and W/std are the table's own
 * statistics ({@link ColumnDrifts}) applied to the quantile sketches as equal-weight samples (bounds in
 * {@link Approx}); the KS p-value is the table's formula applied to that D with the true counts; the PSI
 * and JS bins are cut at sketch quantiles (values of the column, where a table interpolates), and the
 * shares in those bins are then counted exactly.
 */
public final class SparkDrift {
    private static final String WHO = "drift";

    private SparkDrift() {}

    /** Compares the columns the two datasets share, with {@link DriftOptions#defaults()}. */
    public static DriftReport between(
            Dataset<Row> reference, String referenceName, Dataset<Row> current, String currentName) {
        return between(reference, referenceName, current, currentName, DriftOptions.defaults());
    }

    /** Compares the columns the two datasets share. */
    public static DriftReport between(
            Dataset<Row> reference, String referenceName, Dataset<Row> current, String currentName, DriftOptions o) {
        if (reference == null) throw new IllegalArgumentException(WHO + ": the reference table is null");
        if (current == null) throw new IllegalArgumentException(WHO + ": the current table is null");
        // the toolkit's own argument checks, on empty tables with the same names and columns
        Drift.between(SparkColumns.shell(reference, referenceName), SparkColumns.shell(current, currentName), o);
        Set<String> curColumns = Set.of(current.columns());
        List<String> shared = new ArrayList<>(), onlyRef = new ArrayList<>(), onlyCur = new ArrayList<>();
        for (String c : reference.columns()) {
            if (o.ignore().contains(c)) continue;
            (curColumns.contains(c) ? shared : onlyRef).add(c);
        }
        Set<String> refColumns = Set.of(reference.columns());
        for (String c : current.columns()) {
            if (!refColumns.contains(c) && !o.ignore().contains(c)) onlyCur.add(c);
        }
        // the three passes over each side read its shared columns once (see SparkProfile)
        Dataset<Row> ref = SparkColumns.keep(reference, shared), cur = SparkColumns.keep(current, shared);
        try {
            return between(ref, referenceName, cur, currentName, o, shared, onlyRef, onlyCur);
        } finally {
            SparkColumns.release(reference, ref);
            SparkColumns.release(current, cur);
        }
    }

    private static DriftReport between(
            Dataset<Row> reference,
            String referenceName,
            Dataset<Row> current,
            String currentName,
            DriftOptions o,
            List<String> shared,
            List<String> onlyRef,
            List<String> onlyCur) {
        List<String> numbers = new ArrayList<>();
        for (String c : shared) {
            if (SparkColumns.numeric(reference, c)
                    && SparkColumns.numeric(current, c)
                    && !o.categorical().contains(c)) {
                numbers.add(c);
            }
        }
        Sketch r = Sketch.of(reference, shared, numbers, o.bins());
        Sketch k = Sketch.of(current, shared, numbers, o.bins());
        // number columns that may hold few values: their exact counts decide. HyperLogLog only shortlists,
        // at its default 5% error: at 1% its registers (1,600 longs a column) make the aggregation slow
        List<String> counted = new ArrayList<>();
        for (String c : shared) {
            boolean number = numbers.contains(c);
            if (!number
                    || (o.categoricalUpTo() > 0
                            && r.distinct.get(c) <= 2L * o.categoricalUpTo() + 10
                            && k.distinct.get(c) <= 2L * o.categoricalUpTo() + 10)) {
                counted.add(c);
            }
        }
        Map<String, ValueGroups.Groups> gr = ValueGroups.of(reference, counted, Integer.MAX_VALUE - 1, null);
        Map<String, ValueGroups.Groups> gc = ValueGroups.of(current, counted, Integer.MAX_VALUE - 1, null);
        boolean tests = r.rows <= o.pValueRows();
        List<String> numeric = new ArrayList<>();
        for (String c : numbers) {
            boolean few = counted.contains(c) && union(gr.get(c), gc.get(c)).size() <= o.categoricalUpTo();
            if (!few) numeric.add(c);
        }
        Map<String, double[]> edges = new HashMap<>();
        for (String c : numeric) {
            edges.put(c, r.edges.get(c));
        }
        Map<String, long[]> binsR = binCounts(reference, numeric, edges);
        Map<String, long[]> binsC = binCounts(current, numeric, edges);
        List<ColumnDrift> columns = new ArrayList<>();
        for (String c : shared) {
            columns.add(
                    numeric.contains(c)
                            ? numeric(c, r, k, edges.get(c), binsR.get(c), binsC.get(c), o, tests)
                            : categorical(
                                    c,
                                    r,
                                    k,
                                    gr.get(c),
                                    gc.get(c),
                                    numbers.contains(c) || bothNumbers(reference, current, c),
                                    o,
                                    tests));
        }
        return new DriftReport(
                referenceName,
                currentName,
                SparkColumns.rows(r.rows, WHO),
                SparkColumns.rows(k.rows, WHO),
                columns,
                onlyRef,
                onlyCur,
                o);
    }

    private static boolean bothNumbers(Dataset<Row> a, Dataset<Row> b, String c) {
        return SparkColumns.numeric(a, c) && SparkColumns.numeric(b, c);
    }

    private static Set<String> union(ValueGroups.Groups a, ValueGroups.Groups b) {
        Set<String> s = new java.util.HashSet<>();
        for (ValueGroups.Groups g : new ValueGroups.Groups[] {a, b}) {
            if (g != null) g.top().forEach(v -> s.add(v.value()));
        }
        return s;
    }

    /** One aggregation over a dataset: rows, values per column, and a quantile sketch per number column. */
    private static final class Sketch {
        long rows;
        final Map<String, Long> present = new HashMap<>();
        final Map<String, Long> distinct = new HashMap<>();
        final Map<String, Double> std = new HashMap<>(), lo = new HashMap<>(), hi = new HashMap<>();
        final Map<String, double[]> grid = new HashMap<>(), edges = new HashMap<>();

        static Sketch of(Dataset<Row> ds, List<String> shared, List<String> numbers, int bins) {
            double[] ps = new double[Approx.GRID];
            for (int i = 0; i < ps.length; i++) ps[i] = (i + 0.5) / Approx.GRID;
            double[] cuts = new double[bins - 1];
            for (int i = 1; i < bins; i++) cuts[i - 1] = i / (double) bins;
            List<Column> aggs = new ArrayList<>(List.of(count(lit(1))));
            for (String c : shared) {
                Column v = SparkColumns.value(ds, c);
                aggs.add(count(v));
                if (numbers.contains(c)) {
                    aggs.addAll(List.of(
                            approx_count_distinct(v),
                            stddev_pop(v),
                            min(v),
                            max(v),
                            percentile_approx(v, lit(ps), lit(Approx.ACCURACY)),
                            percentile_approx(v, lit(cuts), lit(Approx.ACCURACY))));
                }
            }
            Row a = ds.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                    .first();
            Sketch s = new Sketch();
            s.rows = a.getLong(0);
            int at = 1;
            for (String c : shared) {
                s.present.put(c, a.getLong(at++));
                if (numbers.contains(c)) {
                    s.distinct.put(c, a.getLong(at));
                    s.std.put(c, SparkColumns.num(a, at + 1));
                    s.lo.put(c, SparkColumns.num(a, at + 2));
                    s.hi.put(c, SparkColumns.num(a, at + 3));
                    s.grid.put(c, a.isNullAt(at + 4) ? new double[0] : array(a.getList(at + 4)));
                    s.edges.put(c, a.isNullAt(at + 5) ? new double[0] : distinctSorted(array(a.getList(at + 5))));
                    at += 6;
                }
            }
            return s;
        }

        double missing(String c) {
            return ColumnDrifts.share(rows - present.get(c), rows);
        }
    }

    private static double[] array(List<Object> values) {
        return values.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }

    /** The interior PSI edges without repeats, as {@code Psi.edges} keeps them. */
    private static double[] distinctSorted(double[] q) {
        return java.util.Arrays.stream(q).distinct().sorted().toArray();
    }

    /** Per number column, the count of values in each of the edges.length + 1 bins (e[i-1], e[i]]. */
    private static Map<String, long[]> binCounts(Dataset<Row> ds, List<String> numeric, Map<String, double[]> edges) {
        Map<String, long[]> out = new HashMap<>();
        List<Column> aggs = new ArrayList<>();
        for (String c : numeric) {
            Column v = SparkColumns.value(ds, c);
            for (double e : edges.get(c)) aggs.add(sum(when(v.leq(e), 1L).otherwise(0L)));
            aggs.add(count(v));
        }
        if (aggs.isEmpty()) return out;
        Row a = ds.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .first();
        int at = 0;
        for (String c : numeric) {
            int n = edges.get(c).length;
            long[] counts = new long[n + 1];
            long below = 0;
            for (int i = 0; i < n; i++) {
                long upTo = SparkColumns.whole(a, at++);
                counts[i] = upTo - below;
                below = upTo;
            }
            counts[n] = SparkColumns.whole(a, at++) - below;
            out.put(c, counts);
        }
        return out;
    }

    private static ColumnDrift numeric(
            String name, Sketch r, Sketch k, double[] edges, long[] nr, long[] nc, DriftOptions o, boolean tests) {
        // the quantile grids stand for the samples: equal-weight values, as Approx bounds them
        return ColumnDrifts.numeric(
                name,
                r.present.get(name),
                k.present.get(name),
                r.missing(name),
                k.missing(name),
                r.grid.get(name),
                k.grid.get(name),
                r.std.get(name),
                edges,
                nr,
                nc,
                o,
                tests);
    }

    private static ColumnDrift categorical(
            String name,
            Sketch r,
            Sketch k,
            ValueGroups.Groups gr,
            ValueGroups.Groups gc,
            boolean numbers,
            DriftOptions o,
            boolean tests) {
        return ColumnDrifts.categorical(
                name, counts(gr), counts(gc), numbers, r.missing(name), k.missing(name), o, tests);
    }

    private static Map<String, Long> counts(ValueGroups.Groups g) {
        Map<String, Long> m = new HashMap<>();
        if (g != null) g.top().forEach(v -> m.put(v.value(), v.count()));
        return m;
    }
}
