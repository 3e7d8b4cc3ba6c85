package org.mlcycle.toolkit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class MetricsTest {

    // ten rows worked by hand; scikit-learn 1.2.1 gives the same four numbers (quoted below)
    static final boolean[] Y = {true, false, true, true, false, false, false, true, false, false};
    static final double[] P = {0.9, 0.8, 0.8, 0.6, 0.4, 0.4, 0.3, 0.2, 0.1, 0.0};

    @Test
    void rocAucCountsPairsWithTiesAsOneHalf() {
        // positives 0.9, 0.8, 0.6, 0.2 against 6 negatives: 6 + 5.5 + 5 + 2 = 18.5 of 24 pairs
        assertEquals(18.5 / 24, Metrics.rocAuc(Y, P), 1e-12);
        assertEquals(0.7708333333333334, Metrics.rocAuc(Y, P), 1e-12);
    }

    @Test
    void rocAucAgreesWithCountingEveryPairOnRandomScores() {
        Random r = new Random(7);
        boolean[] y = new boolean[300];
        double[] s = new double[300];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextDouble() < 0.2;
            s[i] = Math.round((r.nextDouble() + (y[i] ? 0.3 : 0)) * 20) / 20.0; // coarse: many ties
        }
        double wins = 0, pairs = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, Metrics.rocAuc(y, s), 1e-12);
    }

    @Test
    void averagePrecisionSumsPrecisionAtEachRecallStep() {
        // thresholds 0.9: P 1, R .25; 0.8: P 2/3, R .5; 0.6: P 3/4, R .75; 0.2: P 4/8, R 1
        double byHand = 0.25 * 1 + 0.25 * 2 / 3.0 + 0.25 * 0.75 + 0.25 * 0.5;
        assertEquals(byHand, Metrics.averagePrecision(Y, P), 1e-12);
        assertEquals(0.7291666666666666, Metrics.averagePrecision(Y, P), 1e-12);
    }

    @Test
    void logLossAndBrierMatchTheirDefinitions() {
        double ll = 0, br = 0;
        for (int i = 0; i < Y.length; i++) {
            double q = Y[i] ? P[i] : 1 - P[i];
            ll -= Math.log(q);
            br += Math.pow(P[i] - (Y[i] ? 1 : 0), 2);
        }
        assertEquals(ll / 10, Metrics.logLoss(Y, P), 1e-12);
        assertEquals(0.5541892222734768, Metrics.logLoss(Y, P), 1e-12);
        assertEquals(0.191, Metrics.brier(Y, P), 1e-12);
    }

    @Test
    void logLossStaysFiniteWhenAConfidentPredictionIsWrong() {
        double ll = Metrics.logLoss(new boolean[] {true}, new double[] {0.0});
        assertEquals(-Math.log(Metrics.LOG_LOSS_EPS), ll, 1e-9);
    }

    @Test
    void multiclassLogLossOnTwoColumnsEqualsTheBinaryOne() {
        int[] labels = new int[Y.length];
        double[][] p = new double[Y.length][];
        for (int i = 0; i < Y.length; i++) {
            labels[i] = Y[i] ? 1 : 0;
            p[i] = new double[] {1 - P[i], P[i]};
        }
        assertEquals(Metrics.logLoss(Y, P), Metrics.logLoss(labels, p), 1e-12);
    }

    @Test
    void scoresAreUndefinedWhenOnlyOneClassIsPresent() {
        boolean[] none = new boolean[4];
        double[] p = {0.1, 0.2, 0.3, 0.4};
        assertTrue(Double.isNaN(Metrics.rocAuc(none, p)));
        assertTrue(Double.isNaN(Metrics.averagePrecision(none, p)));
        ClassificationReport report = Metrics.binary(none, p);
        assertTrue(report.verdict().startsWith("only one class in 4 rows"), report.verdict());
        assertTrue(Double.isNaN(report.confusion().recall()));
    }

    @Test
    void equalPredictionsGiveAnAucOfOneHalfAndAnApOfTheBaseRate() {
        double[] same = new double[Y.length];
        java.util.Arrays.fill(same, 0.3);
        assertEquals(0.5, Metrics.rocAuc(Y, same), 1e-12);
        assertEquals(0.4, Metrics.averagePrecision(Y, same), 1e-12);
    }

    @Test
    void aModelThatNeverShowsAnAdIsCalledOutDespiteItsAccuracy() {
        boolean[] y = new boolean[10_000];
        y[42] = true; // 99.99% negatives
        double[] p = new double[y.length];
        java.util.Arrays.fill(p, 0.001);
        ClassificationReport r = Metrics.binary(y, p);
        assertEquals(0.9999, r.confusion().accuracy(), 1e-12);
        assertEquals(0.9999, r.majorityAccuracy(), 1e-12);
        assertEquals(0.0, r.confusion().recall());
        assertTrue(Double.isNaN(r.confusion().precision()), "no predicted positive: precision undefined");
        assertEquals(0.0, r.confusion().f1());
        assertTrue(r.toText().startsWith("metrics: predicts no positive at threshold 0.5000"), r.toText());
    }

    @Test
    void calibrationBinsMatchScikitLearnsUniformCurve() {
        Calibration c = Calibration.of(Y, P, 5);
        // sklearn calibration_curve(n_bins=5): prob_true [1/3, 0, 1, .5, 1], prob_pred [.1, .3667, .6, .8, .9]
        double[] observed = {1 / 3.0, 0, 1, 0.5, 1};
        double[] predicted = {0.1, 1.1 / 3, 0.6, 0.8, 0.9};
        for (int b = 0; b < 5; b++) {
            assertEquals(observed[b], c.bins().get(b).observed(), 1e-12, "bin " + b);
            assertEquals(predicted[b], c.bins().get(b).meanPredicted(), 1e-12, "bin " + b);
        }
        // ECE = (3 x 0.2333 + 3 x 0.3667 + 1 x 0.4 + 2 x 0.3 + 1 x 0.1) / 10
        assertEquals(0.29, c.expectedCalibrationError(), 1e-12);
    }

    @Test
    void readsATableWithTheNamedPositiveLabel() {
        int[] labels = new int[Y.length];
        for (int i = 0; i < Y.length; i++) labels[i] = Y[i] ? 1 : 0;
        Table t = Table.create("scored", IntColumn.create("clicked", labels), DoubleColumn.create("p", P));
        ClassificationReport r =
                Metrics.binary(t, "clicked", "p", MetricsOptions.defaults().withThreshold(0.7));
        assertEquals(new Confusion(2, 1, 5, 2), r.confusion());
        assertEquals(0.7708333333333334, r.rocAuc(), 1e-12);
    }

    @Test
    void namesTheColumnAndTheTableWhenAColumnIsMissing() {
        Table t = Table.create("scored", DoubleColumn.create("p", P));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Metrics.binary(t, "clicked", "p", MetricsOptions.defaults()));
        assertEquals("metrics: no column 'clicked' in table 'scored' (has: p)", e.getMessage());
    }

    @Test
    void rejectsAProbabilityOutsideZeroToOneNamingTheRow() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Metrics.brier(new boolean[] {true, false}, new double[] {0.5, 1.5}));
        assertEquals("brier: probability 1.5 at row 1 is not in [0, 1]", e.getMessage());
    }

    @Test
    void rejectsArraysOfDifferentLengths() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Metrics.rocAuc(new boolean[2], new double[3]));
        assertEquals("roc-auc: actual has 2 values but score has 3", e.getMessage());
    }
}
