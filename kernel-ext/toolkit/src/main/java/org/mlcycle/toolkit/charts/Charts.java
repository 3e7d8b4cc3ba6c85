package org.mlcycle.toolkit.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mlcycle.toolkit.i18n.Fonts;
import org.mlcycle.toolkit.i18n.Messages;

/**
 * XChart pictures for the reports, drawn from the numbers a report keeps (never from a table):
 * reference vs current shares per bin, one bar per column for scores or missing shares, and the
 * frames the model-quality curves are drawn in. {@link #img} turns a chart into an inline PNG for static HTML.
 * The axis titles and series names these methods choose are in the kernel's language, with fonts
 * that can draw them; the title is the caller's.
 */
public final class Charts {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;

    private Charts() {}

    /** Reference and current shares side by side per bin or category (at most 40 bins are drawn). */
    public static CategoryChart sharesPair(
            String title, List<String> bins, List<Double> reference, List<Double> current) {
        check(title, bins.size(), reference.size(), current.size());
        int n = Math.min(40, bins.size());
        CategoryChart chart = base(title, Messages.get("chart.shares.x"), Messages.get("chart.shares.y"));
        chart.getStyler().setXAxisLabelRotation(bins.size() > 5 ? 45 : 0);
        chart.addSeries(Messages.get("chart.shares.reference"), bins.subList(0, n), clean(reference.subList(0, n)));
        chart.addSeries(Messages.get("chart.shares.current"), bins.subList(0, n), clean(current.subList(0, n)));
        Fonts.fit(chart, String.join("", bins.subList(0, n)));
        return chart;
    }

    /** One bar per column, e.g. a drift score; the title should say what and which threshold. */
    public static CategoryChart scoreBars(String title, List<String> columns, List<Double> scores, double threshold) {
        check(title, columns.size(), scores.size(), scores.size());
        String t = Double.isNaN(threshold) ? title : title + " " + Messages.get("chart.scores.threshold", threshold);
        CategoryChart chart = base(t, Messages.get("chart.scores.x"), Messages.get("chart.scores.y"));
        chart.getStyler().setXAxisLabelRotation(columns.size() > 6 ? 45 : 0);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(Messages.get("chart.scores.y"), columns, clean(scores));
        Fonts.fit(chart, String.join("", columns));
        return chart;
    }

    /** Groups of bars, one series per entry of {@code series}, one group per label (e.g. two models' metrics). */
    public static CategoryChart groupedBars(String title, List<String> labels, Map<String, List<Double>> series) {
        CategoryChart chart = base(title, "", Messages.get("chart.grouped.y"));
        chart.getStyler().setXAxisLabelRotation(labels.size() > 6 ? 45 : 0);
        chart.getStyler()
                .setLegendPosition(Styler.LegendPosition.OutsideS); // bars reach the top: keep the legend off them
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            check(title, labels.size(), e.getValue().size(), e.getValue().size());
            chart.addSeries(e.getKey(), labels, clean(e.getValue()));
        }
        Fonts.fit(chart, String.join("", labels));
        return chart;
    }

    /**
     * Lines over a shared x (a day, a window number), one per entry of {@code series}; NaN leaves a
     * gap. {@code level}, unless NaN, is drawn as a flat dashed line named {@code levelName}.
     */
    public static XYChart lines(
            String title,
            String xTitle,
            String yTitle,
            List<Double> x,
            Map<String, List<Double>> series,
            String levelName,
            double level) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH + 140)
                .height(HEIGHT + 60)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(4);
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            check(title, x.size(), e.getValue().size(), e.getValue().size());
            chart.addSeries(e.getKey(), x, e.getValue());
        }
        if (!Double.isNaN(level) && !x.isEmpty()) {
            XYSeries line = chart.addSeries(levelName, List.of(x.get(0), x.get(x.size() - 1)), List.of(level, level));
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(SeriesLines.DASH_DASH);
            line.setLineColor(java.awt.Color.RED);
        }
        Fonts.fit(chart);
        return chart;
    }

    /** Share of missing cells per column. */
    public static CategoryChart missingBars(String title, List<String> columns, List<Double> missingShares) {
        CategoryChart chart = scoreBars(title, columns, missingShares, Double.NaN);
        chart.setYAxisTitle(Messages.get("chart.missing.y"));
        Fonts.fit(chart, String.join("", columns));
        return chart;
    }

    /** The chart as PNG bytes. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("charts: encoding '" + chart.getTitle() + "' as PNG failed", e);
        }
    }

    /** An {@code <img>} tag holding the chart as an inline PNG. */
    public static String img(Chart<?, ?> chart) {
        return "<img style=\"max-width:100%\" alt=\"" + org.mlcycle.toolkit.report.Html.escape(chart.getTitle())
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png(chart)) + "\"/>";
    }

    /** An empty bar chart of the house size and style; the caller adds the series. */
    public static CategoryChart bars(String title, String x, String y) {
        return base(title, x, y);
    }

    /** An empty line chart on [0, 1] x [0, 1], the frame of ROC, precision-recall, reliability and gains curves. */
    public static XYChart unitSquare(String title, String x, String y) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(WIDTH * 3 / 4)
                .title(title)
                .xAxisTitle(x)
                .yAxisTitle(y)
                .build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        return chart;
    }

    /** A dashed grey line without markers: the chance line or the perfect one a curve is read against. */
    public static XYSeries reference(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(java.awt.Color.GRAY);
        series.setLineStyle(SeriesLines.DASH_DASH);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /**
     * At most {@code max} of the points, evenly spread and always keeping the first and the last: a
     * curve with one point per distinct score can have as many points as rows, far more than a
     * 640-pixel picture shows.
     */
    public static double[][] thin(double[] x, double[] y, int max) {
        if (x.length <= max) return new double[][] {x, y};
        double[] tx = new double[max], ty = new double[max];
        for (int i = 0; i < max; i++) {
            int j = (int) Math.round((double) i * (x.length - 1) / (max - 1));
            tx[i] = x[j];
            ty[i] = y[j];
        }
        return new double[][] {tx, ty};
    }

    private static CategoryChart base(String title, String x, String y) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(x)
                .yAxisTitle(y)
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }

    private static void check(String title, int labels, int a, int b) {
        if (labels == 0 || labels != a || labels != b) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "charts: '%s' needs as many values as labels and at least one (labels %d, values %d and %d)",
                    title,
                    labels,
                    a,
                    b));
        }
    }

    /** XChart cannot draw NaN: a value that does not apply is drawn as 0. */
    private static List<Double> clean(List<Double> values) {
        List<Double> out = new ArrayList<>(values.size());
        for (Double v : values) {
            out.add(v == null || v.isNaN() || v.isInfinite() ? 0.0 : v);
        }
        return out;
    }
}
