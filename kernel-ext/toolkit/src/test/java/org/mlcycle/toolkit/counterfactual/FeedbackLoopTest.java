package org.mlcycle.toolkit.counterfactual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Policy;
import org.mlcycle.toolkit.metrics.Intervals;
import tech.tablesaw.api.Table;

class FeedbackLoopTest {
    static AdWorld world;
    static AdCtrModel start;

    @BeforeAll
    static void legacyModel() {
        world = AdWorld.standard();
        Table legacy = world.impressions(Policy.LEGACY, Period.TWO_MONTHS_AGO, 20_000);
        start = AdCtrModel.fromFirstSlot(
                legacy, world.ads().doubleColumn("past_ctr").asDoubleArray(), 10);
    }

    @Test
    @DisplayName("the true click chances come with the same requests as the fresh candidates")
    void clickTruthMatchesFreshCandidates() {
        Table plain = world.freshCandidates("truth-check", 300),
                withTruth = world.freshCandidatesWithClickTruth("truth-check", 300);
        assertEquals(
                plain.intColumn("ad_id").asList(), withTruth.intColumn("ad_id").asList());
        double max = withTruth.doubleColumn("true_ctr").max(),
                min = withTruth.doubleColumn("true_ctr").min();
        assertTrue(min > 0 && max < 1 && max > 10 * min);
    }

    @Test
    @DisplayName(
            "a model retrained only on what it showed shows fewer and fewer ads; exploring keeps learning about more of them")
    void greedyLoopNarrows() {
        List<Candidates> rounds = FeedbackLoop.rounds(world, 5, 5_000);
        LoopReport greedy = FeedbackLoop.run(rounds, EpsilonGreedy.greedy("greedy", start, 0.03), 1);
        LoopReport exploring = FeedbackLoop.run(rounds, new EpsilonGreedy("exploring", start, 0.03, 0.1), 1);
        assertTrue(greedy.last().distinctAds() < 0.8 * greedy.first().distinctAds(), greedy::toText);
        assertTrue(greedy.last().shown() < greedy.first().shown(), greedy::toText);
        assertTrue(
                exploring.finalModel().adsSeen() > 1.3 * greedy.finalModel().adsSeen(),
                () -> exploring.finalModel().adsSeen() + " vs "
                        + greedy.finalModel().adsSeen());
        assertTrue(
                greedy.first().shownPredicted() > greedy.first().shownTrueCtr(),
                "the model is optimistic about what it picks");
        assertTrue(greedy.toHtml().contains("privilege"));
    }

    @Test
    @DisplayName("shown in random order, the same ads' CTR by position recovers the simulator's position bias")
    void positionBias() {
        Table shuffled = PositionBias.shuffledTopThree(world, start, "swap-test", 20_000, 3);
        Intervals ratios = PositionBias.relativeToFirst(shuffled, "ratios");
        double[] truth = AdWorld.positionBias();
        for (int p = 0; p < 2; p++) {
            var v = ratios.intervals().get(p);
            assertTrue(v.low() <= truth[p + 1] && truth[p + 1] <= v.high(), v::toText);
        }
        assertTrue(ratios.intervals().get(0).low() > ratios.intervals().get(1).estimate(), "slot 2 beats slot 3");
    }
}
