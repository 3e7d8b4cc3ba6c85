package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Step 7 of the story: almost every random candidate should not be shown; targeted ones often should. */
class ImbalanceTest {
    private static final AdWorld WORLD = AdWorld.standard();

    @Test
    void aboutOneRandomPairInTenThousandShouldBeShown() {
        int n = 500_000;
        Table t = WORLD.truth(Source.RANDOM, Period.TWO_MONTHS_AGO, n);
        Table c = WORLD.candidates(Source.RANDOM, Period.TWO_MONTHS_AGO, n);
        double expected = t.doubleColumn("p_true").mean();
        double drawn = t.intColumn("y_true").sum() / (double) n;
        double labeledByA = c.intColumn("label_a").sum() / (double) n;
        System.out.println("random: mean p " + expected + " drawn " + drawn + " A " + labeledByA);
        // b0 was calibrated on 8M pairs; a sample's rate is dominated by a few high-scoring pairs
        assertTrue(expected > 0.5e-4 && expected < 2e-4, "mean true probability: " + expected);
        assertTrue(drawn > 0.5e-4 && drawn < 2e-4, "share of true positives: " + drawn);
        assertTrue(
                labeledByA > 1.5 * drawn && labeledByA < 3.5 * drawn,
                "A's positive rate " + labeledByA + " vs truth " + drawn);
    }

    @Test
    void noObservableCellOfRandomTrafficIsMostlyPositive() {
        // kw_match x intent x brand_rel x text_sim quintile x landing quartile, cells of >= 200 rows
        int n = 1_000_000;
        CandidateBatch b = WORLD.batch(Source.RANDOM, -60, -54, n, "test");
        World w = WORLD.world();
        Map<Integer, double[]> cells = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int q = b.query[i];
            int a = b.ad[i];
            int cell = ((((b.kw[i] * 3 + w.qIntent[q]) * 3 + b.brandRel[i]) * 5 + Math.min(4, (int) (b.textSim[i] * 5)))
                            * 4)
                    + Math.min(3, (int) (w.adLandingObserved[a] * 4));
            double[] s = cells.computeIfAbsent(cell, k -> new double[2]);
            s[0]++;
            s[1] += b.pTrue[i];
        }
        double max = 0;
        for (double[] s : cells.values()) {
            if (s[0] >= 200) {
                max = Math.max(max, s[1] / s[0]);
            }
        }
        System.out.println("max cell P " + max);
        assertTrue(max < 0.35, "largest P(show) of a cell: " + max);
    }

    @Test
    void targetedCollectionIsFiveToTenPercentPositiveWithConfidentCells() {
        int n = 100_000;
        Table t = WORLD.truth(Source.TARGETED, Period.TWO_MONTHS_AGO, n);
        double positive = t.intColumn("y_true").sum() / (double) n;
        CandidateBatch b = WORLD.batch(Source.TARGETED, -60, -54, n, "test");
        World w = WORLD.world();
        Map<Integer, double[]> cells = new HashMap<>();
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            int cell = ((((b.kw[i] * 3 + w.qIntent[b.query[i]]) * 3 + b.brandRel[i]) * 5
                                    + Math.min(4, (int) (b.textSim[i] * 5)))
                            * 4)
                    + Math.min(3, (int) (w.adLandingObserved[b.ad[i]] * 4));
            cellOf[i] = cell;
            double[] s = cells.computeIfAbsent(cell, k -> new double[2]);
            s[0]++;
            s[1] += b.pTrue[i];
        }
        int confident = 0;
        for (int i = 0; i < n; i++) {
            double[] s = cells.get(cellOf[i]);
            confident += s[1] / s[0] > 0.5 ? 1 : 0;
        }
        System.out.println("targeted positive " + positive + " confident " + confident / (double) n);
        assertTrue(positive >= 0.05 && positive <= 0.10, "positive share: " + positive);
        assertTrue(confident / (double) n >= 0.03, "rows in cells with P > 0.5: " + confident / (double) n);
    }

    @Test
    void weightingTargetedRowsByTheirRetrievalProbabilityRecoversRandomTrafficsRate() {
        int n = 100_000;
        Table f = WORLD.features(Source.TARGETED, Period.TWO_MONTHS_AGO, n);
        Table t = WORLD.truth(Source.TARGETED, Period.TWO_MONTHS_AGO, n);
        double[] w = f.doubleColumn("weight").asDoubleArray();
        double[] p = t.doubleColumn("p_true").asDoubleArray();
        double sumW = 0;
        double sumWp = 0;
        for (int i = 0; i < n; i++) {
            sumW += w[i];
            sumWp += w[i] * p[i];
        }
        System.out.println("mean weight " + sumW / n + ", weighted P " + sumWp / sumW);
        assertTrue(Math.abs(sumW / n - 1) < 0.05, "importance weights average 1: " + sumW / n);
        assertTrue(sumWp / sumW > 0.3e-4 && sumWp / sumW < 3e-4, "weighted positive rate: " + sumWp / sumW);
        assertTrue(WORLD.features(Source.RANDOM, Period.TWO_MONTHS_AGO, 100)
                        .doubleColumn("weight")
                        .min()
                == 1.0);
    }
}
