package org.mlcycle.toolkit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The multiclass report against scikit-learn 1.2.1 on its digits data: the reference files were
 * written by {@code make_digits_reference.py} beside them (two models' held-out predictions and
 * scikit-learn's metrics on exactly those values).
 */
class MulticlassReportTest {

    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "naive_bayes"})
    void agreesWithScikitLearnOnDigits(String model) throws IOException {
        Table scored = read("digits_" + model + ".csv");
        JsonObject ref = json("digits_" + model + ".json");
        MulticlassReport report = Multiclass.of(scored, "label", "prediction", "p_");

        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertEquals(classes, report.classes());
        double worst = 0;
        for (int k = 0; k < classes.size(); k++) {
            String c = classes.get(k);
            worst = Math.max(worst, diff(ref.getAsJsonArray("precision").get(k).getAsDouble(), report.precision(c)));
            worst = Math.max(worst, diff(ref.getAsJsonArray("recall").get(k).getAsDouble(), report.recall(c)));
            worst = Math.max(worst, diff(ref.getAsJsonArray("f1").get(k).getAsDouble(), report.f1(c)));
            assertEquals(ref.getAsJsonArray("support").get(k).getAsLong(), report.support(c), "support of " + c);
            JsonArray row = ref.getAsJsonArray("confusion").get(k).getAsJsonArray();
            for (int p = 0; p < classes.size(); p++) {
                assertEquals(row.get(p).getAsLong(), report.count(c, classes.get(p)), "confusion " + c + " -> " + p);
            }
        }
        JsonObject macro = ref.getAsJsonObject("macro");
        JsonObject weighted = ref.getAsJsonObject("weighted");
        JsonObject micro = ref.getAsJsonObject("micro");
        double[][] pairs = {
            {ref.get("accuracy").getAsDouble(), report.accuracy()},
            {ref.get("log_loss").getAsDouble(), report.logLoss()},
            {macro.get("precision").getAsDouble(), report.macroPrecision()},
            {macro.get("recall").getAsDouble(), report.macroRecall()},
            {macro.get("f1").getAsDouble(), report.macroF1()},
            {weighted.get("precision").getAsDouble(), report.weightedPrecision()},
            {weighted.get("recall").getAsDouble(), report.weightedRecall()},
            {weighted.get("f1").getAsDouble(), report.weightedF1()},
            {micro.get("f1").getAsDouble(), report.accuracy()},
        };
        for (double[] pair : pairs) worst = Math.max(worst, diff(pair[0], pair[1]));
        System.out.printf("multiclass digits %s: max |mlcycle - scikit-learn| = %.3g%n", model, worst);
        assertTrue(worst <= TOLERANCE, "largest difference from scikit-learn: " + worst);
    }

    @Test
    void aClassNeverPredictedHasNoPrecisionAndCountsAsZeroInTheAverages() {
        // worked by hand; scikit-learn 1.2.1 with zero_division=0 gives the same macro averages
        String[] actual = {"a", "a", "b", "b", "c", "c"};
        String[] predicted = {"a", "b", "b", "b", "a", "b"};
        MulticlassReport r = Multiclass.of(actual, predicted);
        assertEquals(0.5, r.precision("a"), 1e-12); // 1 of the 2 predicted a
        assertEquals(0.5, r.precision("b"), 1e-12); // 2 of the 4 predicted b
        assertTrue(Double.isNaN(r.precision("c")));
        assertEquals(0.0, r.recall("c"));
        assertEquals(0.0, r.f1("c"));
        assertEquals(0.5, r.accuracy(), 1e-12);
        assertEquals(1.0 / 3, r.macroPrecision(), 1e-12); // (0.5 + 0.5 + 0) / 3
        assertEquals(0.5, r.macroRecall(), 1e-12);
        assertEquals(0.38888888888888884, r.macroF1(), 1e-12);
        assertTrue(r.verdict().contains("never predicted: c"), r.verdict());
        assertTrue(r.toText().contains("  c "), r.toText());
    }

    @Test
    void theHtmlHasThePerClassTableTheMatrixAndTheChart() {
        MulticlassReport r = Multiclass.of(new String[] {"x", "y", "z", "z"}, new String[] {"x", "z", "z", "z"});
        String html = r.toHtml();
        assertTrue(html.contains("<th>precision</th>"), html);
        assertTrue(html.contains("<th>actual \\ predicted</th>"), html);
        assertTrue(html.contains("macro avg") && html.contains("weighted avg"), html);
        assertTrue(html.contains("<img"), "the confusion-matrix chart");
        assertFalse(html.contains("log-loss"), "no probabilities, no log-loss");
    }

    @Test
    void numberClassesSortAsNumbers() {
        MulticlassReport r = Multiclass.of(new String[] {"10", "9", "2"}, new String[] {"10", "9", "2"});
        assertEquals(List.of("2", "9", "10"), r.classes());
    }

    @Test
    void anActualClassWithoutAProbabilityColumnIsAnError() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Multiclass.of(
                        new String[] {"a", "c"}, new String[] {"a", "b"}, List.of("a", "b"), new double[][] {
                            {0.9, 0.1}, {0.2, 0.8}
                        }));
        assertTrue(e.getMessage().contains("'c' at row 1"), e.getMessage());
    }

    private static double diff(double expected, double actual) {
        return Math.abs(expected - actual);
    }

    private static Table read(String name) throws IOException {
        try (InputStream in = MulticlassReportTest.class.getResourceAsStream(name)) {
            return Table.read().usingOptions(CsvReadOptions.builder(in).tableName(name));
        }
    }

    private static JsonObject json(String name) throws IOException {
        try (InputStream in = MulticlassReportTest.class.getResourceAsStream(name)) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        }
    }
}
