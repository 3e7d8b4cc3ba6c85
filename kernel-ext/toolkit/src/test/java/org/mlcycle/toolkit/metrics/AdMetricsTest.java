package org.mlcycle.toolkit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdMetricsTest {

    @Test
    void onlyShownAdsCanBeClicked() {
        boolean[] shown = {true, true, true, false, false};
        boolean[] clicked = {true, false, false, true, false};
        AdMetrics m = AdMetrics.of(shown, clicked, 0.5);
        assertEquals(5, m.requests());
        assertEquals(3, m.impressions());
        assertEquals(0.6, m.showRate(), 1e-12);
        assertEquals(1, m.clicks());
        assertEquals(1 / 3.0, m.clickThroughRate(), 1e-12);
        assertEquals(0.5, m.revenue(), 1e-12);
    }

    @Test
    void showingMoreAdsRaisesImpressionsButCanLowerCtr() {
        double[] p = {0.9, 0.7, 0.3, 0.2, 0.1, 0.05};
        boolean[] clicked = {true, true, false, false, false, false};
        AdMetrics strict = AdMetrics.forPolicy(p, 0.5, clicked, 1.0);
        AdMetrics loose = AdMetrics.forPolicy(p, 0.0, clicked, 1.0);
        assertEquals(2, strict.impressions());
        assertEquals(6, loose.impressions());
        assertEquals(1.0, strict.clickThroughRate(), 1e-12);
        assertEquals(1 / 3.0, loose.clickThroughRate(), 1e-12);
        assertEquals(strict.revenue(), loose.revenue(), 1e-12);
    }

    @Test
    void ctrIsUndefinedWithoutImpressions() {
        AdMetrics none = AdMetrics.of(new boolean[3], new boolean[] {true, false, false}, 1.0);
        assertTrue(Double.isNaN(none.clickThroughRate()));
        assertTrue(
                none.toText().startsWith("ads: 0 impressions of 3 requests (show rate 0.0000), 0 clicks (CTR -)"),
                none.toText());
    }

    @Test
    void rejectsMoreClicksThanImpressions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AdMetrics(10, 2, 3, 1));
        assertEquals("ad metrics: need 0 <= clicks <= impressions <= requests, got 3 <= 2 <= 10", e.getMessage());
    }
}
