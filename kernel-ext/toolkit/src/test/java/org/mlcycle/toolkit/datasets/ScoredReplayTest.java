package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ScoredReplayTest {
    private final AdWorld world = AdWorld.standard();

    @Test
    @DisplayName(
            "served candidates are the requests' retrieved ads, and replaying their true probabilities reproduces model_v1")
    void trueScoresReproduceTheImpressionsPolicy() {
        int requests = 2_000;
        Table served = world.servedCandidates(Period.YESTERDAY, requests);
        assertEquals(requests * 8, served.rowCount());
        ImpressionLog.Served truth = new ImpressionLog.Served(requests * 8);
        ImpressionLog.generate(
                world.world(),
                Policy.LEGACY,
                "legacy",
                null,
                Double.NaN,
                Period.YESTERDAY.firstDay(),
                Period.YESTERDAY.lastDay(),
                requests,
                world.options().c0(),
                truth);
        for (int i = 0; i < served.rowCount(); i++) {
            assertEquals(truth.ad[i], served.intColumn("ad_id").get(i));
        }
        Table replayed = world.impressions("model_v1", truth.pTrue, 0.5, Period.YESTERDAY, requests);
        Table own = world.impressions(Policy.IMPRESSIONS, Period.YESTERDAY, requests);
        assertEquals(own.rowCount(), replayed.rowCount());
        assertEquals(own.intColumn("AdID").asList(), replayed.intColumn("AdID").asList());
        assertEquals(
                own.intColumn("Click").asList(), replayed.intColumn("Click").asList());
        // and every legacy-shown ad was among the served candidates of its request
        Table legacy = world.impressions(Policy.LEGACY, Period.YESTERDAY, requests);
        assertTrue(served.intColumn("ad_id")
                .asSet()
                .containsAll(legacy.intColumn("AdID").asSet()));
    }

    @Test
    @DisplayName("a score array of the wrong length is refused with the counts named")
    void wrongLength() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> world.impressions("mine", new double[10], 0.5, Period.YESTERDAY, 100));
        assertTrue(e.getMessage().contains("800"), e.getMessage());
    }
}
