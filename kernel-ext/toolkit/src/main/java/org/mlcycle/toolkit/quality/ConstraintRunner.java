package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.stats.NumericValues;
import org.mlcycle.toolkit.stats.Quantiles;
import org.mlcycle.toolkit.stats.ValueCounts;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Evaluates one {@link Constraint} on a table. */
final class ConstraintRunner {
    private ConstraintRunner() {}

    static ConstraintResult run(Constraint c, Table t) {
        return switch (c.kind()) {
            case ROW_COUNT -> single(c, t.rowCount(), t.rowCount() >= c.low() && t.rowCount() <= c.high(), "");
            case MEAN -> {
                double[] v = NumericValues.present(t.column(c.column()));
                double mean = v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
                yield single(c, mean, mean >= c.low() && mean <= c.high(), v.length == 0 ? "no values" : "");
            }
            case QUANTILE -> {
                double[] v = NumericValues.sorted(t.column(c.column()));
                double q = Quantiles.of(v, c.p());
                yield single(c, q, q >= c.low() && q <= c.high(), v.length == 0 ? "no values" : "");
            }
            default -> rows(c, t);
        };
    }

    private static ConstraintResult single(Constraint c, double measured, boolean passed, String note) {
        return new ConstraintResult(c.label(), c.kind(), c.column(), passed, measured, 0, 0, List.of(), note);
    }

    private static ConstraintResult rows(Constraint c, Table t) {
        Column<?> col = c.column().isEmpty() ? null : t.column(c.column());
        Map<String, Integer> seen = c.kind() == Constraint.Kind.UNIQUE ? counts(col) : Map.of();
        Row row = c.kind() == Constraint.Kind.PREDICATE ? new Row(t) : null;
        long checked = 0, failed = 0;
        List<FailingRow> failing = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            boolean missing = col != null && col.isMissing(i);
            boolean ok;
            switch (c.kind()) {
                case COMPLETE -> ok = !missing;
                case PREDICATE -> {
                    row.at(i);
                    try {
                        ok = c.predicate().test(row);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(
                                Checks.WHO + ": " + c.description() + " threw "
                                        + e.getClass().getSimpleName() + " at row " + i + ": " + e.getMessage(),
                                e);
                    }
                }
                default -> {
                    if (missing) {
                        continue;
                    }
                    ok = switch (c.kind()) {
                        case UNIQUE -> seen.get(text(col, i)) == 1;
                        case IN_SET -> c.values().contains(text(col, i));
                        case BETWEEN -> {
                            double v = ((NumericColumn<?>) col).getDouble(i);
                            yield v >= c.low() && v <= c.high();
                        }
                        case PATTERN -> c.pattern().matcher(text(col, i)).matches();
                        default -> throw new IllegalStateException("checks: unexpected kind " + c.kind());
                    };
                }
            }
            checked++;
            if (!ok) {
                failed++;
                if (failing.size() < Checks.FAILING_ROWS_KEPT) {
                    failing.add(new FailingRow(i, col == null ? rowText(t, i) : missing ? "(missing)" : text(col, i)));
                }
            }
        }
        double share = checked == 0 ? Double.NaN : (double) (checked - failed) / checked;
        boolean passed = checked == 0 || share >= c.mostly();
        return new ConstraintResult(
                c.label(),
                c.kind(),
                c.column(),
                passed,
                share,
                checked,
                failed,
                failing,
                checked == 0 ? "no rows to check" : "");
    }

    private static Map<String, Integer> counts(Column<?> col) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < col.size(); i++) {
            if (!col.isMissing(i)) {
                m.merge(text(col, i), 1, Integer::sum);
            }
        }
        return m;
    }

    static String text(Column<?> col, int i) {
        return col instanceof NumericColumn<?> n ? ValueCounts.text(n.getDouble(i)) : col.getString(i);
    }

    private static String rowText(Table t, int i) {
        List<String> cells = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            cells.add(c.name() + "=" + (c.isMissing(i) ? "(missing)" : c.getString(i)));
        }
        return String.join(", ", cells);
    }
}
