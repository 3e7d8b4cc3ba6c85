package org.mlcycle.toolkit.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * One classification report per time window, oldest first. The verdict compares the first window
 * with the last on ROC-AUC and PR-AUC, the two scores that do not move with the threshold.
 */
public record TimeWindowReport(String timeColumn, int days, List<Window> windows) implements Rendered {

    /** A window of days from {@code start} to {@code end}, inclusive, and its metrics. */
    public record Window(LocalDate start, LocalDate end, ClassificationReport metrics) {}

    public TimeWindowReport {
        windows = List.copyOf(windows);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    public String verdict() {
        return verdict("en");
    }

    /** The verdict in {@code language}: English for the text, the learner's for HTML. */
    private String verdict(String language) {
        Window a = windows.get(0), b = windows.get(windows.size() - 1);
        return Messages.in(
                language,
                "report.windows.headline",
                windows.size(),
                days,
                Messages.in(language, days == 1 ? "report.windows.day" : "report.windows.days"),
                timeColumn,
                fmt(a.metrics().rocAuc()),
                fmt(b.metrics().rocAuc()),
                fmt(a.metrics().averagePrecision()),
                fmt(b.metrics().averagePrecision()),
                a.start(),
                b.start());
    }

    private List<List<?>> rows() {
        List<List<?>> rows = new ArrayList<>();
        for (Window w : windows) {
            ClassificationReport m = w.metrics();
            rows.add(List.of(
                    w.start().toString(),
                    m.confusion().n(),
                    fmt(m.baseRate()),
                    fmt(m.rocAuc()),
                    fmt(m.averagePrecision()),
                    fmt(m.logLoss()),
                    fmt(m.confusion().precision()),
                    fmt(m.confusion().recall())));
        }
        return rows;
    }

    private static final List<String> HEAD =
            List.of("from", "rows", "base rate", "ROC-AUC", "PR-AUC", "log-loss", "precision", "recall");

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(verdict());
        s.append(System.lineSeparator())
                .append(String.format(Locale.ROOT, "  %-10s %8s %9s %8s %8s %8s %9s %8s", HEAD.toArray()));
        for (List<?> r : rows()) {
            s.append(System.lineSeparator())
                    .append(String.format(Locale.ROOT, "  %-10s %8s %9s %8s %8s %8s %9s %8s", r.toArray()));
        }
        return s.toString();
    }

    /** ROC-AUC, PR-AUC and base rate per window as lines; a window where one is undefined leaves a gap. */
    public CategoryChart chart() {
        return ModelCharts.windows(this);
    }

    @Override
    public String toHtml() {
        return Html.translatedReport(
                verdict(Messages.language()),
                Charts.img(chart()),
                Html.table(
                        Html.headers(
                                "report.windows.",
                                "from",
                                "rows",
                                "baseRate",
                                "rocAuc",
                                "prAuc",
                                "logLoss",
                                "precision",
                                "recall"),
                        rows()));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("time_column", timeColumn);
        r.put("days", days);
        List<Map<String, Object>> ws = new ArrayList<>();
        for (Window w : windows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("start", w.start().toString());
            m.put("end", w.end().toString());
            m.putAll(w.metrics().toRecord());
            ws.add(m);
        }
        r.put("windows", ws);
        return r;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
