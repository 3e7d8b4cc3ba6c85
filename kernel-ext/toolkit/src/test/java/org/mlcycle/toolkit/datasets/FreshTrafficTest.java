package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class FreshTrafficTest {
    private final AdWorld world = AdWorld.standard();

    @Test
    @DisplayName("click examples expand the log into one row per impression, the log's clicks among them")
    void clickExamplesExpandTheLog() {
        Table log = world.impressions(Policy.LEGACY, Period.YESTERDAY, 2_000);
        Table examples = world.clickExamples(Policy.LEGACY, Period.YESTERDAY, 2_000);
        assertEquals((long) log.intColumn("Impression").sum(), examples.rowCount());
        assertEquals((long) log.intColumn("Click").sum(), (long)
                examples.intColumn("click").sum());
        assertTrue(examples.doubleColumn("position").max() <= 3);
        assertTrue(
                !examples.stringColumn("intent").asSet().contains("informational"),
                "legacy never shows on look-up searches");
    }

    @Test
    @DisplayName("fresh impressions name the request of every row, and serve only the candidates of that request")
    void freshImpressionsKeepTheRequest() {
        int requests = 500;
        Table candidates = world.freshCandidates("check", requests);
        double[] scores = candidates.doubleColumn("text_sim").asDoubleArray();
        Table log = world.freshImpressions("check", "mine", scores, 0.0, requests);
        assertTrue(log.rowCount() > requests, "up to three ads a request");
        for (int i = 0; i < log.rowCount(); i++) {
            int r = log.intColumn("Request").getInt(i);
            int ad = log.intColumn("AdID").getInt(i);
            boolean found = false;
            for (int k = 0; k < 8; k++) found |= candidates.intColumn("ad_id").getInt(r * 8 + k) == ad;
            assertTrue(found, "row " + i + ": ad " + ad + " was not a candidate of request " + r);
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> world.freshImpressions("check", "mine", new double[7], 0.0, requests));
        assertTrue(e.getMessage().contains("got 7"), e.getMessage());
    }
}
