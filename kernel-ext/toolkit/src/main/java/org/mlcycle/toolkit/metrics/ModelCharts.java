package org.mlcycle.toolkit.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Fonts;
import org.mlcycle.toolkit.i18n.Messages;

/**
 * The XChart pictures of model quality, each drawn from a result's numbers. Titles, axis titles and
 * legend words are in the kernel's language when the chart is built, with fonts that can draw them.
 */
final class ModelCharts {
    /** Points drawn per curve; enough for a smooth line at the chart's width. */
    static final int MAX_POINTS = 1000;

    private ModelCharts() {}

    /** ROC or precision-recall curves with the chance line; a curve that is undefined is left out. */
    static XYChart curves(CurveReport report) {
        CurveReport.Kind kind = report.kind();
        boolean roc = kind == CurveReport.Kind.ROC;
        XYChart chart = Charts.unitSquare(
                Messages.get(roc ? "report.curves.roc" : "report.curves.precisionRecall"),
                Messages.get(roc ? "chart.roc.x" : "chart.pr.x"),
                Messages.get(roc ? "chart.roc.y" : "chart.pr.y"));
        if (roc) {
            Charts.reference(chart, Messages.get("chart.roc.chance"), new double[] {0, 1}, new double[] {0, 1});
        } else {
            double b = report.baseRate();
            Charts.reference(chart, Messages.get("chart.pr.chance", b), new double[] {0, 1}, new double[] {b, b});
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        }
        for (Curve c : report.curves()) {
            if (!c.defined()) continue;
            double[][] xy = kind == CurveReport.Kind.ROC ? xy(c) : steps(c);
            double[][] t = Charts.thin(xy[0], xy[1], MAX_POINTS);
            chart.addSeries(report.legend(c), t[0], t[1]).setMarker(SeriesMarkers.NONE);
        }
        Fonts.fit(chart);
        return chart;
    }

    private static double[][] xy(Curve c) {
        double[] x = new double[c.points().size()], y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.points().get(i).x();
            y[i] = c.points().get(i).y();
        }
        return new double[][] {x, y};
    }

    /**
     * Precision held flat over each recall step, the way average precision sums it: a straight line
     * between two precision-recall points would promise precision no threshold gives.
     */
    private static double[][] steps(Curve c) {
        List<Curve.Point> p = c.points();
        double[] x = new double[2 * p.size() - 1], y = new double[x.length];
        x[0] = p.get(0).x();
        y[0] = p.get(0).y();
        for (int i = 1; i < p.size(); i++) {
            x[2 * i - 1] = p.get(i - 1).x();
            y[2 * i - 1] = p.get(i).y();
            x[2 * i] = p.get(i).x();
            y[2 * i] = p.get(i).y();
        }
        return new double[][] {x, y};
    }

    /** Observed positive share against mean prediction per non-empty bin, with the diagonal. */
    static XYChart reliability(Map<String, Calibration> models) {
        XYChart chart = Charts.unitSquare(
                Messages.get("chart.reliability.title"),
                Messages.get("chart.reliability.x"),
                Messages.get("chart.reliability.y"));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        Charts.reference(chart, Messages.get("chart.reliability.perfect"), new double[] {0, 1}, new double[] {0, 1});
        models.forEach((model, cal) -> {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (Calibration.Bin b : cal.bins()) {
                if (b.count() == 0) continue;
                x.add(b.meanPredicted());
                y.add(b.observed());
            }
            String name = String.format(Locale.ROOT, "%s (ECE %s)", model, Checks.fmt(cal.expectedCalibrationError()));
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        });
        Fonts.fit(chart);
        return chart;
    }

    /** Rows per calibration bin and model: how much each point of the reliability diagram rests on. */
    static CategoryChart binCounts(Map<String, Calibration> models) {
        CategoryChart chart = Charts.bars(
                Messages.get("chart.binCounts.title"),
                Messages.get("chart.binCounts.x"),
                Messages.get("chart.binCounts.y"));
        chart.getStyler().setXAxisLabelRotation(45);
        models.forEach((model, cal) -> {
            List<String> bins = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            for (Calibration.Bin b : cal.bins()) {
                bins.add(String.format(Locale.ROOT, "%.2f-%.2f", b.low(), b.high()));
                counts.add(b.count());
            }
            chart.addSeries(model, bins, counts);
        });
        chart.getStyler().setLegendVisible(models.size() > 1);
        Fonts.fit(chart);
        return chart;
    }

    /** Cumulative gains: share of positives captured against share of rows targeted, top scores first. */
    static XYChart gains(List<LiftTable> models) {
        XYChart chart = Charts.unitSquare(
                Messages.get("chart.gains.title"), Messages.get("chart.gains.x"), Messages.get("chart.gains.y"));
        Charts.reference(chart, Messages.get("chart.gains.random"), new double[] {0, 1}, new double[] {0, 1});
        for (LiftTable t : models) {
            if (t.positives() == 0) continue;
            double[] x = new double[t.buckets().size() + 1], y = new double[x.length];
            for (int i = 0; i < t.buckets().size(); i++) {
                x[i + 1] = t.buckets().get(i).rowShare();
                y[i + 1] = t.buckets().get(i).gain();
            }
            XYSeries s = chart.addSeries(
                    Messages.get(
                            "chart.gains.series", t.model(), t.buckets().get(0).lift()),
                    x,
                    y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        Fonts.fit(chart);
        return chart;
    }

    /** The confusion matrix as an annotated heat map: actual class down, predicted class across. */
    static HeatMapChart confusion(String title, Confusion c) {
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(420)
                .height(320)
                .title(title)
                .xAxisTitle(Messages.get("chart.confusion.predicted"))
                .yAxisTitle(Messages.get("chart.confusion.actual"))
                .build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("#,##0");
        chart.getStyler().setLegendVisible(false);
        List<Number[]> cells = List.of(
                new Number[] {0, 0, c.fn()}, new Number[] {1, 0, c.tp()}, new Number[] {0, 1, c.tn()}, new Number[] {
                    1, 1, c.fp()
                });
        String negative = Messages.get("chart.confusion.negative"), positive = Messages.get("chart.confusion.positive");
        chart.addSeries("rows", List.of(negative, positive), List.of(positive, negative), new ArrayList<>(cells));
        Fonts.fit(chart, negative, positive);
        return chart;
    }

    /** ROC-AUC, average precision and base rate per time window; a window where one is undefined leaves a gap. */
    static CategoryChart windows(TimeWindowReport report) {
        CategoryChart chart = Charts.bars(
                Messages.get("chart.windows.title", report.days(), report.timeColumn()),
                Messages.get("chart.windows.x"),
                Messages.get("chart.windows.y"));
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setXAxisLabelRotation(report.windows().size() > 6 ? 45 : 0);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        List<String> starts = new ArrayList<>();
        List<Double> auc = new ArrayList<>(), ap = new ArrayList<>(), base = new ArrayList<>();
        for (TimeWindowReport.Window w : report.windows()) {
            starts.add(w.start().toString());
            auc.add(orNull(w.metrics().rocAuc()));
            ap.add(orNull(w.metrics().averagePrecision()));
            base.add(orNull(w.metrics().baseRate()));
        }
        chart.addSeries("ROC-AUC", starts, auc);
        chart.addSeries("PR-AUC (AP)", starts, ap);
        chart.addSeries(Messages.get("chart.windows.baseRate"), starts, base);
        Fonts.fit(chart);
        return chart;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
