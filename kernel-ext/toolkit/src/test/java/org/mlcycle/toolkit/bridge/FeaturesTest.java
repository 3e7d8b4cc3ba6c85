package org.mlcycle.toolkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.split.Folds;
import org.mlcycle.toolkit.split.Splits;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FeaturesTest {

    @BeforeAll
    static void quietTribuo() {
        TribuoLogging.quiet();
    }

    /** Clicks happen on desktop with a high bid; a little noise on the bid. */
    static Table separable(int n, long seed) {
        Random r = new Random(seed);
        double[] bid = new double[n];
        String[] device = new String[n];
        int[] clicked = new int[n];
        for (int i = 0; i < n; i++) {
            boolean click = i % 4 == 0;
            clicked[i] = click ? 1 : 0;
            bid[i] = (click ? 10 : 2) + r.nextGaussian();
            device[i] = click ? "desktop" : (i % 2 == 0 ? "mobile" : "tablet");
        }
        return Table.create(
                "ads",
                DoubleColumn.create("bid", bid),
                StringColumn.create("device", device),
                IntColumn.create("clicked", clicked));
    }

    static final FeatureOptions OPTIONS = FeatureOptions.of("clicked", List.of("bid"), List.of("device"));

    @Test
    void everyExampleCarriesItsTableRow() {
        Table t = separable(40, 1);
        MutableDataset<Label> data = Features.dataset(t, new int[] {8, 3, 30}, FeatureSpec.fit(t, OPTIONS));
        assertEquals(3, data.size());
        assertEquals(8, Features.row(data.getExample(0)));
        assertEquals(30, Features.row(data.getExample(2)));
        assertEquals("1", data.getExample(0).getOutput().getLabel());
        assertEquals("0", data.getExample(2).getOutput().getLabel());
    }

    @Test
    void predictionsComeBackAsColumnsOfACopyAlignedToRows() {
        Table t = separable(200, 2);
        FeatureSpec spec = FeatureSpec.fit(t, OPTIONS);
        Model<Label> model = new LogisticRegressionTrainer().train(Features.dataset(t, spec));
        Table serving = FeatureSpecTest.reversed(t.first(6)).removeColumns("clicked");
        Table scored = Features.predict(model, spec, serving);
        assertEquals(List.of("bid", "device", "prediction", "p_0", "p_1"), scored.columnNames());
        assertEquals(List.of("bid", "device"), serving.columnNames(), "the input table is left alone");
        for (int i = 0; i < 6; i++) {
            double p0 = scored.doubleColumn("p_0").get(i),
                    p1 = scored.doubleColumn("p_1").get(i);
            assertEquals(1.0, p0 + p1, 1e-9);
            String expected = 5 - i == 4 || 5 - i == 0 ? "1" : "0"; // rows 0 and 4 of t clicked
            assertEquals(expected, scored.stringColumn("prediction").get(i), "serving row " + i);
        }
    }

    @Test
    void outOfFoldProbabilitiesLineUpWithTheirRows() {
        Table t = separable(400, 3);
        Folds folds = Splits.stratifiedKFold(t, "clicked", 5, 0);
        OutOfFoldProbabilities oof = OutOfFold.probabilities(t, OPTIONS, folds, new LogisticRegressionTrainer());
        assertEquals(List.of("0", "1"), oof.classes());
        // misaligned rows would score about 0.5
        assertEquals(1.0, oof.rocAuc(1), 1e-12);
        for (int i = 0; i < 400; i++) {
            assertEquals(i % 4 == 0 ? 1 : 0, oof.labels()[i]);
            assertEquals(1.0, oof.probabilities()[i][0] + oof.probabilities()[i][1], 1e-9);
        }
        assertTrue(
                oof.toText().startsWith("out-of-fold: 400 rows, 5 folds (stratified), ROC-AUC 1.0000 for class '1'"),
                oof.toText());
    }

    @Test
    void foldsOnTwoThreadsGiveExactlyTheProbabilitiesOfOneThread() {
        Table t = separable(300, 6);
        t.doubleColumn("bid").set(3, 11.0); // a hard row, so the probabilities are not all 0 or 1
        Folds folds = Splits.stratifiedKFold(t, "clicked", 3, 2);
        LogisticRegressionTrainer trainer = new LogisticRegressionTrainer();
        OutOfFoldProbabilities one = OutOfFold.probabilities(t, OPTIONS, folds, trainer, 1);
        OutOfFoldProbabilities two = OutOfFold.probabilities(t, OPTIONS, folds, trainer, 2);
        for (int i = 0; i < 300; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    one.probabilities()[i], two.probabilities()[i], "row " + i);
        }
    }

    @Test
    void aHeldOutRowIsScoredByAModelThatNeverSawIt() {
        // one row whose label contradicts its features: a model trained on it could memorise it via its
        // unique category; the out-of-fold model cannot, because the level is "(other)" in its fold
        Table t = separable(200, 4);
        t.stringColumn("device").set(8, "one-off");
        t.intColumn("clicked").set(8, 0);
        Folds folds = Splits.stratifiedKFold(t, "clicked", 5, 1);
        OutOfFoldProbabilities oof = OutOfFold.probabilities(t, OPTIONS, folds, new LogisticRegressionTrainer());
        assertTrue(oof.probabilitiesOf("1")[8] > 0.5, "row 8 looks like a click to a model that never saw it");
    }

    @Test
    void servingExamplesNeedNoLabel() {
        Table t = separable(20, 5);
        FeatureSpec spec = FeatureSpec.fit(t, OPTIONS);
        List<Example<Label>> ex = Features.examples(t.copy().removeColumns("clicked"), spec);
        assertEquals(20, ex.size());
        assertFalse(ex.get(0).getMetadata().isEmpty());
    }

    @Test
    void namesTheRowOfAMissingLabel() {
        Table t = Table.create(
                "ads",
                DoubleColumn.create("bid", new double[] {1, 2}),
                StringColumn.create("device", new String[] {"a", "b"}),
                StringColumn.create("clicked", new String[] {"1", ""}));
        FeatureSpec spec = FeatureSpec.fit(t, new int[] {0}, OPTIONS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Features.dataset(t, spec));
        assertEquals("features: label 'clicked' is missing in row 1 of table 'ads'", e.getMessage());
    }
}
