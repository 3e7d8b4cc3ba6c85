package org.mlcycle.toolkit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;

class BootstrapTest {
    /** n rows, a share of them positive; a score that ranks positives higher by {@code signal}. */
    private static Object[] data(int n, double rate, double signal, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean[] y = new boolean[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < rate;
            p[i] = 1 / (1 + Math.exp(-(r.nextGaussian() + (y[i] ? signal : 0))));
        }
        return new Object[] {y, p};
    }

    @Test
    @DisplayName("the interval holds the estimate, shrinks with more rows and is the same on a rerun")
    void intervalShrinksWithRows() {
        Object[] small = data(400, 0.3, 1.5, 1);
        Object[] large = data(40_000, 0.3, 1.5, 1);
        Interval a = Bootstrap.interval(
                "ROC-AUC", (boolean[]) small[0], (double[]) small[1], Bootstrap.rocAuc(), 300, 7, 0.95);
        Interval b = Bootstrap.interval(
                "ROC-AUC", (boolean[]) large[0], (double[]) large[1], Bootstrap.rocAuc(), 300, 7, 0.95);
        assertTrue(a.low() <= a.estimate() && a.estimate() <= a.high(), a.toText());
        assertTrue(b.halfWidth() < a.halfWidth() / 5, a + " vs " + b);
        assertEquals(
                a,
                Bootstrap.interval(
                        "ROC-AUC", (boolean[]) small[0], (double[]) small[1], Bootstrap.rocAuc(), 300, 7, 0.95));
    }

    @Test
    @DisplayName("a 95% interval for a precision covers the true value in about 95 of 100 samples")
    void coverage() {
        int covered = 0;
        for (int s = 0; s < 100; s++) {
            SplittableRandom r = new SplittableRandom(100 + s);
            boolean[] y = new boolean[500];
            double[] p = new double[500];
            for (int i = 0; i < y.length; i++) {
                p[i] = 1; // every row shown: precision is the positive rate
                y[i] = r.nextDouble() < 0.2;
            }
            Interval v = Bootstrap.interval("precision", y, p, Bootstrap.precisionAt(0.5), 400, s, 0.95);
            covered += v.low() <= 0.2 && 0.2 <= v.high() ? 1 : 0;
        }
        assertTrue(covered >= 88 && covered <= 99, "covered " + covered);
    }

    @Test
    @DisplayName("a paired difference excludes 0 for a real gain and includes it for two equal scores")
    void pairedDifference() {
        Object[] d = data(5_000, 0.2, 1.5, 3);
        boolean[] y = (boolean[]) d[0];
        double[] good = (double[]) d[1];
        SplittableRandom r = new SplittableRandom(9);
        double[] worse = new double[good.length];
        for (int i = 0; i < worse.length; i++) worse[i] = good[i] + 0.5 * r.nextGaussian();
        Interval gain = Bootstrap.difference("ROC-AUC gain", y, worse, good, Bootstrap.rocAuc(), 300, 1, 0.95);
        assertTrue(gain.estimate() > 0 && gain.excludes(0), gain.toText());
        Interval none = Bootstrap.difference("no change", y, good, good.clone(), Bootstrap.rocAuc(), 300, 1, 0.95);
        assertFalse(none.excludes(0), none.toText());
    }

    @Test
    @DisplayName("few positives are called out, and the report and chart render")
    void fewPositivesWarned() {
        Object[] d = data(2_000, 0.005, 2, 5);
        Interval v = Bootstrap.interval(
                "PR-AUC", (boolean[]) d[0], (double[]) d[1], Bootstrap.averagePrecision(), 200, 1, 0.95);
        assertFalse(v.enoughPositives());
        assertTrue(v.toText().contains("too few to conclude"), v.toText());
        Intervals both = Interval.of("two", List.of(v, v));
        assertTrue(both.toHtml().contains("<img"));
        assertEquals(Html.report(v.toText()), v.toHtml(), "in English the HTML says what the text says");
        try {
            Messages.use("fa");
            assertTrue(v.toHtml().contains("بازهٔ بوت‌استرپ 95%"), v.toHtml());
            assertTrue(v.toHtml().contains(" dir=\"rtl\""), v.toHtml());
            assertTrue(both.toHtml().contains("<th>برآورد</th>"), "Persian column headers");
            assertTrue(v.toText().contains("too few to conclude"), "the text stays English");
        } finally {
            Messages.use(null);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> Bootstrap.interval("x", new boolean[2], new double[3], Bootstrap.rocAuc()));
    }

    @Test
    @DisplayName("change of a total and of a ratio of totals between two logs, with an interval around it")
    void changeBetweenLogs() {
        SplittableRandom r = new SplittableRandom(4);
        double[] impA = new double[3_000], clkA = new double[3_000], impB = new double[3_000], clkB = new double[3_000];
        for (int i = 0; i < 3_000; i++) {
            impA[i] = 1;
            clkA[i] = r.nextDouble() < 0.04 ? 1 : 0;
            impB[i] = 2;
            clkB[i] = r.nextDouble() < 0.02 ? 1 : 0;
        }
        Interval imp = Bootstrap.change("impressions", impA, null, impB, null);
        assertEquals(1.0, imp.estimate(), 1e-12);
        Interval ctr = Bootstrap.change("CTR", clkA, impA, clkB, impB);
        assertTrue(
                ctr.estimate() < -0.6 && ctr.excludes(0) && ctr.low() < ctr.estimate() && ctr.estimate() < ctr.high(),
                ctr.toText());
    }
}
