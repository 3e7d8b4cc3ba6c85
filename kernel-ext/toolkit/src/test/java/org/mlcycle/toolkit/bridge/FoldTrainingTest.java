package org.mlcycle.toolkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.split.Folds;
import org.mlcycle.toolkit.split.Splits;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class FoldTrainingTest {

    @BeforeAll
    static void quietTribuo() {
        TribuoLogging.quiet();
    }

    /** 5% positives, a feature that only weakly tells them apart. */
    static Table rare() {
        Random r = new Random(9);
        int n = 600;
        double[] x = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 20 == 0 ? 1 : 0;
            x[i] = r.nextGaussian() + (y[i] == 1 ? 1 : 0);
        }
        return Table.create("rare", DoubleColumn.create("x", x), IntColumn.create("clicked", y));
    }

    static double meanP1(FoldTraining training) {
        Table t = rare();
        Folds folds = Splits.stratifiedKFold(t, "clicked", 5, 0);
        OutOfFoldProbabilities oof = OutOfFold.probabilities(
                t,
                FeatureOptions.of("clicked", List.of("x"), List.of()),
                folds,
                new LogisticRegressionTrainer(),
                1,
                training);
        assertEquals(600, oof.rows(), "every held-out row is scored once, none resampled");
        return Arrays.stream(oof.probabilitiesOf("1")).average().orElseThrow();
    }

    @Test
    void resamplingOrWeightingTheTrainingFoldsRaisesTheRareClassProbability() {
        double asIs = meanP1(FoldTraining.asIs());
        assertTrue(asIs < 0.15, "as is: " + asIs);
        for (FoldTraining t : new FoldTraining[] {
            FoldTraining.asIs().withResample(FoldTraining.Resample.OVER, 1),
            FoldTraining.asIs().withResample(FoldTraining.Resample.UNDER, 1),
            FoldTraining.asIs().withClassWeights(true)
        }) {
            double p = meanP1(t);
            assertTrue(p > 0.3, t + ": " + p);
        }
    }
}
