package org.mlcycle.toolkit.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.charts.Charts;
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
            lines.put(r.policy().name() + " (" + r.retrainedAfter().size() + " retrains)", r.metric());
        }
        return Charts.lines(
                options.alertMetric() + " per window under each retrain policy",
                options.timeColumn() + " (window start)",
                options.alertMetric(),
                starts,
                lines,
                "alert level",
                options.alertBelow());
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
        return List.of(
                "policy",
                "retrains",
                "retrained after",
                "mean " + options.alertMetric(),
                "mean of the last " + options.retrainWindows() + " windows");
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "retrain policies on '%s', %d windows by '%s', watching %s:",
                traffic,
                windows.size(),
                options.timeColumn(),
                options.alertText()));
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
        return "<div style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>"
                + Html.escape(toText().lines().findFirst().orElse("")) + "</b></p>" + Html.table(head(), rows())
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
