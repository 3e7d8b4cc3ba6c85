package org.mlcycle.toolkit.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Fonts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/** The watched metric per window under each retrain policy, the windows each retrained after, and a chart. */
public record RetrainComparison(
        String traffic, MonitorOptions options, List<String> windows, List<Double> starts, List<Run> runs)
        implements Rendered {

    /** One policy's replay: the metric per window and the windows after which it retrained. */
    public record Run(RetrainPolicy policy, List<Double> metric, List<String> retrainedAfter) {
        public Run {
            metric = List.copyOf(metric);
            retrainedAfter = List.copyOf(retrainedAfter);
        }

        /** The mean of the metric over the last {@code n} windows (NaN windows left out). */
        public double meanOfLast(int n) {
            return metric.subList(Math.max(0, metric.size() - n), metric.size()).stream()
                    .mapToDouble(Double::doubleValue)
                    .filter(v -> !Double.isNaN(v))
                    .average()
                    .orElse(Double.NaN);
        }
    }

    public RetrainComparison {
        windows = List.copyOf(windows);
        starts = List.copyOf(starts);
        runs = List.copyOf(runs);
    }

    /** The run of the policy named {@code name} ("never", "every 7 windows", "on alert"). */
    public Run run(String name) {
        return runs.stream()
                .filter(r -> r.policy().name().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("retraining: no policy '" + name + "' in this comparison"));
    }

    public XYChart chart() {
        Map<String, List<Double>> lines = new LinkedHashMap<>();
        for (Run r : runs) {
            lines.put(
                    Messages.get(
                            "report.retrain.chart.series",
                            r.policy().name(),
                            r.retrainedAfter().size()),
                    r.metric());
        }
        XYChart chart = Charts.lines(
                Messages.get("report.retrain.chart.title", options.alertMetric()),
                Messages.get("report.monitor.chart.windowStart", options.timeColumn()),
                options.alertMetric(),
                starts,
                lines,
                Messages.get("report.monitor.chart.alertLevel"),
                options.alertBelow());
        Fonts.fit(chart);
        return chart;
    }

    private List<List<?>> rows() {
        List<List<?>> rows = new ArrayList<>();
        for (Run r : runs) {
            rows.add(List.of(
                    r.policy().name(),
                    r.retrainedAfter().size(),
                    String.join(", ", r.retrainedAfter()),
                    r.meanOfLast(windows.size()),
                    r.meanOfLast(options.retrainWindows())));
        }
        return rows;
    }

    private List<String> head() {
        List<String> head = new ArrayList<>(Html.headers("report.retrain.", "policy", "retrains", "retrainedAfter"));
        head.add(Messages.get("report.retrain.mean", options.alertMetric()));
        head.add(Messages.get("report.retrain.meanOfLast", options.retrainWindows()));
        return head;
    }

    /** The summary line in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.retrain.headline",
                traffic,
                windows.size(),
                options.timeColumn(),
                options.alertText(language));
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(headline("en"));
        for (List<?> r : rows()) {
            s.append(String.format(
                    Locale.ROOT,
                    "%n  %-18s %2s retrains, mean %s, last %d windows %s",
                    r.get(0),
                    r.get(1),
                    Html.format(r.get(3)),
                    options.retrainWindows(),
                    Html.format(r.get(4))));
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        return "<div" + Messages.dirAttribute() + " style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>"
                + Html.escape(headline(Messages.language())) + "</b></p>" + Html.table(head(), rows())
                + Charts.img(chart()) + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("traffic", traffic);
        r.put("windows", windows);
        r.put("metric", options.alertMetric());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Run run : runs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("policy", run.policy().name());
            m.put("retrained_after", run.retrainedAfter());
            m.put("metric", run.metric());
            out.add(m);
        }
        r.put("runs", out);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
