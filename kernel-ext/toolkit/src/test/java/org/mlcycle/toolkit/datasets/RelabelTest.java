package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Steps 5 and 6 of the story: error analysis points at the bad slice, and relabeling it pays off. */
class RelabelTest {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo"); // held so the level sticks
    private static final int TRAIN = 30_000;
    private static final int N = 40_000;
    private static Table f;
    private static Table truth;

    @BeforeAll
    static void generate() {
        TRIBUO.setLevel(Level.WARNING);
        AdWorld world = AdWorld.standard();
        f = world.features(Source.TARGETED, Period.TWO_MONTHS_AGO, N);
        truth = world.truth(Source.TARGETED, Period.TWO_MONTHS_AGO, N);
    }

    private static final String[] NAMES = {
        "kw=exact",
        "kw=phrase",
        "kw=broad",
        "intent=nav",
        "intent=com",
        "intent=info",
        "brand=same",
        "brand=competitor",
        "nav*competitor",
        "text_sim",
        "landing"
    };

    private static Example<Label> example(int i, IntColumn labels) {
        String kw = f.stringColumn("kw_match").getString(i);
        String intent = f.stringColumn("intent").getString(i);
        String brand = f.stringColumn("brand_rel").getString(i);
        double[] v = {
            kw.equals("exact") ? 1 : 0,
            kw.equals("phrase") ? 1 : 0,
            kw.equals("broad") ? 1 : 0,
            intent.equals("navigational") ? 1 : 0,
            intent.equals("commercial") ? 1 : 0,
            intent.equals("informational") ? 1 : 0,
            brand.equals("same") ? 1 : 0,
            brand.equals("competitor") ? 1 : 0,
            brand.equals("competitor") && intent.equals("navigational") ? 1 : 0,
            f.doubleColumn("text_sim").getDouble(i),
            f.doubleColumn("landing_score").getDouble(i)
        };
        return new ArrayExample<>(new Label(Integer.toString(labels.getInt(i))), NAMES, v);
    }

    private static Model<Label> train(IntColumn labels) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("targeted", factory), factory);
        for (int i = 0; i < TRAIN; i++) {
            d.add(example(i, labels));
        }
        return new LogisticRegressionTrainer().train(d);
    }

    private static double[] scores(Model<Label> model, IntColumn labels) {
        double[] p = new double[N - TRAIN];
        for (int i = TRAIN; i < N; i++) {
            p[i - TRAIN] =
                    model.predict(example(i, labels)).getOutputScores().get("1").getScore();
        }
        return p;
    }

    @Test
    void theRowsAModelOnLabelerAsLabelsFindsHardestAreMostlyInTheSlice() {
        IntColumn a = f.intColumn("label_a");
        double[] p = scores(train(a), a);
        Integer[] order = new Integer[p.length];
        double[] loss = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
            double q = Math.min(1 - 1e-9, Math.max(1e-9, p[i]));
            loss[i] = a.getInt(TRAIN + i) == 1 ? -Math.log(q) : -Math.log(1 - q);
        }
        Arrays.sort(order, (x, y) -> Double.compare(loss[y], loss[x]));
        int inSlice = 0;
        for (int k = 0; k < 200; k++) {
            inSlice += truth.booleanColumn("in_slice").get(TRAIN + order[k]) ? 1 : 0;
        }
        System.out.println("top-200 loss rows in slice " + inSlice / 200.0);
        assertTrue(inSlice >= 100, "top-loss rows in the slice: " + inSlice + " of 200");
    }

    @Test
    void aModelTrainedOnRelabeledDataIsRightMoreOftenWhenItSaysShow() {
        double before = precisionAgainstTruth(scores(train(f.intColumn("label_a")), f.intColumn("label_a")));
        IntColumn v2 = truth.intColumn("label_a_v2");
        double after = precisionAgainstTruth(scores(train(v2), v2));
        System.out.println("precision against truth at 0.5: A " + before + ", A v2 " + after);
        assertTrue(after > before + 0.1, "precision on A's labels " + before + ", on relabeled " + after);
    }

    private static double precisionAgainstTruth(double[] p) {
        int shown = 0;
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0.5) {
                shown++;
                right += truth.intColumn("y_true").getInt(TRAIN + i);
            }
        }
        return right / (double) shown;
    }
}
