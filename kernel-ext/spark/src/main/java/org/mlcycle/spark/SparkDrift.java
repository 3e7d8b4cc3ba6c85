package org.mlcycle.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.mlcycle.toolkit.drift.ColumnDrift;
import org.mlcycle.toolkit.drift.ColumnDrifts;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.stats.ValueCounts;

/**
 * {@link Drift#between} over two Spark {@code Dataset}s: the same {@link DriftReport}, the same decision
 * rule. Each dataset is read once: one shuffle counts every shared column's values (as {@link SparkProfile}
 * does), and the value counts of the text columns and of the number columns with at most
 * {@link Approx#EXACT_VALUES} distinct values come back to the driver, where the table's own statistics
 * run on them. Only a number column with more values than that is read a second time, for a quantile
 * sketch ({@link Approx#GRID} points, Spark's {@code percentile_approx}) and its std.
 *
 * <p>Exact as on a table: row and value counts, missing shares, everything about categories (chi-square,
 * PSI, JS, L-inf, new and vanished values), the reference std, which number columns have few enough
 * values to be compared as categories, and everything about a number column with at most
 * {@link Approx#EXACT_VALUES} values on each side: KS D and its p-value, W/std (up to the order of
 * floating-point sums), the PSI edges (the table's interpolated quantiles), the shares in each bin, PSI, JS
 * and L-inf. Approximate for a number column with more values on a side: KS D and W/std are the table's own
 * statistics ({@link ColumnDrifts}) applied to the quantile grids as equal-weight samples (bounds in
 * {@link Approx}); the KS p-value is the table's formula applied to that D with the true counts; if the
 * reference is the side with more values, its PSI and JS bins are cut at sketch quantiles (values of the
 * column, where a table interpolates), and the shares in those bins are then counted exactly.
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
        return between(reference, referenceName, current, currentName, o, Approx.EXACT_VALUES);
    }

    /**
     * {@link #between(Dataset, String, Dataset, String, DriftOptions)} with number columns of more than
     * {@code exactValues} distinct values sketched (the tests' way to reach the sketch with small data).
     */
    static DriftReport between(
            Dataset<Row> reference,
            String referenceName,
            Dataset<Row> current,
            String currentName,
            DriftOptions o,
            int exactValues) {
        return between(reference, referenceName, List.of(current), List.of(currentName), o, exactValues)
                .get(0);
    }

    /**
     * Compares each of {@code currents}, datasets with the same columns (the windows of one dataset), with
     * the reference, which is read once for all of them.
     */
    static List<DriftReport> between(
            Dataset<Row> reference,
            String referenceName,
            List<Dataset<Row>> currents,
            List<String> currentNames,
            DriftOptions o,
            int exactValues) {
        if (reference == null) throw new IllegalArgumentException(WHO + ": the reference table is null");
        for (int i = 0; i < currents.size(); i++) {
            if (currents.get(i) == null) throw new IllegalArgumentException(WHO + ": the current table is null");
            // the toolkit's own argument checks, on empty tables with the same names and columns
            Drift.between(
                    SparkColumns.shell(reference, referenceName),
                    SparkColumns.shell(currents.get(i), currentNames.get(i)),
                    o);
        }
        List<DriftReport> out = new ArrayList<>();
        if (currents.isEmpty()) return out;
        Dataset<Row> current = currents.get(0);
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
        List<String> numbers = new ArrayList<>();
        for (String c : shared) {
            if (SparkColumns.numeric(reference, c)
                    && SparkColumns.numeric(current, c)
                    && !o.categorical().contains(c)) {
                numbers.add(c);
            }
        }
        // the driver holds a number column's values if they are few: as many as a category may have, or more
        int collect = Math.max(exactValues, o.categoricalUpTo());
        try (Side r = Side.of(reference, shared, numbers, collect, o.bins())) {
            for (int i = 0; i < currents.size(); i++) {
                try (Side k = Side.of(currents.get(i), shared, numbers, collect, o.bins())) {
                    List<ColumnDrift> columns = new ArrayList<>();
                    for (String c : shared) {
                        boolean asNumbers = numbers.contains(c) || bothNumbers(reference, currents.get(i), c);
                        columns.add(column(c, r, k, numbers.contains(c), asNumbers, o));
                    }
                    out.add(new DriftReport(
                            referenceName,
                            currentNames.get(i),
                            SparkColumns.rows(r.rows, WHO),
                            SparkColumns.rows(k.rows, WHO),
                            columns,
                            onlyRef,
                            onlyCur,
                            o));
                }
            }
        }
        return out;
    }

    /**
     * One shared column's drift: a number column with no more values between both sides than a category
     * may have is compared as one, as on a table.
     */
    private static ColumnDrift column(String c, Side r, Side k, boolean number, boolean asNumbers, DriftOptions o) {
        boolean tests = r.rows <= o.pValueRows();
        boolean few = o.categoricalUpTo() > 0
                && r.held(c)
                && k.held(c)
                && union(r.distinct(c), k.distinct(c)) <= o.categoricalUpTo();
        if (!number || few) {
            return ColumnDrifts.categorical(c, r.texts(c), k.texts(c), asNumbers, r.missing(c), k.missing(c), o, tests);
        }
        double[] edges = r.edges(c);
        if (r.held(c) && k.held(c)) {
            // both samples as distinct values with counts: KS and Wasserstein as on the table
            return ColumnDrifts.numeric(
                    c,
                    r.missing(c),
                    k.missing(c),
                    r.distinct(c),
                    r.counts(c),
                    k.distinct(c),
                    k.counts(c),
                    r.std(c),
                    edges,
                    r.bins(c, edges),
                    k.bins(c, edges),
                    o,
                    tests);
        }
        return ColumnDrifts.numeric(
                c,
                r.present(c),
                k.present(c),
                r.missing(c),
                k.missing(c),
                r.grid(c),
                k.grid(c),
                r.std(c),
                edges,
                r.bins(c, edges),
                k.bins(c, edges),
                o,
                tests);
    }

    private static boolean bothNumbers(Dataset<Row> a, Dataset<Row> b, String c) {
        return SparkColumns.numeric(a, c) && SparkColumns.numeric(b, c);
    }

    /** How many distinct values two ascending arrays hold between them. */
    private static int union(double[] a, double[] b) {
        Set<Double> s = new HashSet<>();
        for (double v : a) s.add(v);
        for (double v : b) s.add(v);
        return s.size();
    }

    /**
     * One dataset read once: its rows, and per shared column the counted values (persisted) and how many
     * are present; the values and counts the driver holds; the sketches of number columns with too many
     * values to hold.
     */
    private static final class Side implements AutoCloseable {
        private final Dataset<Row> ds;
        private final Dataset<Row> counted;
        private final List<String> shared;
        private final int bins;
        long rows;
        private final Map<String, Long> present = new HashMap<>();
        /** Held number columns: the distinct values ascending, and how many values are at most each. */
        private final Map<String, double[]> values = new HashMap<>();

        private final Map<String, long[]> atMost = new HashMap<>();
        /** Held text columns: each value's count. */
        private final Map<String, Map<String, Long>> texts = new HashMap<>();
        /** Sketched number columns: the quantile grid, the PSI cut points, the std. */
        private final Map<String, double[]> grid = new HashMap<>(), cuts = new HashMap<>();

        private final Map<String, Double> std = new HashMap<>();

        private Side(Dataset<Row> ds, Dataset<Row> counted, List<String> shared, int bins) {
            this.ds = ds;
            this.counted = counted;
            this.shared = shared;
            this.bins = bins;
        }

        static Side of(Dataset<Row> ds, List<String> shared, List<String> numbers, int collect, int bins) {
            // one read of the data: every column's value counts, and the rows as one more pair (c = -1)
            Column rows =
                    struct(lit(-1).as("c"), lit(null).cast(DataTypes.StringType).as("s"), lit(0.0).as("d"));
            Dataset<Row> counted = ValueGroups.pairs(ds, shared, rows)
                    .groupBy("c", "s", "d")
                    .agg(count(lit(1)).as("n"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Side side = new Side(ds, counted, shared, bins);
            try {
                side.read(numbers, collect);
                return side;
            } catch (RuntimeException e) {
                side.close();
                throw e;
            }
        }

        private void read(List<String> numbers, int collect) {
            List<Integer> held = new ArrayList<>();
            for (Row t : counted.groupBy("c").agg(count(lit(1)), sum(col("n"))).collectAsList()) {
                int c = t.getInt(0);
                if (c < 0) {
                    rows = t.getLong(2);
                    continue;
                }
                String name = shared.get(c);
                present.put(name, t.getLong(2));
                if (!numbers.contains(name) || t.getLong(1) <= collect) held.add(c);
            }
            Map<Integer, List<Row>> byColumn = new HashMap<>();
            if (!held.isEmpty()) {
                for (Row r : counted.where(col("c").isin(held.toArray())).collectAsList()) {
                    byColumn.computeIfAbsent(r.getInt(0), x -> new ArrayList<>())
                            .add(r);
                }
            }
            for (Map.Entry<Integer, List<Row>> e : byColumn.entrySet()) {
                String name = shared.get(e.getKey());
                List<Row> rs = e.getValue();
                if (SparkColumns.numeric(ds, name)) {
                    rs.sort((a, b) -> Double.compare(a.getDouble(2), b.getDouble(2)));
                    double[] v = new double[rs.size()];
                    long[] upTo = new long[rs.size()];
                    long below = 0;
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.get(i).getDouble(2);
                        below += rs.get(i).getLong(3);
                        upTo[i] = below;
                    }
                    values.put(name, v);
                    atMost.put(name, upTo);
                } else {
                    Map<String, Long> m = new HashMap<>();
                    for (Row r : rs) m.put(r.getString(1), r.getLong(3));
                    texts.put(name, m);
                }
            }
            List<String> sketched = new ArrayList<>();
            for (String c : numbers) {
                if (present(c) > 0 && !held(c)) sketched.add(c);
            }
            sketch(sketched);
        }

        /**
         * The second read, for number columns with too many values to hold: one {@code percentile_approx} per
         * column for the grid and the PSI cut points together (each call builds a sketch), and the std.
         */
        private void sketch(List<String> columns) {
            if (columns.isEmpty()) return;
            double[] ps = new double[Approx.GRID + bins - 1];
            for (int i = 0; i < Approx.GRID; i++) ps[i] = (i + 0.5) / Approx.GRID;
            for (int i = 1; i < bins; i++) ps[Approx.GRID + i - 1] = i / (double) bins;
            List<Column> aggs = new ArrayList<>();
            for (String c : columns) {
                Column v = SparkColumns.value(ds, c);
                aggs.add(stddev_pop(v));
                aggs.add(percentile_approx(v, lit(ps), lit(Approx.ACCURACY)));
            }
            Row a = ds.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                    .first();
            int at = 0;
            for (String c : columns) {
                std.put(c, SparkColumns.num(a, at));
                double[] q = a.isNullAt(at + 1) ? new double[0] : array(a.getList(at + 1));
                grid.put(c, Arrays.copyOfRange(q, 0, Math.min(q.length, Approx.GRID)));
                cuts.put(c, distinctSorted(Arrays.copyOfRange(q, Math.min(q.length, Approx.GRID), q.length)));
                at += 2;
            }
        }

        boolean held(String c) {
            return values.containsKey(c) || present(c) == 0;
        }

        long present(String c) {
            return present.getOrDefault(c, 0L);
        }

        double missing(String c) {
            return ColumnDrifts.share(rows - present(c), rows);
        }

        /** A column's value counts as the toolkit's text (numbers as {@link ValueCounts#text}). */
        Map<String, Long> texts(String c) {
            if (texts.containsKey(c)) return texts.get(c);
            Map<String, Long> m = new HashMap<>();
            double[] v = values.getOrDefault(c, new double[0]);
            long[] upTo = atMost.get(c);
            for (int i = 0; i < v.length; i++) m.put(ValueCounts.text(v[i]), upTo[i] - (i == 0 ? 0 : upTo[i - 1]));
            return m;
        }

        /** A held number column's distinct values, ascending (none if it has no values). */
        double[] distinct(String c) {
            return values.getOrDefault(c, new double[0]);
        }

        /** How often each of {@link #distinct} occurs. */
        long[] counts(String c) {
            long[] upTo = atMost.getOrDefault(c, new long[0]), n = new long[upTo.length];
            for (int i = 0; i < n.length; i++) n[i] = countAt(upTo, i);
            return n;
        }

        /** The quantile grid standing for the column's values. */
        double[] grid(String c) {
            if (grid.containsKey(c)) return grid.get(c);
            if (!values.containsKey(c)) return new double[0];
            double[] g = new double[Approx.GRID];
            for (int i = 0; i < g.length; i++) g[i] = quantile(c, (i + 0.5) / Approx.GRID);
            return g;
        }

        /** The interior PSI edges, as {@code Psi.edges} cuts them on a table (sketch quantiles if not held). */
        double[] edges(String c) {
            if (cuts.containsKey(c)) return cuts.get(c);
            if (!values.containsKey(c)) return new double[0];
            double[] q = new double[bins - 1];
            for (int i = 1; i < bins; i++) q[i - 1] = quantile(c, i / (double) bins);
            return distinctSorted(q);
        }

        /** The population std, as the table computes it. */
        double std(String c) {
            if (std.containsKey(c)) return std.get(c);
            double[] v = values.get(c);
            if (v == null || v.length == 0) return Double.NaN;
            long[] upTo = atMost.get(c);
            long n = upTo[v.length - 1];
            double sum = 0;
            for (int i = 0; i < v.length; i++) sum += v[i] * countAt(upTo, i);
            double mean = sum / n, ss = 0;
            for (int i = 0; i < v.length; i++) ss += (v[i] - mean) * (v[i] - mean) * countAt(upTo, i);
            return Math.sqrt(ss / n);
        }

        /**
         * The type-7 quantile {@code p} of the held values, as {@code Quantiles.of} computes it on the sorted
         * sample (the same arithmetic, so the same bits).
         */
        private double quantile(String c, double p) {
            double[] v = values.get(c);
            long[] upTo = atMost.get(c);
            long n = upTo[v.length - 1];
            double h = (n - 1) * p;
            long lo = (long) Math.floor(h);
            if (lo >= n - 1) return v[v.length - 1];
            double t = h - lo;
            double a = v[rank(upTo, lo)], b = v[rank(upTo, lo + 1)];
            double diff = b - a;
            return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
        }

        /** The index of the value at 0-based rank {@code r}: the first whose count of values at most it exceeds r. */
        private static int rank(long[] upTo, long r) {
            int lo = 0, hi = upTo.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (upTo[mid] > r) hi = mid;
                else lo = mid + 1;
            }
            return lo;
        }

        private static long countAt(long[] upTo, int i) {
            return upTo[i] - (i == 0 ? 0 : upTo[i - 1]);
        }

        /** The count of values in each of the edges.length + 1 bins (e[i-1], e[i]]. */
        long[] bins(String c, double[] edges) {
            long[] out = new long[edges.length + 1];
            long below = 0;
            if (values.containsKey(c)) {
                double[] v = values.get(c);
                long[] upTo = atMost.get(c);
                for (int i = 0; i < edges.length; i++) {
                    int k = upperBound(v, edges[i]);
                    long upToEdge = k == 0 ? 0 : upTo[k - 1];
                    out[i] = upToEdge - below;
                    below = upToEdge;
                }
                out[edges.length] = present(c) - below;
                return out;
            }
            // not held: one small job over the counted values
            Column which = col("c").equalTo(shared.indexOf(c)), d = col("d"), n = col("n");
            List<Column> aggs = new ArrayList<>();
            for (double e : edges) aggs.add(sum(when(which.and(d.leq(e)), n).otherwise(0L)));
            aggs.add(sum(when(which, n).otherwise(0L)));
            Row a = counted.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                    .first();
            for (int i = 0; i < edges.length; i++) {
                long upToEdge = SparkColumns.whole(a, i);
                out[i] = upToEdge - below;
                below = upToEdge;
            }
            out[edges.length] = SparkColumns.whole(a, edges.length) - below;
            return out;
        }

        /** Number of values <= x in an ascending array. */
        private static int upperBound(double[] sorted, double x) {
            int lo = 0, hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= x) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        @Override
        public void close() {
            counted.unpersist();
        }
    }

    private static double[] array(List<Object> values) {
        return values.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }

    /** The interior PSI edges without repeats, as {@code Psi.edges} keeps them. */
    private static double[] distinctSorted(double[] q) {
        return Arrays.stream(q).distinct().sorted().toArray();
    }
}
