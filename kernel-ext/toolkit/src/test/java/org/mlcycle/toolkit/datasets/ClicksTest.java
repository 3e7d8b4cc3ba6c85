package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

/** Step 12 of the story: the impressions model shows more ads, and fewer people click them. */
class ClicksTest {
    private static final int REQUESTS = 30_000;
    private static final AdWorld WORLD = AdWorld.standard();
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo"); // held so the level sticks
    private static ImpressionLog legacy;
    private static ImpressionLog model;

    @BeforeAll
    static void replay() {
        TRIBUO.setLevel(Level.WARNING);
        legacy = WORLD.log(Policy.LEGACY, -1, -1, REQUESTS, WORLD.options().c0());
        model = WORLD.log(Policy.IMPRESSIONS, -1, -1, REQUESTS, WORLD.options().c0());
    }

    private static double ctr(ImpressionLog log) {
        return log.clicks() / (double) log.impressions();
    }

    @Test
    void theLegacyPolicysCtrIsCloseToKddCup2012s() {
        ImpressionLog old =
                WORLD.log(Policy.LEGACY, -60, -54, REQUESTS, WORLD.options().c0());
        System.out.println("legacy CTR two months ago " + ctr(old) + ", yesterday " + ctr(legacy));
        assertTrue(ctr(old) >= 0.03 && ctr(old) <= 0.045, "legacy CTR: " + ctr(old));
    }

    @Test
    void theImpressionsModelShowsMoreAdsButEarnsLess() {
        double impressions = model.impressions() / (double) legacy.impressions() - 1;
        double ctr = ctr(model) / ctr(legacy) - 1;
        double revenue = model.revenue(WORLD.world()) / legacy.revenue(WORLD.world()) - 1;
        System.out.printf("impressions %+.3f, CTR %+.3f, revenue %+.3f%n", impressions, ctr, revenue);
        assertTrue(impressions >= 0.30 && impressions <= 0.50, "impressions change: " + impressions);
        assertTrue(ctr <= -0.35 && ctr >= -0.55, "CTR change: " + ctr);
        assertTrue(revenue <= -0.20 && revenue >= -0.40, "revenue change: " + revenue);
    }

    @Test
    void theClickObjectiveOnTheSameRequestsRaisesCtrAndRevenueAboveBothOthers() {
        // step 13: start over with click-through rate as the objective
        ImpressionLog clicks =
                WORLD.log(Policy.CLICKS, -1, -1, REQUESTS, WORLD.options().c0());
        World w = WORLD.world();
        System.out.printf(
                "CTR legacy %.4f, model_v1 %.4f, model_v2 %.4f; revenue %.1f, %.1f, %.1f%n",
                ctr(legacy), ctr(model), ctr(clicks), legacy.revenue(w), model.revenue(w), clicks.revenue(w));
        assertTrue(ctr(clicks) > 1.5 * ctr(legacy), "model_v2 CTR " + ctr(clicks) + " vs legacy " + ctr(legacy));
        assertTrue(clicks.revenue(w) > 1.3 * legacy.revenue(w), "model_v2 revenue vs legacy");
        assertTrue(clicks.revenue(w) > 2 * model.revenue(w), "model_v2 revenue vs model_v1");
        // it shows fewer ads than the impressions model: showing was never the goal
        assertTrue(clicks.impressions() < model.impressions(), "model_v2 impressions");
    }

    @Test
    void mostRelevantAdsThatAreShownAreNeverClicked() {
        long relevantRows = 0;
        long relevantClicked = 0;
        for (int i = 0; i < model.rows; i++) {
            if (model.relevant[i] == 1) {
                relevantRows++;
                relevantClicked += model.click[i] > 0 ? 1 : 0;
            }
        }
        double clickedShare = relevantClicked / (double) relevantRows;
        System.out.println("relevant rows clicked " + clickedShare);
        System.out.println("relevant share " + relevantRows / (double) model.rows);
        assertTrue(
                relevantRows > 0.7 * model.rows,
                "share of shown ads that are relevant: " + relevantRows / (double) model.rows);
        assertTrue(clickedShare < 0.05, "share of relevant shown ads with a click: " + clickedShare);
    }

    @Test
    void impressionRowsAggregateAboutOneAndAHalfImpressionsAndKeepKddPositions() {
        double perRow = legacy.impressions() / (double) legacy.rows;
        assertEquals(1.5, perRow, 0.05);
        for (int i = 0; i < legacy.rows; i++) {
            assertTrue(
                    legacy.depth[i] >= 1
                            && legacy.depth[i] <= 3
                            && legacy.position[i] >= 1
                            && legacy.position[i] <= legacy.depth[i],
                    "row " + i);
            assertTrue(legacy.click[i] <= legacy.impression[i], "row " + i);
        }
    }

    @Test
    void aClickModelOnObservableColumnsRanksOnlyModeratelyWellLikeOnRealLogs() {
        // step 13: whether a shown ad gets a click, from what the log and the ad and query tables show
        ImpressionLog train =
                WORLD.log(Policy.LEGACY, -60, -54, 60_000, WORLD.options().c0());
        ImpressionLog test =
                WORLD.log(Policy.LEGACY, -1, -1, REQUESTS, WORLD.options().c0());
        World w = WORLD.world();
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("clicks", factory), factory);
        for (int i = 0; i < train.rows; i++) {
            data.add(example(w, train, i));
        }
        Model<Label> model = new LogisticRegressionTrainer().train(data);
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < test.rows; i++) {
            examples.add(example(w, test, i));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] score = new double[test.rows];
        int[] y = new int[test.rows];
        for (int i = 0; i < test.rows; i++) {
            score[i] = predictions.get(i).getOutputScores().get("1").getScore();
            y[i] = test.click[i] > 0 ? 1 : 0;
        }
        double auc = Measure.auc(score, y);
        System.out.println("click model AUC " + auc);
        assertTrue(auc >= 0.70 && auc <= 0.80, "click AUC: " + auc);
    }

    private static final String[] NAMES = {"pos2", "pos3", "depth", "past_ctr", "bid", "commercial", "landing"};

    private static Example<Label> example(World w, ImpressionLog log, int i) {
        int a = log.ad[i];
        double[] v = {
            log.position[i] == 2 ? 1 : 0,
            log.position[i] == 3 ? 1 : 0,
            log.depth[i],
            10 * w.adPastCtr[a],
            w.adBid[a],
            w.qIntent[log.query[i]] == World.COMMERCIAL ? 1 : 0,
            w.adLandingObserved[a]
        };
        return new ArrayExample<>(new Label(log.click[i] > 0 ? "1" : "0"), NAMES, v);
    }

    @Test
    void impressionsCanBeReplayedOverAnyDaysForDailyMonitoring() {
        tech.tablesaw.api.Table t = WORLD.impressions(Policy.LEGACY, -10, -1, 5_000);
        assertEquals(-10, t.intColumn("Day").min());
        assertEquals(-1, t.intColumn("Day").max());
        assertEquals(10, t.intColumn("Day").countUnique());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> WORLD.impressions(Policy.LEGACY, -1, 0, 5));
        assertEquals("impressions: days must satisfy -60 <= firstDay <= lastDay <= -1, got -1..0", e.getMessage());
    }
}
