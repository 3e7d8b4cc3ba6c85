package org.mlcycle.toolkit.metrics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Metrics per time window: the same evaluation on each run of {@code days} calendar days, counted
 * from the earliest date in the table (instants are read in UTC). A model that was fine on the old
 * test data and is poor on yesterday's shows it here, window by window.
 */
public final class TimeWindows {
    private TimeWindows() {}

    /** Evaluates {@code probabilityColumn} against {@code labelColumn} in windows of {@code days} days of {@code timeColumn}. */
    public static TimeWindowReport evaluate(
            Table table,
            String timeColumn,
            String labelColumn,
            String probabilityColumn,
            int days,
            MetricsOptions options) {
        String who = "metrics over time";
        Require.nonEmpty(Require.table(table, who, "evaluated"), who);
        Require.that(days >= 1, who, "a window must be at least 1 day, got %d", days);
        Column<?> time = Require.column(table, timeColumn, who);
        Column<?> label = Require.column(table, labelColumn, who);
        Column<?> prob = Require.column(table, probabilityColumn, who);
        Require.that(
                prob instanceof NumericColumn<?>,
                who,
                "column '%s' in table '%s' is %s, not numeric",
                probabilityColumn,
                table.name(),
                prob.type().name());
        NumericColumn<?> p = (NumericColumn<?>) prob;
        LocalDate[] day = new LocalDate[table.rowCount()];
        LocalDate first = null;
        for (int i = 0; i < day.length; i++) {
            Require.that(
                    !time.isMissing(i) && !label.isMissing(i) && !p.isMissing(i),
                    who,
                    "missing value in row %d of table '%s' (time, label or probability)",
                    i,
                    table.name());
            day[i] = date(time, i, who, table);
            if (first == null || day[i].isBefore(first)) first = day[i];
        }
        TreeMap<LocalDate, List<Integer>> windows = new TreeMap<>();
        for (int i = 0; i < day.length; i++) {
            long k = ChronoUnit.DAYS.between(first, day[i]) / days;
            windows.computeIfAbsent(first.plusDays(k * days), d -> new ArrayList<>())
                    .add(i);
        }
        List<TimeWindowReport.Window> out = new ArrayList<>();
        windows.forEach((start, rows) -> {
            boolean[] actual = new boolean[rows.size()];
            double[] probability = new double[rows.size()];
            for (int j = 0; j < actual.length; j++) {
                actual[j] = label.getString(rows.get(j)).equals(options.positive());
                probability[j] = p.getDouble(rows.get(j));
            }
            out.add(new TimeWindowReport.Window(
                    start, start.plusDays(days - 1L), Metrics.binary(actual, probability, options)));
        });
        return new TimeWindowReport(timeColumn, days, out);
    }

    private static LocalDate date(Column<?> c, int i, String who, Table table) {
        if (c instanceof DateColumn d) return d.get(i);
        if (c instanceof DateTimeColumn d) return d.get(i).toLocalDate();
        if (c instanceof InstantColumn d)
            return d.get(i).atOffset(ZoneOffset.UTC).toLocalDate();
        throw new IllegalArgumentException(String.format(
                "%s: column '%s' in table '%s' is %s, not a date, date-time or instant",
                who, c.name(), table.name(), c.type().name()));
    }
}
