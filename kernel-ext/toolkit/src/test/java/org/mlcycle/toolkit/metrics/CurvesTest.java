package org.mlcycle.toolkit.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class CurvesTest {
    // MetricsTest's ten rows: positives score 0.9, 0.8, 0.6, 0.2; negatives 0.8, 0.4, 0.4, 0.3, 0.1, 0.0
    static final boolean[] Y = MetricsTest.Y;
    static final double[] P = MetricsTest.P;

    @Test
    void rocHasOnePointPerDistinctScoreWorkedOutByHand() {
        Curve roc = Curves.roc(Y, P).curve(Curves.MODEL);

        // (fp / 6, tp / 4) after each threshold, from (0, 0); the tie at 0.8 moves both at once
        double[][] expected = {
            {0, 0},
            {0, 0.25},
            {1 / 6.0, 0.5},
            {1 / 6.0, 0.75},
            {0.5, 0.75},
            {4 / 6.0, 0.75},
            {4 / 6.0, 1},
            {5 / 6.0, 1},
            {1, 1}
        };
        assertEquals(expected.length, roc.points().size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(
                    expected[i],
                    new double[] {roc.points().get(i).x(), roc.points().get(i).y()},
                    1e-12);
        }
        assertEquals(0.8, roc.points().get(2).threshold());
        assertEquals(18.5 / 24, roc.area(), 1e-12);
    }

    @Test
    void theAreaUnderTheRocPointsIsTheRocAuc() {
        Curve roc = Curves.roc(Y, P).curve(Curves.MODEL);
        double area = 0;
        for (int i = 1; i < roc.points().size(); i++) {
            Curve.Point a = roc.points().get(i - 1), b = roc.points().get(i);
            area += (b.x() - a.x()) * (a.y() + b.y()) / 2;
        }
        assertEquals(Metrics.rocAuc(Y, P), area, 1e-12);
    }

    @Test
    void precisionRecallStartsAtPrecisionOneAndItsAreaIsAveragePrecision() {
        Curve pr = Curves.precisionRecall(Y, P).curve(Curves.MODEL);

        double[][] expected = {
            {0, 1},
            {0.25, 1},
            {0.5, 2 / 3.0},
            {0.75, 0.75},
            {0.75, 0.5},
            {0.75, 3 / 7.0},
            {1, 0.5},
            {1, 4 / 9.0},
            {1, 0.4}
        };
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(
                    expected[i],
                    new double[] {pr.points().get(i).x(), pr.points().get(i).y()},
                    1e-12);
        }
        // 0.25 * (1 + 2/3 + 3/4 + 1/2)
        assertEquals(0.25 * (1 + 2 / 3.0 + 0.75 + 0.5), pr.area(), 1e-12);
        assertEquals(Metrics.averagePrecision(Y, P), pr.area(), 1e-12);
    }

    @Test
    void severalModelsShareOneChartWithTheChanceLineAndTheirAreasInTheLegend() {
        Map<String, double[]> models = new LinkedHashMap<>();
        models.put("hand", P);
        models.put("reversed", reversed(P));

        XYChart roc = Curves.roc(Y, models).chart();
        XYChart pr = Curves.precisionRecall(Y, models).chart();

        assertEquals(
                List.of("chance (AUC 0.5)", "hand (AUC 0.7708)", "reversed (AUC 0.2292)"),
                List.copyOf(roc.getSeriesMap().keySet()));
        assertEquals(
                "chance (base rate 0.4000)",
                pr.getSeriesMap().keySet().iterator().next());
        assertTrue(pr.getSeriesMap().containsKey(String.format("hand (AP %.4f)", Metrics.averagePrecision(Y, P))));
    }

    @Test
    void oneClassOnlyLeavesTheRocCurveUndefinedAndNamesWhy() {
        boolean[] none = new boolean[4];
        double[] s = {0.1, 0.2, 0.3, 0.4};

        CurveReport roc = Curves.roc(none, s);
        CurveReport pr = Curves.precisionRecall(none, s);

        assertFalse(roc.curve(Curves.MODEL).defined());
        assertTrue(Double.isNaN(roc.curve(Curves.MODEL).area()));
        assertTrue(roc.verdict().contains("model (undefined: no positives)"), roc.verdict());
        assertEquals(
                List.of("chance (AUC 0.5)"),
                List.copyOf(roc.chart().getSeriesMap().keySet()));
        assertFalse(pr.curve(Curves.MODEL).defined());

        boolean[] all = {true, true, true, true};
        assertFalse(Curves.roc(all, s).curve(Curves.MODEL).defined());
        assertEquals(1.0, Curves.precisionRecall(all, s).curve(Curves.MODEL).area(), 1e-12);
    }

    @Test
    void equalScoresGiveTheDiagonalAndTheBaseRate() {
        double[] same = new double[Y.length];
        java.util.Arrays.fill(same, 0.3);

        Curve roc = Curves.roc(Y, same).curve(Curves.MODEL);
        Curve pr = Curves.precisionRecall(Y, same).curve(Curves.MODEL);

        assertEquals(2, roc.points().size());
        assertEquals(1.0, roc.points().get(1).x());
        assertEquals(1.0, roc.points().get(1).y());
        assertEquals(0.5, roc.area(), 1e-12);
        assertEquals(0.4, pr.points().get(1).y(), 1e-12);
        assertEquals(0.4, pr.area(), 1e-12);
    }

    @Test
    void compareDrawsEveryChartForEachModelOfAScoredTable() {
        Table t = Table.create(
                "scored",
                IntColumn.create("clicked", 1, 0, 1, 1, 0, 0, 0, 1, 0, 0),
                DoubleColumn.create("p_a", P),
                DoubleColumn.create("p_b", reversed(P)));
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("a", "p_a");
        columns.put("b", "p_b");

        ModelPlots plots = Curves.compare(t, "clicked", columns, MetricsOptions.defaults());

        assertEquals(List.of("a", "b"), plots.models());
        List<String> titles = plots.charts().stream().map(c -> c.getTitle()).toList();
        assertEquals(
                List.of(
                        "ROC curve",
                        "precision-recall curve",
                        "reliability diagram",
                        "rows per calibration bin",
                        "cumulative gains",
                        "confusion of a at threshold 0.5000",
                        "confusion of b at threshold 0.5000"),
                titles);
        assertTrue(
                plots.verdict()
                        .startsWith("2 models on 10 rows, 4 positives (base rate 0.4000): best ROC-AUC 'a' 0.7708"),
                plots.verdict());
        assertTrue(plots.toHtml().contains("src=\"data:image/png;base64,"));
        assertEquals(3L, plots.confusion().get("a").tp()); // 0.9, 0.8 and 0.6 at threshold 0.5
        assertTrue(plots.toText().contains("(precision and recall at threshold 0.5000)"));
    }

    @Test
    void aReliabilityPointPerNonEmptyBinBesideTheDiagonal() {
        XYChart chart =
                Curves.compare(Y, Map.of("m", P), MetricsOptions.defaults().withCalibrationBins(5)).charts().stream()
                        .filter(c -> c.getTitle().equals("reliability diagram"))
                        .map(XYChart.class::cast)
                        .findFirst()
                        .orElseThrow();

        // bins of width 0.2 holding 0.0 0.1 0.2 | 0.3 0.4 0.4 | 0.6 | 0.8 0.8 | 0.9: all five non-empty
        String model = "m (ECE " + String.format("%.4f", Calibration.of(Y, P, 5).expectedCalibrationError()) + ")";
        assertEquals(
                List.of("perfectly calibrated", model),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(5, chart.getSeriesMap().get(model).getXData().length);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException shortScores =
                assertThrows(IllegalArgumentException.class, () -> Curves.roc(Y, new double[] {0.1}));
        assertEquals("ROC curve: model: actual has 10 values but score has 1", shortScores.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Curves.roc(Y, Map.of()));
        assertEquals("ROC curve: no model to plot", none.getMessage());
        Table t = Table.create("scored", IntColumn.create("clicked", 1, 0), DoubleColumn.create("p", 0.2, 0.4));
        IllegalArgumentException column = assertThrows(
                IllegalArgumentException.class,
                () -> Curves.compare(t, "clicked", Map.of("m", "q"), MetricsOptions.defaults()));
        assertEquals("model plots: no column 'q' in table 'scored' (has: clicked, p)", column.getMessage());
    }

    @Test
    void theConfusionHeatMapPutsEachCountInItsCell() {
        Confusion c = new Confusion(3, 1, 5, 2);

        var series = c.chart().getHeatMapSeries();

        // {predicted, actual, rows}: predicted negative / positive across, actual positive / negative down
        List<String> cells = new java.util.ArrayList<>();
        for (Number[] v : series.getHeatData()) {
            cells.add(series.getXData().get(v[0].intValue()) + "/"
                    + series.getYData().get(v[1].intValue()) + "=" + v[2]);
        }
        assertEquals(
                List.of("negative/positive=2", "positive/positive=3", "negative/negative=5", "positive/negative=1"),
                cells);
    }

    static double[] reversed(double[] p) {
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) r[i] = 1 - p[i];
        return r;
    }
}
