package org.mlcycle.toolkit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LiftTableTest {

    @Test
    void liftOfAKnownOrdering() {
        // ten rows ranked 1..10 by score; the positives are ranked 1, 2 and 5; five buckets of two
        double[] score = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        boolean[] actual = {true, true, false, false, true, false, false, false, false, false};

        LiftTable t = LiftTable.of("m", actual, score, 5);

        List<LiftTable.Bucket> b = t.buckets();
        assertEquals(2, b.get(0).positives(), 1e-12);
        assertEquals(1.0, b.get(0).rate(), 1e-12);
        assertEquals(1 / 0.3, b.get(0).lift(), 1e-12);
        assertEquals(0, b.get(1).lift(), 1e-12);
        assertEquals(0.5 / 0.3, b.get(2).lift(), 1e-12);
        assertEquals(
                List.of(2 / 3.0, 2 / 3.0, 1.0, 1.0, 1.0),
                b.stream().map(LiftTable.Bucket::gain).toList());
        assertEquals(0.2, b.get(0).rowShare(), 1e-12);
        assertEquals((2 / 3.0) / 0.2, b.get(0).cumulativeLift(), 1e-12);
        assertEquals(1.0, b.get(4).cumulativeLift(), 1e-12);
        assertEquals(
                "lift of 'm': the top 20.0% of rows by score hold 66.7% of the positives (lift 3.33, base rate 0.3000)",
                t.verdict());
    }

    @Test
    void theOrderOfTheRowsDoesNotMatter() {
        double[] score = {6, 2, 9, 1, 10, 3, 8, 4, 7, 5};
        boolean[] actual = {true, false, true, false, false, false, false, false, false, false};

        // ranked: 10, 9+ | 8, 7 | 6+, 5 | 4, 3 | 2, 1 (+ marks the positives)
        LiftTable t = LiftTable.of("m", actual, score, 5);

        assertEquals(1, t.buckets().get(0).positives(), 1e-12); // 10 (neg) and 9 (pos)
        assertEquals(1, t.buckets().get(2).positives(), 1e-12); // 6 (pos) and 5 (neg)
    }

    @Test
    void aTieAcrossABucketEdgeSharesItsPositivesByRows() {
        // 0.9 is a negative; the tie at 0.5 holds one positive and straddles the edge between two buckets
        LiftTable t =
                LiftTable.of("m", new boolean[] {false, true, false, false}, new double[] {0.9, 0.5, 0.5, 0.1}, 2);

        assertEquals(0.5, t.buckets().get(0).positives(), 1e-12);
        assertEquals(0.5, t.buckets().get(1).positives(), 1e-12);
    }

    @Test
    void equalScoresHaveLiftOneEverywhere() {
        boolean[] actual = {true, false, false, true, false, false, false, true, false, false};
        double[] same = new double[10];

        LiftTable t = LiftTable.of("flat", actual, same, 5);

        for (LiftTable.Bucket b : t.buckets()) {
            assertEquals(1.0, b.lift(), 1e-12);
            assertEquals(0.6, b.positives(), 1e-12);
        }
    }

    @Test
    void noPositivesLeavesLiftUndefined() {
        LiftTable t = LiftTable.of("m", new boolean[4], new double[] {1, 2, 3, 4}, 2);

        assertTrue(Double.isNaN(t.buckets().get(0).lift()));
        assertEquals("lift of 'm': no positives in 4 rows, lift undefined", t.verdict());
        assertEquals(
                List.of("random order"), List.copyOf(t.chart().getSeriesMap().keySet()));
    }

    @Test
    void theGainsChartRunsFromTheOriginThroughEachBucket() {
        double[] score = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        boolean[] actual = {true, true, false, false, true, false, false, false, false, false};

        var series = LiftTable.of("m", actual, score, 5).chart().getSeriesMap();

        var gains = series.get("m (top bucket lift 3.33)");
        assertEquals(6, gains.getXData().length);
        assertEquals(0.0, gains.getYData()[0]);
        assertEquals(1.0, gains.getYData()[5], 1e-12);
        assertTrue(series.containsKey("random order"));
    }

    @Test
    void moreBucketsThanRowsIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> LiftTable.of("m", new boolean[3], new double[3], 10));
        assertEquals("lift: 10 buckets need at least 10 rows, got 3", e.getMessage());
    }
}
