package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.bridge.TribuoLogging;
import org.mlcycle.toolkit.metrics.ClassificationReport;
import org.mlcycle.toolkit.metrics.ModelPlots;
import org.mlcycle.toolkit.metrics.TimeWindowReport;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class MetricsMagicsTest {
    private final VariablesKernel kernel = VariablesKernel.mlcycle();

    @BeforeAll
    static void quietTribuo() {
        TribuoLogging.quiet();
    }

    /** A logistic regression of clicked on score. */
    private static ServingModel logistic(Table train) {
        return ServingModel.train(
                train, FeatureOptions.of("clicked", List.of("score"), List.of()), new LogisticRegressionTrainer());
    }

    private static final Table SCORED = Table.create(
            "scored", IntColumn.create("clicked", 1, 0, 1, 0), DoubleColumn.create("p", 0.9, 0.2, 0.4, 0.6));

    @Test
    @DisplayName("%metrics evaluates a probability column against the label, at the threshold asked for")
    void metricsOnAScoredTable() throws Exception {
        kernel.with("scored", SCORED);

        ClassificationReport half =
                assertInstanceOf(ClassificationReport.class, kernel.line("metrics", "scored", "clicked", "p"));
        ClassificationReport low =
                (ClassificationReport) kernel.line("metrics", "scored", "clicked", "p", "--threshold", "0.3");

        // positives 0.9, 0.4 against negatives 0.2, 0.6: 3 of 4 pairs ordered right
        assertEquals(0.75, half.rocAuc(), 1e-12);
        assertEquals(1, half.confusion().tp());
        assertEquals(1, half.confusion().fp());
        assertEquals(2, low.confusion().tp());
        assertEquals(0.3, low.options().threshold());
    }

    @Test
    @DisplayName("%metrics --by TIME --days N evaluates each window of days apart")
    void metricsOverTime() throws Exception {
        LocalDate first = LocalDate.of(2024, 3, 1);
        Table byDay =
                SCORED.copy().addColumns(DateColumn.create("day", first, first, first.plusDays(1), first.plusDays(1)));
        kernel.with("byDay", byDay);

        TimeWindowReport daily = assertInstanceOf(
                TimeWindowReport.class, kernel.line("metrics", "byDay", "clicked", "p", "--by", "day"));
        TimeWindowReport both =
                (TimeWindowReport) kernel.line("metrics", "byDay", "clicked", "p", "--by", "day", "--days", "2");

        assertEquals(2, daily.windows().size());
        // day 1: positive 0.9 above negative 0.2; day 2: positive 0.4 below negative 0.6
        assertEquals(1.0, daily.windows().get(0).metrics().rocAuc(), 1e-12);
        assertEquals(0.0, daily.windows().get(1).metrics().rocAuc(), 1e-12);
        assertEquals(1, both.windows().size());
        IllegalArgumentException days = assertThrows(
                IllegalArgumentException.class, () -> kernel.line("metrics", "byDay", "clicked", "p", "--days", "2"));
        assertEquals("--days needs --by TIME; usage: " + MetricsMagics.METRICS_USAGE, days.getMessage());
    }

    @Test
    @DisplayName("%metrics misuse: a threshold that is no number, a column the table lacks")
    void metricsErrors() {
        kernel.with("scored", SCORED);

        IllegalArgumentException threshold = assertThrows(
                IllegalArgumentException.class,
                () -> kernel.line("metrics", "scored", "clicked", "p", "--threshold", "high"));
        IllegalArgumentException column =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("metrics", "scored", "clicked", "p_1"));

        assertEquals(
                "--threshold needs a number, not 'high'; usage: " + MetricsMagics.METRICS_USAGE,
                threshold.getMessage());
        assertEquals("metrics: no column 'p_1' in table 'scored' (has: clicked, p)", column.getMessage());
    }

    @Test
    @DisplayName("%evaluate scores a table with a serving model's own features, then evaluates it")
    void evaluateAServingModel() throws Exception {
        Table train = LabelMagicsTest.clicks();
        ServingModel model = logistic(train);
        kernel.with("model", model).with("train", train).with("n", 1);

        ClassificationReport report =
                assertInstanceOf(ClassificationReport.class, kernel.line("evaluate", "model", "train"));

        assertTrue(report.rocAuc() > 0.9, "AUC " + report.rocAuc());
        assertEquals(200, report.confusion().n());
        IllegalArgumentException notModel =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("evaluate", "n", "train"));
        assertEquals("'n' is Integer, not a ServingModel", notModel.getMessage());
    }

    @Test
    @DisplayName("%evaluate --by TIME scores once and evaluates each window of days apart")
    void evaluateOverTime() throws Exception {
        Table train = LabelMagicsTest.clicks();
        ServingModel model = logistic(train);
        LocalDate[] days = new LocalDate[train.rowCount()];
        for (int i = 0; i < days.length; i++) {
            days[i] = LocalDate.of(2024, 3, 1).plusDays(i % 3);
        }
        kernel.with("model", model).with("served", train.copy().addColumns(DateColumn.create("day", days)));

        TimeWindowReport report =
                assertInstanceOf(TimeWindowReport.class, kernel.line("evaluate", "model", "served", "--by", "day"));

        assertEquals(3, report.windows().size());
        assertEquals(
                200,
                report.windows().stream()
                        .mapToLong(w -> w.metrics().confusion().n())
                        .sum());
    }

    @Test
    @DisplayName("%evaluate --plots draws every chart for the model, named after its variable")
    void evaluatePlots() throws Exception {
        Table train = LabelMagicsTest.clicks();
        ServingModel model = logistic(train);
        kernel.with("model", model).with("train", train);

        ModelPlots plots = assertInstanceOf(ModelPlots.class, kernel.line("evaluate", "model", "train", "--plots"));
        ClassificationReport metrics = (ClassificationReport) kernel.line("evaluate", "model", "train");

        assertEquals(List.of("model"), plots.models());
        assertEquals(metrics.rocAuc(), plots.roc().curve("model").area(), 1e-12);
        assertEquals(
                metrics.averagePrecision(),
                plots.precisionRecall().curve("model").area(),
                1e-12);
        assertTrue(plots.toHtml().contains("data:image/png;base64,"));
        IllegalArgumentException both = assertThrows(
                IllegalArgumentException.class,
                () -> kernel.line("evaluate", "model", "train", "--plots", "--by", "day"));
        assertEquals(
                "--plots draws the whole table; leave out --by and --days; usage: " + MetricsMagics.EVALUATE_USAGE,
                both.getMessage());
    }

    @Test
    @DisplayName("%curves puts a serving model and a scored column of the same table on one chart")
    void curvesCompareModels() throws Exception {
        Table train = LabelMagicsTest.clicks();
        ServingModel model = logistic(train);
        DoubleColumn coin = DoubleColumn.create("coin", train.rowCount());
        for (int i = 0; i < coin.size(); i++) coin.set(i, (i * 37 % 100) / 100.0);
        kernel.with("lr", model).with("test", train.copy().addColumns(coin));

        ModelPlots plots = assertInstanceOf(ModelPlots.class, kernel.line("curves", "test", "lr", "coin"));

        assertEquals(List.of("lr", "coin"), plots.models());
        assertTrue(plots.roc().curve("lr").area() > plots.roc().curve("coin").area());
        assertTrue(plots.verdict().startsWith("2 models on 200 rows"), plots.verdict());
        IllegalArgumentException noLabel =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("curves", "test", "coin"));
        assertEquals(
                "--label LABEL is needed when no MODEL is a ServingModel; usage: " + MetricsMagics.CURVES_USAGE,
                noLabel.getMessage());
        ModelPlots labelled = (ModelPlots) kernel.line("curves", "test", "coin", "--label", "clicked");
        assertEquals(
                plots.roc().curve("coin").area(), labelled.roc().curve("coin").area(), 1e-12);
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("curves", "test", "nothing"));
        assertEquals("no variable 'nothing' in the notebook", unknown.getMessage());
        IllegalArgumentException labelAsModel =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("curves", "test", "lr", "clicked"));
        assertEquals(
                "'clicked' is the label column, not a model; usage: " + MetricsMagics.CURVES_USAGE,
                labelAsModel.getMessage());
    }
}
