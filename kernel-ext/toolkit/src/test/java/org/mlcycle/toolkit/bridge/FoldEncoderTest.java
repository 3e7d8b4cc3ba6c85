package org.mlcycle.toolkit.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.labels.LabelIssueOptions;
import org.mlcycle.toolkit.split.Folds;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.split.Splits;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The array-based fold path gives exactly what fitting and encoding through the table gives. */
class FoldEncoderTest {

    @BeforeAll
    static void quietTribuo() {
        TribuoLogging.quiet();
    }

    static final FeatureOptions OPTIONS =
            FeatureOptions.of("y", List.of("a", "b", "k"), List.of("c", "d")).withMinCategoryCount(3);

    /** Numerics with missing values (a double, an int column), categoricals with missing, rare and odd levels. */
    static Table table() {
        Random r = new Random(5);
        int n = 400;
        DoubleColumn a = DoubleColumn.create("a");
        DoubleColumn b = DoubleColumn.create("b");
        IntColumn k = IntColumn.create("k");
        StringColumn c = StringColumn.create("c");
        StringColumn d = StringColumn.create("d");
        IntColumn y = IntColumn.create("y");
        String[] odd = {"x", "y", "z", FeatureSpec.OTHER, FeatureSpec.MISSING, "w"};
        for (int i = 0; i < n; i++) {
            double s = r.nextGaussian();
            if (r.nextInt(10) == 0) a.appendMissing();
            else a.append(s * 3 + 1);
            b.append(r.nextInt(4) == 0 ? 0.0 : r.nextDouble());
            if (r.nextInt(7) == 0) k.appendMissing();
            else k.append(r.nextInt(5));
            c.append(r.nextInt(8) == 0 ? "" : "c" + r.nextInt(s > 0 ? 4 : 12));
            d.append(odd[r.nextInt(odd.length)] + (r.nextInt(30) == 0 ? "rare" + i : ""));
            y.append(s + r.nextGaussian() > 0.8 ? 1 : 0);
        }
        return Table.create("t", a, b, k, c, d, y);
    }

    static FoldEncoder encoder(Table t) {
        String[] given = LabelColumn.values(t, "y", "test");
        List<String> classes = new ArrayList<>(new TreeSet<>(List.of(given)));
        int[] labels = new int[given.length];
        for (int i = 0; i < given.length; i++) labels[i] = classes.indexOf(given[i]);
        return new FoldEncoder(t, OPTIONS, classes, labels);
    }

    static Map<String, Double> features(Example<Label> e) {
        Map<String, Double> m = new TreeMap<>();
        for (Feature f : e) m.put(f.getName(), f.getValue());
        return m;
    }

    @Test
    void fitsTheSameSpecAndEncodesTheSameFeaturesAsTheTablePath() {
        Table t = table();
        FoldEncoder enc = encoder(t);
        Folds folds = Splits.stratifiedKFold(t, "y", 4, 3);
        for (int f = 0; f < folds.k(); f++) {
            int[] train = folds.trainRows(f);
            FeatureSpec spec = FeatureSpec.fit(t, train, OPTIONS);
            assertEquals(spec, enc.fit(train));
            assertEquals(spec.contentHash(), enc.fit(train).contentHash());
            FoldEncoder.Bound bound = enc.bind(spec);

            MutableDataset<Label> slow = Features.dataset(t, train, spec);
            Dataset<Label> fast = bound.dataset(train);
            assertEquals(slow.size(), fast.size());
            for (int i = 0; i < slow.size(); i++) {
                assertEquals(slow.getExample(i).getOutput(), fast.getExample(i).getOutput());
                assertEquals(features(slow.getExample(i)), features(fast.getExample(i)), "row " + train[i]);
            }
            // same features with the same ids, and the same counts, in the feature map
            assertEquals(slow.getFeatureIDMap().size(), fast.getFeatureIDMap().size());
            for (VariableInfo v : slow.getFeatureIDMap()) {
                assertEquals(
                        slow.getFeatureIDMap().getID(v.getName()),
                        fast.getFeatureIDMap().getID(v.getName()));
                assertEquals(
                        v.getCount(), fast.getFeatureIDMap().get(v.getName()).getCount(), v.getName());
            }
            assertEquals(
                    slow.getOutputIDInfo().getDomain(), fast.getOutputIDInfo().getDomain());
            for (Label l : slow.getOutputIDInfo().getDomain()) {
                assertEquals(
                        slow.getOutputIDInfo().getID(l), fast.getOutputIDInfo().getID(l));
            }

            int[] test = folds.testRows(f);
            List<Example<Label>> slowTest = Features.examples(t, test, spec);
            List<Example<Label>> fastTest = bound.examples(test);
            for (int i = 0; i < test.length; i++) {
                assertEquals(features(slowTest.get(i)), features(fastTest.get(i)), "row " + test[i]);
            }
        }
    }

    /** Out-of-fold probabilities the way they were made before: fit, dataset and predict through the table. */
    static double[][] throughTheTable(Table t, Folds folds, Trainer<Label> trainer) {
        double[][] p = new double[t.rowCount()][];
        for (int f = 0; f < folds.k(); f++) {
            FeatureSpec spec = FeatureSpec.fit(t, folds.trainRows(f), OPTIONS);
            Model<Label> model = trainer.train(Features.dataset(t, folds.trainRows(f), spec), Map.of(), f);
            for (Prediction<Label> pred : model.predict(Features.examples(t, folds.testRows(f), spec))) {
                Map<String, Label> s = pred.getOutputScores();
                p[Features.row(pred.getExample())] =
                        new double[] {s.get("0").getScore(), s.get("1").getScore()};
            }
        }
        return p;
    }

    @Test
    void outOfFoldProbabilitiesAreExactlyThoseOfTheTablePath() {
        Table t = table();
        Folds folds = Splits.stratifiedKFold(t, "y", 5, 1);
        for (Trainer<Label> trainer :
                List.of(LabelIssueOptions.logisticRegression(), LabelIssueOptions.liblinearTrainer())) {
            double[][] expected = throughTheTable(t, folds, trainer);
            for (int threads : new int[] {1, 2}) {
                double[][] got = OutOfFold.probabilities(t, OPTIONS, folds, trainer, threads)
                        .probabilities();
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], got[i], 0.0, trainer + ", " + threads + " threads, row " + i);
                }
            }
        }
    }

    @Test
    void examplesKeepTribuosNameOrderWhenALevelDecidesIt() {
        // numeric "c@m" sorts between categorical c's features "c@a" and "c@z"
        Table t = Table.create(
                "odd",
                DoubleColumn.create("c@m", new double[] {1, 2, 3, 4, 5, 6}),
                StringColumn.create("c", new String[] {"a", "z", "a", "z", "a", "z"}),
                IntColumn.create("y", new int[] {0, 1, 0, 1, 1, 0}));
        FeatureOptions options = FeatureOptions.of("y", List.of("c@m"), List.of("c"));
        FoldEncoder enc = new FoldEncoder(t, options, List.of("0", "1"), new int[] {0, 1, 0, 1, 1, 0});
        int[] all = {0, 1, 2, 3, 4, 5};
        FeatureSpec spec = FeatureSpec.fit(t, all, options);
        Dataset<Label> fast = enc.bind(enc.fit(all)).dataset(all);
        MutableDataset<Label> slow = Features.dataset(t, all, spec);
        for (int i = 0; i < all.length; i++) {
            List<String> names = new ArrayList<>();
            for (Feature f : fast.getExample(i)) names.add(f.getName());
            assertEquals(new ArrayList<>(new TreeSet<>(names)), names, "row " + i);
            assertEquals(features(slow.getExample(i)), features(fast.getExample(i)), "row " + i);
        }
    }
}
