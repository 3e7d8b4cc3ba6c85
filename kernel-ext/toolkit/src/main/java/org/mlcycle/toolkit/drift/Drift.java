package org.mlcycle.toolkit.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        double missRef = ColumnDrifts.share(refCol.size() - r.length, refCol.size());
        double missCur = ColumnDrifts.share(curCol.size() - c.length, curCol.size());
        if (r.length == 0 || c.length == 0) {
            return ColumnDrifts.numeric(
                    refCol.name(), r.length, c.length, missRef, missCur, r, c, Double.NaN, null, null, null, o, tests);
        }
        double[] edges = Psi.edges(r, o.bins());
        return ColumnDrifts.numeric(
                refCol.name(),
                r.length,
                c.length,
                missRef,
                missCur,
                r,
                c,
                populationStd(r),
                edges,
                Psi.counts(r, edges),
                Psi.counts(c, edges),
                o,
                tests);
    }

    static ColumnDrift categorical(Column<?> refCol, Column<?> curCol, DriftOptions o, boolean tests) {
        ValueCounts vr = ValueCounts.of(refCol);
        ValueCounts vc = ValueCounts.of(curCol);
        return ColumnDrifts.categorical(
                refCol.name(),
                vr.counts(),
                vc.counts(),
                NumericValues.isNumeric(refCol) && NumericValues.isNumeric(curCol),
                ColumnDrifts.share(vr.missing(), refCol.size()),
                ColumnDrifts.share(vc.missing(), curCol.size()),
                o,
                tests);
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

    /** A threshold as typed: 0.05, 0.1, 1000. */
    static String num(double v) {
        return ColumnDrifts.num(v);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
