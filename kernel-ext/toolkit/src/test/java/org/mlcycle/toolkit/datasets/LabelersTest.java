package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The two labelers and the truth, measured on 100,000 targeted pairs from two months ago. */
class LabelersTest {
    private static final int N = 100_000;
    private static IntColumn truth;
    private static IntColumn a;
    private static IntColumn aV2;
    private static IntColumn b;
    private static BooleanColumn slice;

    @BeforeAll
    static void generate() {
        AdWorld world = AdWorld.standard();
        Table c = world.candidates(Source.TARGETED, Period.TWO_MONTHS_AGO, N);
        Table t = world.truth(Source.TARGETED, Period.TWO_MONTHS_AGO, N);
        truth = t.intColumn("y_true");
        a = c.intColumn("label_a");
        aV2 = t.intColumn("label_a_v2");
        b = c.intColumn("label_b");
        slice = t.booleanColumn("in_slice");
    }

    private static double precision(IntColumn labels) {
        int tp = 0;
        int shown = 0;
        for (int i = 0; i < N; i++) {
            if (!labels.isMissing(i) && labels.getInt(i) == 1) {
                shown++;
                tp += truth.getInt(i);
            }
        }
        return tp / (double) shown;
    }

    @Test
    void labelerAIsRightAboutHalfTheTimeSheSaysShow() {
        double p = precision(a);
        System.out.println("precision A " + p + " v2 " + precision(aV2) + " B " + precision(b));
        assertTrue(p >= 0.45 && p <= 0.60, "precision of A against truth: " + p);
    }

    @Test
    void labelerAMissesAFifthOfTheTruePositives() {
        int pos = 0;
        int missed = 0;
        for (int i = 0; i < N; i++) {
            if (truth.getInt(i) == 1) {
                pos++;
                missed += a.getInt(i) == 0 ? 1 : 0;
            }
        }
        assertEquals(0.20, missed / (double) pos, 0.02);
    }

    @Test
    void labelerAsFalseShowsSitInTheBrandSearchWithACompetitorSlice() {
        int sliceNeg = 0;
        int sliceFalse = 0;
        int otherNeg = 0;
        int otherFalse = 0;
        for (int i = 0; i < N; i++) {
            if (truth.getInt(i) == 0) {
                if (slice.get(i)) {
                    sliceNeg++;
                    sliceFalse += a.getInt(i);
                } else {
                    otherNeg++;
                    otherFalse += a.getInt(i);
                }
            }
        }
        double inSlice = sliceFalse / (double) sliceNeg;
        double elsewhere = otherFalse / (double) otherNeg;
        System.out.println("A false show in slice " + inSlice + " elsewhere " + elsewhere + " slice share "
                + sliceNeg / (double) N);
        assertEquals(0.50, inSlice, 0.03);
        assertTrue(elsewhere < 0.004, "false shows outside the slice: " + elsewhere);
    }

    @Test
    void labelerBLabelsARandomQuarterAndAgreesModeratelyWithA() {
        double labeled = 1 - b.countMissing() / (double) N;
        double kappa = Measure.kappa(a, b);
        System.out.println("B share " + labeled + " kappa " + kappa);
        assertEquals(0.25, labeled, 0.01);
        assertTrue(kappa >= 0.45 && kappa <= 0.65, "kappa(A, B): " + kappa);
        // B's subset is chosen by a coin, not by A's answer: A's positive rate is the same inside it
        double aInB = 0;
        int nB = 0;
        for (int i = 0; i < N; i++) {
            if (!b.isMissing(i)) {
                nB++;
                aInB += a.getInt(i);
            }
        }
        assertEquals(a.sum() / (double) N, aInB / nB, 0.01);
    }

    @Test
    void mostDisagreementsBetweenAAndBLieInTheSlice() {
        int disagree = 0;
        int inSlice = 0;
        for (int i = 0; i < N; i++) {
            if (!b.isMissing(i) && a.getInt(i) != b.getInt(i)) {
                disagree++;
                inSlice += slice.get(i) ? 1 : 0;
            }
        }
        double share = inSlice / (double) disagree;
        System.out.println("disagreements in slice " + share);
        assertTrue(share >= 0.5, "share of disagreements in the slice: " + share);
    }

    @Test
    void theGuidelineFixRaisesLabelerAsPrecisionAndChangesNothingOutsideTheSlice() {
        assertTrue(precision(aV2) > precision(a) + 0.2, "precision A " + precision(a) + ", A v2 " + precision(aV2));
        for (int i = 0; i < N; i++) {
            if (!slice.get(i)) {
                assertEquals(a.getInt(i), aV2.getInt(i), "row " + i);
            }
        }
    }
}
