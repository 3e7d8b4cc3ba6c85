package org.mlcycle.toolkit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EqualMassCalibrationTest {
    @Test
    @DisplayName("equal-mass bins hold the same number of rows and expose a model that is too sure at a rare base rate")
    void equalMassSeesWhatEqualWidthHides() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 100_000;
        boolean[] y = new boolean[n];
        double[] calibrated = new double[n], tooSure = new double[n];
        for (int i = 0; i < n; i++) {
            double p = 0.002 * Math.exp(2 * r.nextGaussian()) / Math.exp(2); // rare: mostly well below 1%
            p = Math.min(p, 0.5);
            y[i] = r.nextDouble() < p;
            calibrated[i] = p;
            tooSure[i] = Math.min(1, p * p * 400); // too low where rare, too high at the top, same mean roughly
        }
        Calibration good = Calibration.equalMass(y, calibrated, 10);
        Calibration bad = Calibration.equalMass(y, tooSure, 10);
        assertEquals(10, good.bins().size());
        good.bins().forEach(b -> assertEquals(n / 10, b.count()));
        assertTrue(
                bad.expectedCalibrationError() > 2 * good.expectedCalibrationError(),
                good.expectedCalibrationError() + " vs " + bad.expectedCalibrationError());
        Calibration width = Calibration.of(y, calibrated, 10);
        assertTrue(width.bins().get(0).count() > 0.95 * n, "equal-width: almost every row in the first bin");
        assertTrue(good.toText().contains("e-"), "narrow ranges are shown with significant digits: " + good.toText());
    }

    @Test
    @DisplayName("normalized entropy is 1 for the base rate, below 1 for a model that knows more, and in the report")
    void normalizedEntropy() {
        boolean[] y = new boolean[1000];
        double[] base = new double[1000], good = new double[1000];
        for (int i = 0; i < 1000; i++) {
            y[i] = i % 10 == 0;
            base[i] = 0.1;
            good[i] = y[i] ? 0.6 : 0.05;
        }
        assertEquals(1.0, Metrics.binary(y, base).normalizedEntropy(), 1e-9);
        ClassificationReport r = Metrics.binary(y, good);
        assertTrue(r.normalizedEntropy() < 0.6, String.valueOf(r.normalizedEntropy()));
        assertTrue(r.toText().contains("normalized entropy"), r.toText());
    }
}
