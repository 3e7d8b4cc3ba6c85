package org.mlcycle.toolkit.metrics;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Fonts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.support.Require;

/**
 * Intervals side by side: a table (estimate, low, high, rows, positives) and {@link #chart()},
 * each estimate a dot with its interval drawn as an error bar, so a reader sees at once which
 * differences are larger than the noise.
 */
public record Intervals(String title, List<Interval> intervals) implements Rendered {

    public Intervals {
        Require.that(intervals != null && !intervals.isEmpty(), "intervals", "no interval to show");
        intervals = List.copyOf(intervals);
    }

    /** The estimates as dots with their intervals as vertical error bars, one per legend entry. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder()
                .width(640)
                .height(380)
                .title(title)
                .yAxisTitle(Messages.get("chart.intervals.y"))
                .build();
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setXAxisMin(-0.5).setXAxisMax(intervals.size() - 0.5);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int i = 0; i < intervals.size(); i++) {
            Interval v = intervals.get(i);
            String label = v.name() + "  " + v.brief();
            if (!used.add(label)) {
                label = label + " (" + (i + 1) + ")";
                used.add(label);
            }
            XYSeries s = chart.addSeries(label, new double[] {i, i, i}, new double[] {v.low(), v.estimate(), v.high()});
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(3f));
        }
        Fonts.fit(chart);
        return chart;
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(title).append('\n');
        for (Interval v : intervals) {
            out.append("  ").append(v.toText()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        for (Interval v : intervals) {
            rows.add(List.of(
                    v.name(),
                    v.estimate(),
                    v.low(),
                    v.high(),
                    v.rows(),
                    v.positives() < 0
                            ? ""
                            : v.positives() + (v.enoughPositives() ? "" : Messages.get("report.intervals.tooFew"))));
        }
        Interval first = intervals.get(0);
        String note = "<p style=\"margin:4px 0;color:#555\">"
                + Html.escape(
                        Messages.get("report.intervals.note", 100 * first.level(), first.resamples(), first.seed()))
                + "</p>";
        return Html.translatedReport(
                title,
                Html.table(
                        Html.headers("report.intervals.", "name", "estimate", "low", "high", "rows", "positives"),
                        rows),
                note,
                Charts.img(chart()));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("title", title);
        r.put("intervals", intervals.stream().map(Interval::toRecord).toList());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
