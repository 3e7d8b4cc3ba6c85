package org.mlcycle.toolkit.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.stats.NumericValues;
import org.mlcycle.toolkit.stats.ValueCounts;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Compares a reference table with a current one, column by column, and decides per column and overall
 * whether the data drifted. Numbers: KS D and p, PSI on reference deciles, Jensen-Shannon distance,
 * Wasserstein / reference std. Categories: chi-square and p, PSI, Jensen-Shannon, L-infinity with the
 * category that moved most, new and vanished categories. Missing-rate changes are reported apart.
 * See {@link DriftOptions} for the decision rule.
 */
public final class Drift {
    static final String WHO = "drift";

    private Drift() {}

    /** Compares the columns the two tables share, with {@link DriftOptions#defaults()}. */
    public static DriftReport between(Table reference, Table current) {
        return between(reference, current, DriftOptions.defaults());
    }

    /** Compares the columns the two tables share. */
    public static DriftReport between(Table reference, Table current, DriftOptions options) {
        Require.table(reference, WHO, "reference");
        Require.table(current, WHO, "current");
        for (String c : options.ignore()) {
            Require.column(reference, c, WHO);
        }
        for (String c : options.categorical()) {
            Require.column(reference, c, WHO);
        }
        boolean tests = reference.rowCount() <= options.pValueRows();
        List<ColumnDrift> columns = new ArrayList<>();
        List<String> onlyRef = new ArrayList<>(), onlyCur = new ArrayList<>();
        for (Column<?> r : reference.columns()) {
            if (options.ignore().contains(r.name())) {
                continue;
            }
            if (!current.containsColumn(r.name())) {
                onlyRef.add(r.name());
                continue;
            }
            Column<?> c = current.column(r.name());
            boolean numeric = NumericValues.isNumeric(r)
                    && NumericValues.isNumeric(c)
                    && !options.categorical().contains(r.name())
                    && !fewValues(r, c, options.categoricalUpTo());
            columns.add(numeric ? numeric(r, c, options, tests) : categorical(r, c, options, tests));
        }
        for (String name : current.columnNames()) {
            if (!reference.containsColumn(name) && !options.ignore().contains(name)) {
                onlyCur.add(name);
            }
        }
        return new DriftReport(
                reference.name(),
                current.name(),
                reference.rowCount(),
                current.rowCount(),
                columns,
                onlyRef,
                onlyCur,
                options);
    }

    /**
     * Drift of each {@code window} of {@code current}'s time column against the whole reference; the
     * time column itself is not compared. See {@link DriftWindows}.
     */
    public static DriftWindows overTime(Table reference, Table current, String timeColumn, java.time.Duration window) {
        return DriftWindows.of(reference, current, timeColumn, window, DriftOptions.defaults());
    }

    /** {@link #overTime(Table, Table, String, java.time.Duration)} with other options. */
    public static DriftWindows overTime(
            Table reference, Table current, String timeColumn, java.time.Duration window, DriftOptions options) {
        return DriftWindows.of(reference, current, timeColumn, window, options);
    }

    /** Whether two number columns hold at most {@code limit} distinct values between them (stops early). */
    static boolean fewValues(Column<?> a, Column<?> b, int limit) {
        if (limit <= 0) {
            return false;
        }
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (Column<?> col : List.of(a, b)) {
            tech.tablesaw.api.NumericColumn<?> n = (tech.tablesaw.api.NumericColumn<?>) col;
            for (int i = 0; i < n.size(); i++) {
                double v = n.getDouble(i);
                if (!Double.isNaN(v) && seen.add(v == 0 ? 0.0 : v) && seen.size() > limit) {
                    return false;
                }
            }
        }
        return true;
    }

    static ColumnDrift numeric(Column<?> refCol, Column<?> curCol, DriftOptions o, boolean tests) {
        double[] r = NumericValues.sorted(refCol);
        double[] c = NumericValues.sorted(curCol);
        double missRef = share(refCol.size() - r.length, refCol.size());
        double missCur = share(curCol.size() - c.length, curCol.size());
        boolean missingMoved = Math.abs(missCur - missRef) > o.missingRateChange();
        String rule = tests ? "KS p < " + Drift.num(o.pValue()) : "Wasserstein/std >= " + Drift.num(o.wasserstein());
        if (r.length == 0 || c.length == 0) {
            return new ColumnDrift(
                    refCol.name(),
                    true,
                    r.length,
                    c.length,
                    missRef,
                    missCur,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    0,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    "",
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    rule,
                    Double.NaN,
                    false,
                    missingMoved,
                    "no values in the " + (r.length == 0 ? "reference" : "current") + " table");
        }
        double ks = Ks.statistic(r, c);
        double ksP = Ks.pValue(ks, r.length, c.length);
        double[] edges = Psi.edges(r, o.bins());
        double[] pr = Psi.shares(r, edges);
        double[] pc = Psi.shares(c, edges);
        double wass = Wasserstein.distance(r, c) / Math.max(populationStd(r), 0.001);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= edges.length; i++) {
            String lo = i == 0 ? "-inf" : Html.format(edges[i - 1]);
            String hi = i == edges.length ? "inf)" : Html.format(edges[i]) + "]";
            labels.add("(" + lo + ", " + hi);
        }
        int worst = worst(pr, pc);
        double score = tests ? ksP : wass;
        boolean drifted = tests ? ksP < o.pValue() : wass >= o.wasserstein();
        return new ColumnDrift(
                refCol.name(),
                true,
                r.length,
                c.length,
                missRef,
                missCur,
                ks,
                ksP,
                wass,
                Double.NaN,
                0,
                Double.NaN,
                Psi.of(pr, pc),
                JensenShannon.distance(pr, pc),
                Math.abs(pc[worst] - pr[worst]),
                labels.get(worst),
                labels,
                boxed(pr),
                boxed(pc),
                List.of(),
                List.of(),
                rule,
                score,
                drifted,
                missingMoved,
                "");
    }

    static ColumnDrift categorical(Column<?> refCol, Column<?> curCol, DriftOptions o, boolean tests) {
        ValueCounts vr = ValueCounts.of(refCol);
        ValueCounts vc = ValueCounts.of(curCol);
        double missRef = share(vr.missing(), refCol.size());
        double missCur = share(vc.missing(), curCol.size());
        boolean missingMoved = Math.abs(missCur - missRef) > o.missingRateChange();
        Comparator<String> order = NumericValues.isNumeric(refCol) && NumericValues.isNumeric(curCol)
                ? Comparator.comparingDouble(Double::parseDouble)
                : Comparator.naturalOrder();
        TreeSet<String> union = new TreeSet<>(order);
        union.addAll(vr.counts().keySet());
        union.addAll(vc.counts().keySet());
        List<String> cats = new ArrayList<>(union);
        long[] nr = counts(cats, vr.counts());
        long[] nc = counts(cats, vc.counts());
        long totalR = vr.present(), totalC = vc.present();
        String rule = tests ? "chi-square p < " + Drift.num(o.pValue()) : "JS >= " + Drift.num(o.js());
        List<String> added = new ArrayList<>(), vanished = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) {
            if (nr[i] == 0) {
                added.add(cats.get(i));
            }
            if (nc[i] == 0) {
                vanished.add(cats.get(i));
            }
        }
        if (totalR == 0 || totalC == 0) {
            return new ColumnDrift(
                    refCol.name(),
                    false,
                    totalR,
                    totalC,
                    missRef,
                    missCur,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    0,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    "",
                    cats,
                    List.of(),
                    List.of(),
                    added,
                    vanished,
                    rule,
                    Double.NaN,
                    false,
                    missingMoved,
                    "no values in the " + (totalR == 0 ? "reference" : "current") + " table");
        }
        double[] pr = new double[cats.size()], pc = new double[cats.size()];
        for (int i = 0; i < cats.size(); i++) {
            pr[i] = nr[i] / (double) totalR;
            pc[i] = nc[i] / (double) totalC;
        }
        double[] chi = ChiSquare.test(nr, nc);
        double js = JensenShannon.distance(pr, pc);
        int worst = worst(pr, pc);
        double score = tests ? chi[2] : js;
        boolean drifted = tests ? chi[2] < o.pValue() : js >= o.js();
        return new ColumnDrift(
                refCol.name(),
                false,
                totalR,
                totalC,
                missRef,
                missCur,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                chi[0],
                (int) chi[1],
                chi[2],
                Psi.of(pr, pc),
                js,
                Math.abs(pc[worst] - pr[worst]),
                cats.get(worst),
                cats,
                boxed(pr),
                boxed(pc),
                added,
                vanished,
                rule,
                score,
                drifted,
                missingMoved,
                "");
    }

    private static long[] counts(List<String> cats, Map<String, Long> counts) {
        long[] out = new long[cats.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts.getOrDefault(cats.get(i), 0L);
        }
        return out;
    }

    /** The first index with the largest |cur - ref| (numpy's argmax keeps the first). */
    private static int worst(double[] ref, double[] cur) {
        int w = 0;
        for (int i = 1; i < ref.length; i++) {
            if (Math.abs(cur[i] - ref[i]) > Math.abs(cur[w] - ref[w])) {
                w = i;
            }
        }
        return w;
    }

    static double populationStd(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double mean = sum / v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / v.length);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    /** A threshold as typed: 0.05, 0.1, 1000. */
    static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
