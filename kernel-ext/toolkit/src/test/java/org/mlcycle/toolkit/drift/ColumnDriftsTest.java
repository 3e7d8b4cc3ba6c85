package org.mlcycle.toolkit.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.report.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;

/** The drift of one column from what an engine counted, the half every engine shares. */
class ColumnDriftsTest {

    private static final DriftOptions O = DriftOptions.defaults();

    @Test
    void aTableColumnsDriftIsTheDriftOfItsSortedValuesAndBinCounts() {
        double[] r = new double[20];
        for (int i = 0; i < 20; i++) {
            r[i] = i + 1;
        }
        double[] c = {3, 5, 7, 7, 8, 9, 11, 12, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 25, 30};
        ColumnDrift table = Drift.numeric(DoubleColumn.create("bid", r), DoubleColumn.create("bid", c), O, true);
        double[] edges = Psi.edges(r, O.bins());
        ColumnDrift counted = ColumnDrifts.numeric(
                "bid",
                20,
                20,
                0,
                0,
                r,
                c,
                Drift.populationStd(r),
                edges,
                Psi.counts(r, edges),
                Psi.counts(c, edges),
                O,
                true);
        assertEquals(table, counted);
        assertEquals(Ks.statistic(r, c), counted.ks());
        assertEquals(Psi.of(Psi.shares(r, edges), Psi.shares(c, edges)), counted.psi());
    }

    @Test
    void distinctValuesWithTheirCountsGiveTheSortedSamplesDrift() {
        // repeats, a value only one side has, and ties across the sides
        double[] r = {1, 1, 1, 2, 2, 4, 4, 4, 4, 9};
        double[] c = {0.5, 1, 2, 2, 2, 2, 4, 9, 9, 9, 12, 12};
        double[] edges = Psi.edges(r, O.bins());
        long[] br = Psi.counts(r, edges), bc = Psi.counts(c, edges);
        double std = Drift.populationStd(r);
        ColumnDrift sorted = ColumnDrifts.numeric("x", 10, 12, 0, 0.1, r, c, std, edges, br, bc, O, true);
        ColumnDrift counted = ColumnDrifts.numeric(
                "x",
                0,
                0.1,
                new double[] {1, 2, 4, 9},
                new long[] {3, 2, 4, 1},
                new double[] {0.5, 1, 2, 4, 9, 12},
                new long[] {1, 1, 4, 1, 3, 2},
                std,
                edges,
                br,
                bc,
                O,
                true);
        assertEquals(sorted, counted);
        assertTrue(sorted.ks() > 0 && sorted.wassersteinNorm() > 0, sorted.toString());
        ColumnDrift none = ColumnDrifts.numeric(
                "x", 0, 1, new double[] {1}, new long[] {3}, new double[0], new long[0], 0, edges, br, bc, O, true);
        assertTrue(Double.isNaN(none.ks()), none.toString());
    }

    @Test
    void quantileGridsStandForTheSamplesWithTheTrueCountsInThePValue() {
        // two 4-point grids one apart: the step CDFs differ by 1/4 at most, W1 = mean |difference| = 1
        double[] a = {1, 2, 3, 4}, b = {2, 3, 4, 5};
        long[] bins = {250, 250, 250, 250};
        ColumnDrift d = ColumnDrifts.numeric(
                "x", 1000, 1000, 0, 0, a, b, 2.0, new double[] {1.5, 2.5, 3.5}, bins, bins, O, false);
        assertEquals(0.25, d.ks(), 1e-15);
        assertEquals(Ks.pValue(0.25, 1000, 1000), d.ksP(), 1e-15);
        assertEquals(0.5, d.wassersteinNorm(), 1e-15);
        String x = Html.format(1.5), y = Html.format(2.5), z = Html.format(3.5);
        assertEquals(
                List.of("(-inf, " + x + "]", "(" + x + ", " + y + "]", "(" + y + ", " + z + "]", "(" + z + ", inf)"),
                d.bins());
        assertEquals(0, d.psi(), 1e-15);
        assertEquals("Wasserstein/std >= " + ColumnDrifts.num(O.wasserstein()), d.rule());
        assertEquals(0.5 >= O.wasserstein(), d.drifted());
        // a reference with no spread is divided by 0.001, not 0
        ColumnDrift flat = ColumnDrifts.numeric(
                "x",
                1000,
                1000,
                0,
                0,
                a,
                b,
                0.0,
                new double[] {2.5},
                new long[] {500, 500},
                new long[] {250, 750},
                O,
                false);
        assertEquals(1000, flat.wassersteinNorm(), 1e-9);
    }

    @Test
    void categoriesFromValueCountsOrderNumbersByValueAndListNewAndVanishedOnes() {
        ColumnDrift d = ColumnDrifts.categorical(
                "slot", Map.of("9", 30L, "10", 70L), Map.of("9", 50L, "11", 50L), true, 0.0, 0.2, O, true);
        assertEquals(List.of("9", "10", "11"), d.bins());
        assertEquals(List.of("11"), d.newCategories());
        assertEquals(List.of("10"), d.vanishedCategories());
        assertEquals(List.of(0.3, 0.7, 0.0), d.refShares());
        assertEquals(List.of(0.5, 0.0, 0.5), d.curShares());
        double[] chi = ChiSquare.test(new long[] {30, 70, 0}, new long[] {50, 0, 50});
        assertEquals(chi[0], d.chi2());
        assertEquals(chi[2], d.chi2P());
        assertEquals("10", d.linfBin());
        assertTrue(d.drifted());
        assertTrue(d.missingRateChanged());
        // the same counts read off table columns give the same drift, as text ordered as text
        ColumnDrift table = Drift.categorical(
                StringColumn.create("slot", "a", "a", "b"), StringColumn.create("slot", "a", "c", ""), O, true);
        ColumnDrift counted = ColumnDrifts.categorical(
                "slot", Map.of("a", 2L, "b", 1L), Map.of("a", 1L, "c", 1L), false, 0, 1 / 3.0, O, true);
        assertEquals(table, counted);
    }

    @Test
    void aSideWithNoValuesGivesNoStatisticAndNoDrift() {
        ColumnDrift d = ColumnDrifts.numeric("x", 10, 0, 0, 1, new double[] {1}, null, 1, null, null, null, O, true);
        assertFalse(d.drifted());
        assertTrue(Double.isNaN(d.ks()));
        assertEquals("no values in the current table", d.note());
        assertEquals(0.0, ColumnDrifts.share(3, 0));
        assertEquals(0.25, ColumnDrifts.share(1, 4));
    }
}
