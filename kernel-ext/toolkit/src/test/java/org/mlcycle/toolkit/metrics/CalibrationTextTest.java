package org.mlcycle.toolkit.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CalibrationTextTest {

    @Test
    @DisplayName("rates of a rare class read as numbers, not as 0.0000")
    void rareRatesKeepTheirDigits() {
        int n = 20_000;
        boolean[] actual = new boolean[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 1e-5 + i * 1e-8; // every prediction far below 0.0001
            actual[i] = i % 10_000 == 0; // two positives: an observed rate of 1e-4
        }
        Calibration c = Calibration.equalMass(actual, p, 2);

        String text = c.toText();
        assertTrue(text.contains("1.000000e-04") || text.contains("0.0001"), text);
        assertFalse(text.contains("0.0000 "), text);
        assertFalse(c.toHtml().contains(">0.0000<"), c.toHtml());
    }
}
