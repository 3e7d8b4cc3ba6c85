package org.mlcycle.toolkit.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The statistics against SciPy 1.10's values for the same inputs (constants from a Python session). */
class StatisticsTest {

    private static final double[] X = {0.1, 0.4, 0.7, 1.2, 1.5, 2.0, 3.3};
    private static final double[] Y = {0.2, 0.9, 1.1, 2.5, 2.6, 3.0, 4.1, 5.0};

    @Test
    void ksDAndTheExactPValueMatchScipyOnSmallSamples() {
        double d = Ks.statistic(X, Y);
        assertEquals(0.48214285714285715, d, 1e-15);
        assertEquals(0.2522144522144522, Ks.pValue(d, X.length, Y.length), 1e-12);
    }

    @Test
    void ksHandlesTiesAsScipyDoesForEqualAndUnequalSizes() {
        double[] a = {1, 2, 2, 3, 3, 3, 4, 5}, b = {2, 3, 4, 4, 5, 5, 6, 7};
        assertEquals(0.5, Ks.statistic(a, b));
        assertEquals(0.2826728826728826, Ks.pValue(0.5, 8, 8), 1e-12);
        double[] c = {1, 2, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9}, e = {3, 4, 4, 5, 5, 6, 7, 8, 9, 9, 10, 11, 12, 13};
        double d = Ks.statistic(c, e);
        assertEquals(0.42857142857142855, d, 1e-15);
        assertEquals(0.13830270147136484, Ks.pValue(d, 12, 14), 1e-12);
    }

    @Test
    void theLargeSamplePValueFollowsScipysKolmogorovDistribution() {
        // scipy.stats.kstwo.sf(d, n): the branch ks_2samp uses above 10,000 values per side
        assertEquals(2.767991769909747e-11, Ks.oneSampleSf(0.005, 500_000), 2.767991769909747e-11 * 1e-6);
        assertEquals(0.024276288597831493, Ks.oneSampleSf(0.0021, 500_000), 0.0243 * 1e-6);
        assertEquals(0.054034070302290904, Ks.oneSampleSf(0.0019, 500_000), 0.054 * 1e-3);
        assertEquals(0.698980144366366, Ks.oneSampleSf(0.001, 500_000), 0.7 * 1e-3);
        assertEquals(2.2181270070049744e-07, Ks.oneSampleSf(0.02, 20_000), 2.2e-7 * 1e-6);
        assertEquals(1.7719869892662917e-08, Ks.oneSampleSf(0.3, 100), 1.8e-8 * 1e-6);
    }

    @Test
    void psiUsesReferenceDecilesAndSmoothsEmptyBins() {
        double[] ref = new double[20];
        for (int i = 0; i < 20; i++) {
            ref[i] = i + 1;
        }
        double[] edges = Psi.edges(ref, 10);
        assertArrayEquals(new double[] {2.9, 4.8, 6.7, 8.6, 10.5, 12.4, 14.3, 16.2, 18.1}, edges, 1e-12);
        // 0.1 of 1..20 twice per bin; current puts 0.3 above 18.1 and nothing in (10.5, 12.4]: smoothing keeps it
        // finite
        double[] pr = Psi.shares(ref, edges);
        double[] pc = {0.1, 0.1, 0.1, 0.1, 0.1, 0.0, 0.1, 0.05, 0.05, 0.3};
        double expected = 0;
        for (int i = 0; i < 10; i++) {
            double a = pr[i], b = pc[i] == 0 ? 1e-4 : pc[i];
            expected += (b - a) * Math.log(b / a);
        }
        assertEquals(expected, Psi.of(pr, pc), 1e-15);
        assertEquals(0.1, pr[0], 1e-15);
    }

    @Test
    void chiSquareMatchesScipyWithoutContinuityCorrection() {
        double[] r = ChiSquare.test(new long[] {50, 30, 20}, new long[] {40, 35, 25});
        assertEquals(2.051282051282051, r[0], 1e-12);
        assertEquals(2, r[1]);
        assertEquals(0.3585665413731905, r[2], 1e-12);
    }

    @Test
    void jensenShannonIsZeroForEqualSharesAndOneForDisjointOnes() {
        assertEquals(0, JensenShannon.distance(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}), 1e-15);
        assertEquals(1, JensenShannon.distance(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
    }

    @Test
    void wassersteinIsTheShiftForAShiftedSample() {
        assertEquals(2.5, Wasserstein.distance(new double[] {1, 2, 3}, new double[] {3.5, 4.5, 5.5}), 1e-15);
        assertEquals(1.0, Wasserstein.distance(new double[] {0, 0}, new double[] {1}), 1e-15);
    }
}
