package org.mlcycle.toolkit.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class RatioMetricTest {

    /** Requests with 0 to 3 impressions; a request-level click propensity makes clicks cluster. */
    private static double[][] clusteredRequests(int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] clicks = new double[m], impressions = new double[m];
        for (int i = 0; i < m; i++) {
            int k = r.nextInt(4);
            double p = r.nextDouble() < 0.2 ? 0.15 : 0.02; // an engaged user clicks far more often
            impressions[i] = k;
            for (int j = 0; j < k; j++) clicks[i] += r.nextDouble() < p ? 1 : 0;
        }
        return new double[][] {clicks, impressions};
    }

    @Test
    @DisplayName("the delta-method variance of a ratio matches a brute-force bootstrap over the units")
    void deltaMethodMatchesBootstrap() {
        double[][] d = clusteredRequests(20_000, 3);
        RatioMetric ctr = RatioMetric.of("CTR", d[0], d[1]);
        SplittableRandom r = new SplittableRandom(7);
        int m = d[0].length, draws = 1_000;
        double s = 0, ss = 0;
        for (int b = 0; b < draws; b++) {
            double x = 0, y = 0;
            for (int j = 0; j < m; j++) {
                int u = r.nextInt(m);
                x += d[0][u];
                y += d[1][u];
            }
            s += x / y;
            ss += (x / y) * (x / y);
        }
        double bootstrap = (ss - s * s / draws) / (draws - 1);
        // the bootstrap's own variance estimate has a relative error of about sqrt(2 / 1000) = 4.5%
        assertEquals(bootstrap, ctr.variance(), 0.15 * bootstrap, ctr.toString());
        // clicks cluster in requests: the naive binomial variance is too small
        assertTrue(ctr.designEffect() > 1.05, ctr.toString());
        double[] ci = ctr.interval(0.05);
        assertTrue(ci[0] < ctr.ratio() && ctr.ratio() < ci[1]);
    }

    @Test
    @DisplayName("with one impression per unit the delta method is the binomial variance: design effect 1")
    void oneImpressionPerUnitIsBinomial() {
        SplittableRandom r = new SplittableRandom(1);
        int m = 50_000;
        double[] x = new double[m], y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = 1;
            x[i] = r.nextDouble() < 0.03 ? 1 : 0;
        }
        RatioMetric ctr = RatioMetric.of("CTR", x, y);
        assertEquals(1.0, ctr.designEffect(), 1e-3);
    }

    @Test
    @DisplayName("perUnit sums a log's rows by unit and counts units without rows as zero over zero")
    void perUnitGroupsALog() {
        Table log = Table.create(
                "log",
                IntColumn.create("Request", 0, 0, 2, 3),
                IntColumn.create("Click", 1, 0, 0, 1),
                IntColumn.create("Impression", 1, 1, 2, 1));
        RatioMetric ctr = RatioMetric.perUnit("CTR", log, "Request", "Click", "Impression", 5);
        RatioMetric same = RatioMetric.of("CTR", new double[] {1, 0, 0, 1, 0}, new double[] {2, 0, 2, 1, 0});
        assertEquals(5, ctr.units());
        assertEquals(0.4, ctr.ratio(), 1e-12);
        assertEquals(same.variance(), ctr.variance(), 1e-15);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RatioMetric.perUnit("CTR", log, "Request", "Click", "Impression", 3));
        assertTrue(e.getMessage().contains("unit 3 outside"), e.getMessage());
    }

    @Test
    @DisplayName("the sample size grows by the design effect")
    void sampleSizeTimesDesignEffect() {
        SampleSize plan = Experiments.sampleSize(0.02, 0.10, 0.05, 0.8);
        assertEquals(plan.perArm(), plan.perArm(1.0));
        assertEquals((long) Math.ceil(plan.exact() * 1.12), plan.perArm(1.12));
        assertThrows(IllegalArgumentException.class, () -> plan.perArm(0));
    }

    @Test
    @DisplayName("clustered clicks: planned with the design effect the realised power is near the plan,"
            + " planned per impression it falls short")
    void realisedPowerWithClusteredClicks() {
        double[][] d = clusteredRequests(20_000, 5);
        int[] clicks = new int[d[0].length], impressions = new int[d[0].length];
        for (int i = 0; i < clicks.length; i++) {
            clicks[i] = (int) d[0][i];
            impressions[i] = (int) d[1][i];
        }
        RatioMetric ctr = RatioMetric.of("CTR", d[0], d[1]);
        SampleSize plan = Experiments.sampleSize(ctr.ratio(), 0.20, 0.05, 0.8);
        double perRequest = ctr.denominator() / ctr.units();
        long planned = (long) Math.ceil(plan.perArm(ctr.designEffect()) / perRequest);
        long naive = (long) Math.ceil(plan.perArm() / perRequest);
        double withEffect = Experiments.realisedPower(impressions, clicks, 0.20, planned, 0.05, 400, 9);
        double perImpression = Experiments.realisedPower(impressions, clicks, 0.20, naive, 0.05, 400, 9);
        assertEquals(0.8, withEffect, 0.07, "realised power planned with the design effect");
        assertTrue(perImpression < withEffect, perImpression + " vs " + withEffect);
    }
}
