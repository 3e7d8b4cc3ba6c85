package org.mlcycle.toolkit.journal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Runs side by side: one row per run, one column per parameter and per metric ("-" where a run has none). */
public record RunComparison(List<Run> runs) implements Rendered {

    public RunComparison {
        runs = List.copyOf(runs);
    }

    /** Every parameter name any run used, sorted. */
    public List<String> paramNames() {
        return runs.stream()
                .flatMap(r -> r.params().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .collect(Collectors.toList());
    }

    /** Every metric name any run reported, sorted. */
    public List<String> metricNames() {
        return runs.stream()
                .flatMap(r -> r.metrics().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .collect(Collectors.toList());
    }

    /** The run with the highest {@code metric} (use {@link #lowest} for losses). */
    public Optional<Run> highest(String metric) {
        return runs.stream()
                .filter(r -> r.metrics().containsKey(metric))
                .max((a, b) ->
                        Double.compare(a.metrics().get(metric), b.metrics().get(metric)));
    }

    public Optional<Run> lowest(String metric) {
        return runs.stream()
                .filter(r -> r.metrics().containsKey(metric))
                .min((a, b) ->
                        Double.compare(a.metrics().get(metric), b.metrics().get(metric)));
    }

    /** The comparison as a Tablesaw table: id, run, status, data, then params, then metrics (missing where absent). */
    public Table table() {
        Table t = Table.create(
                "runs",
                LongColumn.create("id", runs.stream().mapToLong(Run::id).toArray()),
                StringColumn.create("run", runs.stream().map(Run::name).collect(Collectors.toList())),
                StringColumn.create("status", runs.stream().map(Run::status).collect(Collectors.toList())),
                StringColumn.create(
                        "data",
                        runs.stream().map(r -> String.join(" ", r.data())).collect(Collectors.toList())));
        for (String p : paramNames()) {
            t.addColumns(StringColumn.create(
                    p, runs.stream().map(r -> r.params().getOrDefault(p, "")).collect(Collectors.toList())));
        }
        for (String m : metricNames()) {
            t.addColumns(DoubleColumn.create(
                    m,
                    runs.stream()
                            .mapToDouble(r -> r.metrics().getOrDefault(m, Double.NaN))
                            .toArray()));
        }
        return t;
    }

    /** A bar chart: one group per run, one bar per metric. */
    public CategoryChart chart() {
        CategoryChart chart = new CategoryChartBuilder()
                .width(640)
                .height(360)
                .title("Runs compared")
                .xAxisTitle("run")
                .yAxisTitle("metric value")
                .build();
        List<String> labels =
                runs.stream().map(r -> "#" + r.id() + " " + r.name()).collect(Collectors.toList());
        for (String m : metricNames()) {
            List<Double> values =
                    runs.stream().map(r -> r.metrics().getOrDefault(m, 0.0)).collect(Collectors.toList());
            if (!labels.isEmpty()) {
                chart.addSeries(m, labels, values);
            }
        }
        return chart;
    }

    @Override
    public String toText() {
        if (runs.isEmpty()) {
            return "runs: none recorded yet";
        }
        return runs.stream().map(Run::toText).collect(Collectors.joining("\n"));
    }

    @Override
    public String toHtml() {
        List<String> header = new ArrayList<>(Html.headers("report.runs.", "id", "run", "status", "data"));
        header.addAll(paramNames());
        header.addAll(metricNames());
        List<List<?>> rows = new ArrayList<>();
        for (Run r : runs) {
            List<Object> row = new ArrayList<>(List.of(
                    r.id(), r.name(), Run.statusWord(Messages.language(), r.status()), String.join(" ", r.data())));
            for (String p : paramNames()) {
                row.add(r.params().getOrDefault(p, ""));
            }
            for (String m : metricNames()) {
                row.add(r.metrics().getOrDefault(m, Double.NaN));
            }
            rows.add(row);
        }
        return "<div class=\"mlcycle-runs\">" + Html.table(header, rows) + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runs.stream().map(Run::toRecord).collect(Collectors.toList()));
        return out;
    }
}
