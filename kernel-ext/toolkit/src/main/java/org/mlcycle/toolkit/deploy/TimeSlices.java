package org.mlcycle.toolkit.deploy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Traffic cut into consecutive windows of a time column, oldest first: {@code size} days of a date,
 * date-time or instant column (instants read in UTC), or {@code size} units of a number column such
 * as the ad world's {@code day}. Windows are counted from the earliest value; empty ones are left
 * out; a row without a time fails, naming it.
 */
final class TimeSlices {
    private TimeSlices() {}

    /** One window: its label, its start on the time axis (a number, or days since the first date) and its rows. */
    record Slice(String label, double start, int[] rows) {}

    static List<Slice> of(Table table, String timeColumn, int size, String who) {
        Require.nonEmpty(Require.table(table, who, "traffic"), who);
        Require.that(size >= 1, who, "a window must be at least 1, got %d", size);
        Column<?> time = Require.column(table, timeColumn, who);
        boolean numeric = time instanceof NumericColumn<?>;
        Require.that(
                numeric
                        || time instanceof DateColumn
                        || time instanceof DateTimeColumn
                        || time instanceof InstantColumn,
                who,
                "time column '%s' is %s, not a number, date, date-time or instant",
                timeColumn,
                time.type().name());
        double[] at = new double[table.rowCount()];
        LocalDate epoch = null;
        for (int i = 0; i < at.length; i++) {
            Require.that(!time.isMissing(i), who, "row %d of table '%s' has no '%s'", i, table.name(), timeColumn);
            if (numeric) {
                at[i] = ((NumericColumn<?>) time).getDouble(i);
            } else {
                LocalDate d = date(time, i);
                epoch = epoch == null || d.isBefore(epoch) ? d : epoch;
            }
        }
        if (!numeric) {
            for (int i = 0; i < at.length; i++) at[i] = ChronoUnit.DAYS.between(epoch, date(time, i));
        }
        double first = Double.POSITIVE_INFINITY;
        for (double v : at) first = Math.min(first, v);
        TreeMap<Long, List<Integer>> windows = new TreeMap<>();
        for (int i = 0; i < at.length; i++) {
            windows.computeIfAbsent((long) Math.floor((at[i] - first) / size), k -> new ArrayList<>())
                    .add(i);
        }
        List<Slice> out = new ArrayList<>();
        for (Map.Entry<Long, List<Integer>> e : windows.entrySet()) {
            double start = first + e.getKey() * size;
            String label = numeric
                    ? timeColumn + " " + number(start) + (size == 1 ? "" : ".." + number(start + size - 1))
                    : epoch.plusDays((long) start) + (size == 1 ? "" : ".." + epoch.plusDays((long) start + size - 1));
            out.add(new Slice(
                    label,
                    start,
                    e.getValue().stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static LocalDate date(Column<?> c, int i) {
        if (c instanceof DateColumn d) return d.get(i);
        if (c instanceof DateTimeColumn d) return d.get(i).toLocalDate();
        return ((InstantColumn) c).get(i).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The rows of windows {@code from..to} (inclusive indexes), in order. */
    static int[] rows(List<Slice> slices, int from, int to) {
        return slices.subList(Math.max(0, from), to + 1).stream()
                .flatMapToInt(s -> java.util.Arrays.stream(s.rows()))
                .toArray();
    }
}
