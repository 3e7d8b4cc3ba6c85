package org.mlcycle.toolkit.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Fonts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The monitoring dashboard of one replay: a row per window, the alerts raised (also in the
 * journal), a retrain suggestion when an alert fired, and two charts: the watched metric with its
 * level and the drift signals, and the business numbers.
 */
public record MonitorReport(
        String model,
        String traffic,
        int referenceRows,
        MonitorOptions options,
        List<WindowStats> windows,
        List<String> alerts,
        RetrainSuggestion suggestion)
        implements Rendered {

    public MonitorReport {
        windows = List.copyOf(windows);
        alerts = List.copyOf(alerts);
    }

    /** The first window where the alert fired. */
    public Optional<WindowStats> firstAlert() {
        return windows.stream().filter(WindowStats::alert).findFirst();
    }

    public Optional<RetrainSuggestion> retrainSuggestion() {
        return Optional.ofNullable(suggestion);
    }

    private List<Double> series(java.util.function.ToDoubleFunction<WindowStats> f) {
        return windows.stream().map(w -> f.applyAsDouble(w)).toList();
    }

    /** The watched metric per window against its level, with input drift share and mean probability. */
    public XYChart dashboard() {
        Map<String, List<Double>> lines = new LinkedHashMap<>();
        lines.put(options.alertMetric(), series(w -> w.metric(options.alertMetric())));
        if (options.smoothing() > 1) {
            lines.put(
                    Messages.get("report.monitor.chart.smoothed", options.alertMetric(), options.smoothing()),
                    series(WindowStats::watched));
        }
        lines.put(Messages.get("report.monitor.chart.inputsDrifted"), series(WindowStats::inputDriftShare));
        lines.put(Messages.get("report.monitor.chart.meanProbability"), series(WindowStats::meanProbability));
        XYChart chart = Charts.lines(
                Messages.get("report.monitor.chart.title", model, options.timeColumn()),
                Messages.get("report.monitor.chart.windowStart", options.timeColumn()),
                Messages.get("report.monitor.chart.value"),
                series(WindowStats::start),
                lines,
                Messages.get("report.monitor.chart.alertLevel"),
                options.alertBelow());
        Fonts.fit(chart);
        return chart;
    }

    /** Show rate and, with a click log, click-through rate per window. */
    public XYChart businessChart() {
        Map<String, List<Double>> lines = new LinkedHashMap<>();
        lines.put(Messages.get("report.monitor.showRate"), series(WindowStats::showRate));
        if (windows.stream().anyMatch(w -> w.business() != null)) {
            lines.put(Messages.get("report.monitor.ctr"), series(w -> w.metric("ctr")));
        }
        XYChart chart = Charts.lines(
                Messages.get("report.monitor.chart.business", model, options.timeColumn()),
                Messages.get("report.monitor.chart.windowStart", options.timeColumn()),
                Messages.get("report.monitor.chart.share"),
                series(WindowStats::start),
                lines,
                "",
                Double.NaN);
        Fonts.fit(chart);
        return chart;
    }

    /** One row per window, for code and for sorting. */
    public Table table() {
        Table t = Table.create(
                "monitoring " + model,
                StringColumn.create(
                        "window", windows.stream().map(WindowStats::label).toList()),
                IntColumn.create(
                        "rows", windows.stream().mapToInt(WindowStats::rows).toArray()),
                IntColumn.create(
                        "labelled",
                        windows.stream().mapToInt(WindowStats::labelled).toArray()));
        for (String m : List.of("roc_auc", "pr_auc", "precision", "recall", "show_rate", "ctr")) {
            t.addColumns(DoubleColumn.create(m, windows.stream().mapToDouble(w -> w.metric(m))));
        }
        t.addColumns(
                DoubleColumn.create(
                        "revenue",
                        windows.stream()
                                .mapToDouble(w -> w.business() == null
                                        ? Double.NaN
                                        : w.business().revenue())),
                DoubleColumn.create("mean_probability", windows.stream().mapToDouble(WindowStats::meanProbability)),
                DoubleColumn.create("prediction_drift", windows.stream().mapToDouble(WindowStats::predictionDrift)),
                DoubleColumn.create("input_drift_share", windows.stream().mapToDouble(WindowStats::inputDriftShare)),
                BooleanColumn.create(
                        "alert", windows.stream().map(WindowStats::alert).toList()));
        return t;
    }

    /** The one-line summary, in English (as the text and the journal read it). */
    public String verdict() {
        return headline("en");
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        String outcome = alerts.isEmpty()
                ? Messages.in(language, "report.monitor.noAlert")
                : Messages.in(
                        language,
                        alerts.size() == 1 ? "report.monitor.alerts.one" : "report.monitor.alerts.many",
                        alerts.size(),
                        firstAlert().map(WindowStats::label).orElse("?"));
        return Messages.in(
                language,
                "report.monitor.headline",
                model,
                traffic,
                windows.size(),
                options.window(),
                options.timeColumn(),
                options.alertText(language),
                outcome);
    }

    /** The alert raised on window {@code w} of {@code model}, in {@code language}. */
    static String alertMessage(String language, String model, MonitorOptions options, WindowStats w) {
        return Messages.in(
                language,
                "report.monitor.alertMessage",
                model,
                options.alertMetric(),
                w.watched(),
                w.label(),
                options.alertBelow(),
                options.smoothed(language));
    }

    /**
     * The alerts in {@code language}, rebuilt from the windows where the alert started; the stored
     * (English) alerts when they were not raised that way.
     */
    private List<String> alerts(String language) {
        List<String> english = new ArrayList<>(), shown = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            WindowStats w = windows.get(i);
            if (w.alert() && (i == 0 || !windows.get(i - 1).alert())) {
                english.add(alertMessage("en", model, options, w));
                shown.add(alertMessage(language, model, options, w));
            }
        }
        return english.equals(alerts) ? shown : alerts;
    }

    private List<List<?>> rows() {
        List<List<?>> rows = new ArrayList<>();
        for (WindowStats w : windows) {
            rows.add(List.of(
                    w.label(),
                    w.rows(),
                    w.labelled(),
                    w.metric(options.alertMetric()),
                    w.watched(),
                    w.predictionDrift(),
                    w.inputDriftShare(),
                    String.join(", ", w.driftedInputs()),
                    w.showRate(),
                    w.business() == null ? "-" : w.business().clicks(),
                    w.metric("ctr"),
                    w.business() == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f", w.business().revenue()),
                    w.alert() ? Messages.get("report.monitor.alertMark") : ""));
        }
        return rows;
    }

    private List<String> head() {
        List<String> head = new ArrayList<>(Html.headers("report.monitor.", "window", "rows", "labelled"));
        head.add(options.alertMetric());
        head.addAll(Html.headers(
                "report.monitor.",
                "watched",
                "predictionDrift",
                "inputsDrifted",
                "driftedInputs",
                "showRate",
                "clicks",
                "ctr",
                "revenue",
                "alert"));
        return head;
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(verdict());
        for (WindowStats w : windows) {
            s.append(String.format(
                    Locale.ROOT,
                    "%n  %-14s rows %6d  %s %s  inputs drifted %s  show rate %s%s%s",
                    w.label(),
                    w.rows(),
                    options.alertMetric(),
                    Html.format(w.metric(options.alertMetric())),
                    Html.format(w.inputDriftShare()),
                    Html.format(w.showRate()),
                    w.business() == null ? "" : "  CTR " + Html.format(w.metric("ctr")),
                    w.alert() ? "  ALERT" : ""));
        }
        alerts.forEach(a -> s.append("\n  alert: ").append(a));
        if (suggestion != null) {
            s.append("\n  ").append(suggestion.text());
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder s = new StringBuilder("<div" + Messages.dirAttribute()
                        + " style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>")
                .append(Html.escape(headline(Messages.language())))
                .append("</b></p>");
        for (String a : alerts(Messages.language())) {
            s.append("<p style=\"margin:0 0 4px 0;color:#b00\">")
                    .append(Html.escape(Messages.get("report.monitor.alertLine", a)))
                    .append("</p>");
        }
        if (suggestion != null) {
            s.append("<p style=\"margin:0 0 4px 0\"><b>")
                    .append(Html.escape(suggestion.text(Messages.language())))
                    .append("</b></p>");
        }
        if (!windows.isEmpty()) {
            s.append(Charts.img(dashboard())).append(Charts.img(businessChart()));
        }
        return s.append(Html.table(head(), rows())).append("</div>").toString();
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", model);
        r.put("traffic", traffic);
        r.put("reference_rows", referenceRows);
        r.put("time_column", options.timeColumn());
        r.put("window", options.window());
        r.put("alert_rule", options.alertText());
        r.put("windows", windows.stream().map(WindowStats::toRecord).toList());
        r.put("alerts", alerts);
        r.put("retrain", suggestion == null ? null : suggestion.toRecord());
        return r;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
