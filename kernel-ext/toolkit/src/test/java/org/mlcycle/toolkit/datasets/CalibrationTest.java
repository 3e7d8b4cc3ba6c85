package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The two intercepts in the defaults are what the calibration routines find on the default world. */
class CalibrationTest {
    private static final AdWorld WORLD = AdWorld.standard();

    @Test
    void aSmallPilotFindsTheTruthInterceptNearTheDefault() {
        // the default came from 8M pairs; 300k pairs land within a few tenths (rare high scores dominate)
        assertEquals(AdWorld.DEFAULT_B0, WORLD.calibrateB0(300_000), 0.4);
    }

    @Test
    void aSmallReplayFindsTheClickInterceptNearTheDefault() {
        assertEquals(AdWorld.DEFAULT_C0, WORLD.calibrateC0(3_000), 0.35);
    }

    @Test
    void refusesAnEmptyPilot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WORLD.calibrateB0(0));
        assertEquals("calibrate b0: pairs must be positive", e.getMessage());
    }
}
