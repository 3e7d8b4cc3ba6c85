package org.mlcycle.toolkit.drift;

import static org.mlcycle.toolkit.drift.Drift.f;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Fonts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Drift over time: the current table cut into fixed windows of a time column, each window compared
 * with the whole reference ("two months ago vs each day since"). Windows start at the first day of
 * the current data; empty windows are left out; rows without a time are counted and skipped.
 *
 * @param reference the reference table's name
 * @param current the current table's name
 * @param timeColumn the column the windows are cut on
 * @param window the window length
 * @param windows one entry per non-empty window, in time order
 * @param rowsWithoutTime current rows whose time is missing
 */
public record DriftWindows(
        String reference,
        String current,
        String timeColumn,
        Duration window,
        List<WindowDrift> windows,
        int rowsWithoutTime)
        implements Rendered {

    public DriftWindows {
        windows = List.copyOf(windows);
    }

    /** Cuts {@code current} into windows of {@code timeColumn} and compares each with {@code reference}. */
    public static DriftWindows of(
            Table reference, Table current, String timeColumn, Duration window, DriftOptions options) {
        Require.table(reference, Drift.WHO, "reference");
        Require.table(current, Drift.WHO, "current");
        Column<?> time = Require.column(current, timeColumn, Drift.WHO);
        Require.that(
                time instanceof DateColumn || time instanceof DateTimeColumn,
                Drift.WHO,
                "time column '%s' in table '%s' is %s, not a date or date-time",
                timeColumn,
                current.name(),
                time.type().name());
        Require.that(
                window != null && !window.isNegative() && !window.isZero(),
                Drift.WHO,
                "the window must be a positive duration, got %s",
                window);
        List<String> ignore = new ArrayList<>(options.ignore());
        ignore.add(timeColumn);
        DriftOptions o = new DriftOptions(
                options.bins(),
                options.pValueRows(),
                options.pValue(),
                options.wasserstein(),
                options.js(),
                options.driftShare(),
                options.missingRateChange(),
                options.categoricalUpTo(),
                options.categorical(),
                reference.containsColumn(timeColumn) ? java.util.Set.copyOf(ignore) : options.ignore());
        Table ref = reference;
        LocalDateTime first = null;
        LocalDateTime[] at = new LocalDateTime[current.rowCount()];
        int withoutTime = 0;
        for (int i = 0; i < at.length; i++) {
            if (time.isMissing(i)) {
                withoutTime++;
                continue;
            }
            at[i] = time instanceof DateColumn d ? d.get(i).atStartOfDay() : ((DateTimeColumn) time).get(i);
            first = first == null || at[i].isBefore(first) ? at[i] : first;
        }
        List<WindowDrift> out = new ArrayList<>();
        if (first != null) {
            LocalDateTime start = first.toLocalDate().atStartOfDay();
            long step = window.toNanos();
            TreeMap<Long, List<Integer>> rowsByWindow = new TreeMap<>();
            for (int i = 0; i < at.length; i++) {
                if (at[i] != null) {
                    long k = Duration.between(start, at[i]).toNanos() / step;
                    rowsByWindow.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
                }
            }
            for (Map.Entry<Long, List<Integer>> e : rowsByWindow.entrySet()) {
                LocalDateTime from = start.plus(window.multipliedBy(e.getKey()));
                Table part = current.rows(
                        e.getValue().stream().mapToInt(Integer::intValue).toArray());
                part.setName(current.name() + " " + from.toLocalDate());
                DriftReport report = Drift.between(ref, part, o);
                out.add(new WindowDrift(from, from.plus(window), report));
            }
        }
        return new DriftWindows(reference.name(), current.name(), timeColumn, window, out, withoutTime);
    }

    /** Windows whose data drifted as a whole. */
    public List<WindowDrift> drifted() {
        return windows.stream().filter(w -> w.report().datasetDrift()).toList();
    }

    /** For each column, the number of windows in which it drifted (columns that never did are left out). */
    public Map<String, Integer> driftCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (WindowDrift w : windows) {
            for (ColumnDrift c : w.report().drifted()) {
                counts.merge(c.name(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String label(WindowDrift w) {
        LocalDateTime s = w.start();
        return s.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? s.toLocalDate().toString()
                : s.toString();
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.driftWindows.headline",
                reference,
                current,
                timeColumn,
                window,
                drifted().size(),
                windows.size());
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(headline("en"));
        if (!windows.isEmpty()) {
            out.append("\n  ").append(windows.get(0).report().ruleLine());
        }
        Map<String, Integer> counts = driftCounts();
        if (!counts.isEmpty()) {
            List<String> parts = new ArrayList<>();
            counts.forEach((c, n) -> parts.add(c + " " + n + "/" + windows.size()));
            out.append("\n  columns drifting: ").append(String.join(", ", parts));
        }
        for (WindowDrift w : windows) {
            DriftReport r = w.report();
            out.append(f(
                    "%n  %-16s rows %7d  drifted %d/%d%s",
                    label(w),
                    r.currentRows(),
                    r.drifted().size(),
                    r.columns().size(),
                    r.drifted().isEmpty()
                            ? ""
                            : ": "
                                    + String.join(
                                            ", ",
                                            r.drifted().stream()
                                                    .map(ColumnDrift::name)
                                                    .toList())));
        }
        if (rowsWithoutTime > 0) {
            out.append("\n  ").append(rowsWithoutTime).append(" rows without a time were skipped");
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder out = new StringBuilder("<div class=\"mlcycle-drift-windows\"" + Messages.dirAttribute()
                + " style=\"font-family:sans-serif\">");
        out.append("<p style=\"font-weight:bold\">")
                .append(Html.escape(headline(Messages.language())))
                .append("</p>");
        if (!windows.isEmpty()) {
            out.append("<p" + (Messages.rightToLeft() ? " dir=\"ltr\"" : "")
                            + " style=\"color:#666;font-size:smaller\">")
                    .append(Html.escape(windows.get(0).report().ruleLine(Messages.language())))
                    .append("</p>");
        }
        List<List<?>> rows = new ArrayList<>();
        for (WindowDrift w : windows) {
            DriftReport r = w.report();
            rows.add(List.of(
                    label(w),
                    r.currentRows(),
                    r.drifted().size() + "/" + r.columns().size(),
                    Messages.get(r.datasetDrift() ? "report.drift.yes" : "report.drift.no"),
                    String.join(
                            ", ", r.drifted().stream().map(ColumnDrift::name).toList())));
        }
        out.append(Html.table(
                Html.headers("report.driftWindows.", "window", "rows", "drifted", "datasetDrift", "driftedColumns"),
                rows));
        if (!windows.isEmpty()) {
            CategoryChart chart = Charts.scoreBars(
                    Messages.get("report.driftWindows.chart.title"),
                    windows.stream().map(DriftWindows::label).toList(),
                    windows.stream().map(w -> w.report().driftedShare()).toList(),
                    windows.get(0).report().options().driftShare());
            Fonts.fit(chart);
            out.append(Charts.img(chart));
        }
        return out.append("</div>").toString();
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("reference", reference);
        r.put("current", current);
        r.put("time_column", timeColumn);
        r.put("window", window.toString());
        r.put("rows_without_time", rowsWithoutTime);
        r.put(
                "windows",
                windows.stream()
                        .map(w -> Map.<String, Object>of(
                                "start",
                                w.start().toString(),
                                "end",
                                w.end().toString(),
                                "rows",
                                w.report().currentRows(),
                                "drifted",
                                w.report().drifted().stream()
                                        .map(ColumnDrift::name)
                                        .toList(),
                                "dataset_drift",
                                w.report().datasetDrift()))
                        .toList());
        r.put("drift_counts", driftCounts());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
