package org.mlcycle.toolkit.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.stats.Quantiles;

/**
 * Why the toolkit keeps its own type-7 quantiles and chi-square p-value beside commons-math3: where
 * the library disagrees with NumPy and SciPy, which the benchmarks are compared with. The expected
 * values were printed by kernel-ext/toolkit/src/test/python/scipy_values.py with Debian's
 * python3-numpy 1.24.2 and python3-scipy 1.10.1.
 */
class CommonsMathVersusScipyTest {
    private static double r7(double[] sorted, double p) {
        return new Percentile()
                .withEstimationType(Percentile.EstimationType.R_7)
                .evaluate(sorted, 100 * p);
    }

    @Test
    void quantilesAgreeWithNumpyToTheLastBitWhereCommonsMathsR7IsOneUlpOff() {
        double[][] samples = {
            {-12.05, -8.67, -7.79, -2.66, -2.01, -0.28, 0.91, 1.91, 4.73, 8.84},
            {-26.86, -24.41, -23.87, -5.61, -4.04, -3.31, -1.18, 4.4, 4.76, 5.16, 5.7},
            {-12.18, -9.32, -6.98, -3.14, -0.43, 0.76, 2.9, 3.13, 3.63, 5.47, 5.53, 6.66, 7.05, 8.51, 17.93},
        };
        double[] p = {0.10, 0.25, 0.05};
        double[] numpy = {-9.008, -14.740000000000002, -10.178};
        for (int i = 0; i < samples.length; i++) {
            assertEquals(numpy[i], Quantiles.of(samples[i], p[i]), 0.0, "toolkit, sample " + i);
            assertNotEquals(numpy[i], r7(samples[i], p[i]), "commons-math3 R_7, sample " + i);
            assertEquals(numpy[i], r7(samples[i], p[i]), Math.ulp(numpy[i]), "but only by one ulp, sample " + i);
        }
    }

    @Test
    void commonsMathsDefaultPercentileIsNotNumpysQuantile() {
        double[] v = {1, 2, 3, 4};
        assertEquals(1.75, Quantiles.of(v, 0.25)); // numpy.quantile([1, 2, 3, 4], 0.25)
        assertEquals(1.25, new Percentile().evaluate(v, 25)); // LEGACY, p(n + 1): what Tablesaw's percentile uses
    }

    @Test
    void chiSquarePValuesInTheTailAreKeptWhereCommonsMathReturnsZero() {
        long[][][] tables = {
            {{50, 30, 20}, {40, 35, 25}},
            {{5000, 3300, 700}, {5600, 2800, 600}},
            {{50000, 33000, 7000}, {56000, 28000, 6000}},
        };
        double[] scipyStat = {2.051282051282051, 82.63817840062814, 826.3817840062815};
        double[] scipyP = {0.3585665413731905, 1.1359195209767201e-18, 3.576643303287418e-180};
        ChiSquareTest commons = new ChiSquareTest();
        for (int i = 0; i < tables.length; i++) {
            double[] ours = ChiSquare.test(tables[i][0], tables[i][1]);
            assertEquals(scipyStat[i], ours[0], 1e-12 * scipyStat[i], "statistic, table " + i);
            assertEquals(scipyP[i], ours[2], 1e-9 * scipyP[i], "p, table " + i);
            assertEquals(
                    scipyStat[i],
                    commons.chiSquareDataSetsComparison(tables[i][0], tables[i][1]),
                    1e-12 * scipyStat[i]);
        }
        // 1 - CDF: commons-math3 3.6.1 rounds every p below about 1e-16 to 0, so drifted columns would all tie
        assertEquals(0.3585665413731905, commons.chiSquareTestDataSetsComparison(tables[0][0], tables[0][1]), 1e-12);
        assertEquals(0.0, commons.chiSquareTestDataSetsComparison(tables[1][0], tables[1][1]));
        assertEquals(0.0, commons.chiSquareTestDataSetsComparison(tables[2][0], tables[2][1]));
    }
}
