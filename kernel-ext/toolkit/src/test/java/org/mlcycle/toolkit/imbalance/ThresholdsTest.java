package org.mlcycle.toolkit.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

    // a rare-positive validation set where every probability is below 0.5
    static final boolean[] Y = {true, false, true, false, false, false, false, false, false, false};
    static final double[] P = {0.30, 0.25, 0.20, 0.10, 0.05, 0.05, 0.04, 0.03, 0.02, 0.01};

    @Test
    void findsAThresholdBelowOneHalfWhenPositivesAreRare() {
        ThresholdChoice c = Thresholds.maximiseF1(Y, P);
        // at 0.30: P 1, R .5, F1 2/3; at 0.25: P .5, R .5; at 0.20: P 2/3, R 1, F1 .8 (best)
        assertEquals(0.20, c.threshold(), 1e-12);
        assertEquals(0.8, c.chosen().f1(), 1e-12);
        assertEquals(0.0, c.atHalf().f1(), 1e-12);
        assertTrue(c.toText().startsWith("threshold: 0.2000 for highest F1 on 10 validation rows"), c.toText());
    }

    @Test
    void aRecallTargetPicksTheHighestThresholdReachingIt() {
        assertEquals(0.30, Thresholds.forRecall(Y, P, 0.5).threshold(), 1e-12);
        assertEquals(0.20, Thresholds.forRecall(Y, P, 1.0).threshold(), 1e-12);
    }

    @Test
    void refusesValidationRowsWithoutAPositive() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Thresholds.maximiseF1(new boolean[3], new double[] {0.1, 0.2, 0.3}));
        assertEquals("threshold tuning: the validation rows hold no positive; use a stratified split", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName(
            "forPrecision keeps the bar with the most rows shown, ignoring thresholds that show too few rows")
    void forPrecisionKeepsTheBar() {
        // scores 1.0 .. 0.1; positives at the top, a lone negative at 0.95
        double[] p = {1.0, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
        boolean[] y = {true, false, true, true, true, true, false, false, true, false};
        ThresholdChoice c = Thresholds.forPrecision(y, p, 0.8, 3);
        org.junit.jupiter.api.Assertions.assertEquals(0.6, c.threshold(), 1e-12);
        org.junit.jupiter.api.Assertions.assertTrue(c.chosen().precision() >= 0.8);
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> Thresholds.forPrecision(y, p, 0.99, 3));
    }
}
