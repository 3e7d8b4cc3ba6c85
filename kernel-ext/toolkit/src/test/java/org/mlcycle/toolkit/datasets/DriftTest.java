package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tech.tablesaw.api.Table;

/** Step 9 of the story: yesterday's traffic differs from two months ago's, and so does relevance. */
class DriftTest {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo"); // held so the level sticks
    private static final AdWorld WORLD = AdWorld.standard();
    private static Table oldRandom;
    private static Table newRandom;

    @BeforeAll
    static void generate() {
        TRIBUO.setLevel(Level.WARNING);
        oldRandom = WORLD.features(Source.RANDOM, Period.TWO_MONTHS_AGO, 50_000);
        newRandom = WORLD.features(Source.RANDOM, Period.YESTERDAY, 50_000);
    }

    @Test
    void theDeviceMixMovesTowardsMobile() {
        double before = Measure.share(oldRandom, "device", "mobile");
        double after = Measure.share(newRandom, "device", "mobile");
        double psi = Measure.psi(oldRandom, newRandom, "device");
        System.out.println("mobile " + before + " -> " + after + " psi " + psi);
        assertEquals(0.355, before, 0.015); // days -60..-54 already carry a little of the ramp
        assertEquals(0.60, after, 0.015);
        assertTrue(psi > 0.2 && psi < 0.32, "device PSI: " + psi);
    }

    @Test
    void travelGrowsFromThreeToFifteenPercentOfQueries() {
        double before = Measure.share(oldRandom, "query_category", "3");
        double after = Measure.share(newRandom, "query_category", "3");
        double psi = Measure.psi(oldRandom, newRandom, "query_category");
        System.out.println("travel " + before + " -> " + after + " psi " + psi);
        assertEquals(0.034, before, 0.006);
        assertEquals(0.15, after, 0.01);
        assertTrue(psi > 0.15 && psi < 0.3, "category PSI: " + psi);
    }

    @Test
    void aboutOneInFiveOfYesterdaysRequestsUsesAQueryUnseenInTheOldSample() {
        Set<Integer> seen = new HashSet<>();
        for (int q : oldRandom.intColumn("query_id").asIntArray()) {
            seen.add(q);
        }
        int unseen = 0;
        for (int q : newRandom.intColumn("query_id").asIntArray()) {
            unseen += seen.contains(q) ? 0 : 1;
        }
        double share = unseen / (double) newRandom.rowCount();
        System.out.println("unseen " + share);
        assertTrue(share > 0.16 && share < 0.22, "unseen query ids yesterday: " + share);
    }

    @Test
    void usersAreAlmostOneAgeBucketYoungerYesterday() {
        double before = oldRandom.intColumn("age").mean();
        double after = newRandom.intColumn("age").mean();
        System.out.println("age " + before + " -> " + after);
        assertEquals(-0.9, after - before, 0.12); // the old week already carries 1/10 of the ramp
    }

    @Test
    void aModelTrainedTwoMonthsAgoLosesClearlyOnYesterday() {
        Table train = WORLD.features(Source.TARGETED, Period.TWO_MONTHS_AGO, 30_000);
        Table trainTruth = WORLD.truth(Source.TARGETED, Period.TWO_MONTHS_AGO, 30_000);
        Table late = WORLD.features(Source.TARGETED, Period.YESTERDAY, 10_000);
        Table lateTruth = WORLD.truth(Source.TARGETED, Period.YESTERDAY, 10_000);
        int split = 20_000; // out of sample: the last 10,000 rows of the same days
        Model<Label> model = new LogisticRegressionTrainer().train(dataset(train, trainTruth, 0, split));
        double oos = auc(model, train, trainTruth, split, 30_000);
        double oot = auc(model, late, lateTruth, 0, 10_000);
        System.out.println("AUC out of sample " + oos + ", out of time " + oot);
        assertTrue(oos > 0.95, "out-of-sample AUC: " + oos);
        assertTrue(oos - oot > 0.04, "AUC two months ago " + oos + ", yesterday " + oot);
    }

    @Test
    void retrainingOnRecentDataRecoversOnlyWithAFeatureThatCanExpressTheNewConcept() {
        Table late = WORLD.features(Source.TARGETED, Period.YESTERDAY, 30_000);
        Table lateTruth = WORLD.truth(Source.TARGETED, Period.YESTERDAY, 30_000);
        Model<Label> plain = new LogisticRegressionTrainer().train(dataset(late, lateTruth, 0, 20_000, false));
        Model<Label> crossed = new LogisticRegressionTrainer().train(dataset(late, lateTruth, 0, 20_000, true));
        double without = auc(plain, late, lateTruth, 20_000, 30_000, false);
        double with = auc(crossed, late, lateTruth, 20_000, 30_000, true);
        System.out.println(
                "retrained on yesterday: AUC " + without + " without travel x informational, " + with + " with it");
        assertTrue(with > 0.97, "AUC with the crossed feature: " + with);
        assertTrue(with - without > 0.03, "AUC without " + without + ", with " + with);
    }

    @Test
    void travelInformationalQueriesBecomeRelevantYesterday() {
        Table late = WORLD.features(Source.TARGETED, Period.YESTERDAY, 30_000);
        Table lateTruth = WORLD.truth(Source.TARGETED, Period.YESTERDAY, 30_000);
        Table early = WORLD.features(Source.TARGETED, Period.TWO_MONTHS_AGO, 60_000);
        Table earlyTruth = WORLD.truth(Source.TARGETED, Period.TWO_MONTHS_AGO, 60_000);
        double before = travelInformationalPositive(early, earlyTruth);
        double after = travelInformationalPositive(late, lateTruth);
        System.out.println("travel x informational positive " + before + " -> " + after);
        assertTrue(before < 0.01, "two months ago: " + before);
        assertTrue(after > 0.2, "yesterday: " + after);
    }

    private static double travelInformationalPositive(Table f, Table truth) {
        int n = 0;
        int pos = 0;
        for (int i = 0; i < f.rowCount(); i++) {
            if (f.intColumn("query_category").getInt(i) == 3
                    && f.stringColumn("intent").getString(i).equals("informational")) {
                n++;
                pos += truth.intColumn("y_true").getInt(i);
            }
        }
        return pos / (double) n;
    }

    private static final String[] NAMES = {
        "kw=exact", "kw=phrase", "kw=broad", "intent=nav", "intent=com", "intent=info",
        "brand=same", "brand=competitor", "text_sim", "landing", "mobile", "travel*info"
    };

    private static Example<Label> example(Table f, Table truth, int i) {
        return example(f, truth, i, false);
    }

    /** With {@code crossed}, one more feature: travel x informational, which can express the new concept. */
    private static Example<Label> example(Table f, Table truth, int i, boolean crossed) {
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
            f.doubleColumn("text_sim").getDouble(i),
            f.doubleColumn("landing_score").getDouble(i),
            f.stringColumn("device").getString(i).equals("mobile") ? 1 : 0,
            crossed && f.intColumn("query_category").getInt(i) == 3 && intent.equals("informational") ? 1 : 0
        };
        return new ArrayExample<>(
                new Label(Integer.toString(truth.intColumn("y_true").getInt(i))), NAMES, v);
    }

    private static MutableDataset<Label> dataset(Table f, Table truth, int from, int to) {
        return dataset(f, truth, from, to, false);
    }

    private static MutableDataset<Label> dataset(Table f, Table truth, int from, int to, boolean crossed) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance(f.name(), factory), factory);
        for (int i = from; i < to; i++) {
            d.add(example(f, truth, i, crossed));
        }
        return d;
    }

    private static double auc(Model<Label> model, Table f, Table truth, int from, int to) {
        return auc(model, f, truth, from, to, false);
    }

    private static double auc(Model<Label> model, Table f, Table truth, int from, int to, boolean crossed) {
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = from; i < to; i++) {
            examples.add(example(f, truth, i, crossed));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] score = new double[predictions.size()];
        int[] y = new int[predictions.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = predictions.get(i).getOutputScores().get("1").getScore();
            y[i] = truth.intColumn("y_true").getInt(from + i);
        }
        return Measure.auc(score, y);
    }
}
