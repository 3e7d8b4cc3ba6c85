package org.mlcycle.toolkit.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DriftTest {

    private static final double[] REF = new double[20];
    private static final double[] CUR = {3, 5, 7, 7, 8, 9, 11, 12, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 25, 30};

    static {
        for (int i = 0; i < 20; i++) {
            REF[i] = i + 1;
        }
    }

    private static List<String> devices(int m, int d, int t, int x) {
        List<String> out = new ArrayList<>();
        out.addAll(Collections.nCopies(m, "m"));
        out.addAll(Collections.nCopies(d, "d"));
        out.addAll(Collections.nCopies(t, "t"));
        out.addAll(Collections.nCopies(x, "x"));
        return out;
    }

    @Test
    void numericColumnsMatchTheBenchmarkScriptsDefinitions() {
        double[] ref = java.util.Arrays.copyOf(REF, 21);
        ref[20] = Double.NaN;
        Table r = Table.create("ref", DoubleColumn.create("bid", ref));
        Table c = Table.create("cur", DoubleColumn.create("bid", CUR));
        ColumnDrift d = Drift.between(r, c).column("bid");
        // bench_drift.py numeric_drift on the same values
        assertEquals(0.2, d.ks(), 1e-15);
        assertEquals(0.8319696107963263, d.ksP(), 1e-12);
        assertEquals(0.9720469500462469, d.psi(), 1e-12);
        assertEquals(0.31559418439653203, d.js(), 1e-12);
        assertEquals(0.6416613774478488, d.wassersteinNorm(), 1e-12);
        assertEquals(0.047619047619047616, d.missingRef(), 1e-15);
        assertEquals(10, d.bins().size());
    }

    @Test
    void categoricalColumnsMatchTheBenchmarkScriptsDefinitions() {
        List<String> rc = devices(50, 30, 20, 0);
        rc.add("");
        Table r = Table.create("ref", StringColumn.create("device", rc));
        Table c = Table.create("cur", StringColumn.create("device", devices(40, 35, 20, 5)));
        ColumnDrift d = Drift.between(r, c).column("device");
        assertEquals(6.495726495726496, d.chi2(), 1e-12);
        assertEquals(3, d.chi2Dof());
        assertEquals(0.08983119287440527, d.chi2P(), 1e-12);
        assertEquals(0.3401308332340512, d.psi(), 1e-12);
        assertEquals(0.17436843505978744, d.js(), 1e-12);
        assertEquals(0.09999999999999998, d.linf(), 1e-15);
        assertEquals("m", d.linfBin());
        assertEquals(List.of("x"), d.newCategories());
        assertEquals(List.of("d", "m", "t", "x"), d.bins());
    }

    @Test
    void smallReferencesAreDecidedByPValuesAndLargeOnesByEffectSizes() {
        Table r = Table.create(
                "ref", DoubleColumn.create("bid", REF), StringColumn.create("device", devices(10, 5, 5, 0)));
        Table c = Table.create(
                "cur", DoubleColumn.create("bid", CUR), StringColumn.create("device", devices(5, 5, 5, 5)));
        DriftReport small = Drift.between(r, c);
        assertTrue(small.decidedByTests());
        assertFalse(small.column("bid").drifted(), "KS p = 0.83");
        assertEquals("KS p < 0.05", small.column("bid").rule());
        DriftReport large = Drift.between(r, c, DriftOptions.defaults().withPValueRows(10));
        assertTrue(large.column("bid").drifted(), "W/std = 0.64 >= 0.1");
        assertTrue(large.column("device").drifted());
        assertTrue(large.datasetDrift());
        assertTrue(large.toText()
                .startsWith("drift 'ref' vs 'cur': 2 of 2 columns drifted (100%); dataset drift: YES (at >= 50% of"
                        + " columns)"));
        assertTrue(large.toText().contains("reference has 20 rows > 10: effect sizes decide"));
        assertTrue(large.toText().contains("(n 20 vs 20)"), "n is printed next to every p-value");
    }

    @Test
    void identicalTablesDoNotDrift() {
        Table r = Table.create("ref", DoubleColumn.create("bid", REF));
        DriftReport d = Drift.between(r, r.copy().setName("cur"));
        assertEquals(0, d.column("bid").ks());
        assertEquals(1.0, d.column("bid").ksP());
        assertEquals(0, d.column("bid").psi(), 1e-15);
        assertFalse(d.datasetDrift());
    }

    @Test
    void aNumberColumnCanBeComparedAsCategories() {
        Table r = Table.create("ref", DoubleColumn.create("clicked", 0, 0, 0, 1));
        Table c = Table.create("cur", DoubleColumn.create("clicked", 0, 1, 1, 1));
        ColumnDrift d = Drift.between(r, c, DriftOptions.defaults().withCategorical("clicked"))
                .column("clicked");
        assertFalse(d.numeric());
        assertEquals(List.of("0", "1"), d.bins());
        assertEquals(0.5, d.linf());
    }

    @Test
    void numberColumnsWithAtMostFiveValuesAreComparedAsCategoriesLikeEvidently() {
        Table r = Table.create("ref", DoubleColumn.create("position", 1, 2, 3, 4, 5, 1));
        Table c = Table.create("cur", DoubleColumn.create("position", 1, 1, 1, 2, 2, 3));
        assertFalse(Drift.between(r, c).column("position").numeric());
        assertEquals(
                "chi-square p < 0.05", Drift.between(r, c).column("position").rule());
        assertTrue(Drift.between(r, c, DriftOptions.defaults().withCategoricalUpTo(0))
                .column("position")
                .numeric());
        Table six = Table.create("cur", DoubleColumn.create("position", 1, 2, 3, 4, 5, 6));
        assertTrue(Drift.between(r, six).column("position").numeric(), "six values in all: numbers again");
    }

    @Test
    void aMissingRateChangeIsItsOwnSignal() {
        Table r = Table.create("ref", DoubleColumn.create("bid", 1, 2, 3, 4));
        Table c = Table.create("cur", DoubleColumn.create("bid", 1, 2, 3, Double.NaN));
        DriftReport d = Drift.between(r, c);
        assertTrue(d.column("bid").missingRateChanged());
        assertEquals(
                List.of("bid"),
                d.missingRateChanges().stream().map(ColumnDrift::name).toList());
        assertTrue(d.toText().contains("missing 0.00% -> 25.00%"));
    }

    @Test
    void emptyAndAllMissingColumnsGiveANoteNotAnException() {
        Table r = Table.create("ref", DoubleColumn.create("bid", 1, 2), StringColumn.create("s", "a", "b"));
        Table c = Table.create("cur", DoubleColumn.create("bid", Double.NaN, Double.NaN), StringColumn.create("s"));
        DriftReport d = Drift.between(r, c);
        assertEquals("no values in the current table", d.column("bid").note());
        assertEquals("no values in the current table", d.column("s").note());
        assertFalse(d.column("bid").drifted());
    }

    @Test
    void twoEmptyTablesGiveAReportWithNotesAndNoDatasetDrift() {
        Table r = Table.create("ref", DoubleColumn.create("bid"), StringColumn.create("device"));
        DriftReport d = Drift.between(r, r.emptyCopy().setName("cur"));
        assertEquals("no values in the reference table", d.column("bid").note());
        assertEquals("no values in the reference table", d.column("device").note());
        assertFalse(d.datasetDrift());
        assertTrue(d.toText().startsWith("drift 'ref' vs 'cur': 0 of 2 columns drifted"));
    }

    @Test
    void aConstantColumnComparesWithoutDividingByZero() {
        Table r = Table.create("ref", DoubleColumn.create("x", 5, 5, 5, 5));
        Table c = Table.create("cur", DoubleColumn.create("x", 5, 5, 6, 6));
        ColumnDrift d = Drift.between(
                        r, c, DriftOptions.defaults().withPValueRows(1).withCategoricalUpTo(0))
                .column("x");
        assertEquals(0.5 / 0.001, d.wassersteinNorm(), 1e-9, "W = 0.5 over the 0.001 floor for a zero std");
        assertTrue(d.drifted());
        assertEquals(1, d.bins().size() - 1, "all reference deciles are 5: one interior edge");
    }

    @Test
    void columnsOnlyOneTableHasAreListedAndUnknownOptionsColumnsAreOneLineErrors() {
        Table r = Table.create("ref", DoubleColumn.create("bid", 1, 2), DoubleColumn.create("price", 1, 2));
        Table c = Table.create("cur", DoubleColumn.create("bid", 1, 2), DoubleColumn.create("cost", 1, 2));
        DriftReport d = Drift.between(r, c);
        assertEquals(List.of("price"), d.onlyInReference());
        assertEquals(List.of("cost"), d.onlyInCurrent());
        assertEquals(
                "drift: no column 'clicks' in table 'ref' (has: bid, price)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Drift.between(
                                        r, c, DriftOptions.defaults().withIgnored("clicks")))
                        .getMessage());
        assertEquals(
                "drift: the current table is null",
                assertThrows(IllegalArgumentException.class, () -> Drift.between(r, null))
                        .getMessage());
    }

    @Test
    void theHtmlShowsTheRuleAndAChartForEachDriftedColumn() {
        Table r = Table.create("ref", DoubleColumn.create("bid", REF));
        Table c = Table.create("cur", DoubleColumn.create("bid", CUR));
        String html =
                Drift.between(r, c, DriftOptions.defaults().withPValueRows(10)).toHtml();
        assertTrue(html.contains("effect sizes decide"));
        assertEquals(2, html.split("data:image/png;base64,", -1).length - 1, "a score chart and one histogram pair");
    }

    @Test
    void theReportSaysWhichWayEachColumnMoved() {
        double[] later = new double[20];
        for (int i = 0; i < 20; i++) later[i] = REF[i] + 8;
        Table r = Table.create(
                "ref", DoubleColumn.create("bid", REF), StringColumn.create("device", devices(10, 10, 0, 0)));
        Table c = Table.create(
                "cur", DoubleColumn.create("bid", later), StringColumn.create("device", devices(16, 4, 0, 0)));
        DriftReport up = Drift.between(r, c);
        assertTrue(
                up.column("bid").moved().startsWith("higher ("),
                up.column("bid").moved());
        assertTrue(Drift.between(c, r).column("bid").moved().startsWith("lower ("));
        assertEquals("+30.0 pts m, -30.0 pts d", up.column("device").moved());
        assertEquals("about the same", Drift.between(r, r).column("device").moved());
        assertEquals("about the same", Drift.between(r, r).column("bid").moved());
        assertTrue(up.toText().contains("moved: +30.0 pts m, -30.0 pts d"), up.toText());
        assertTrue(up.toHtml().contains("moved"));
        assertEquals("+30.0 pts m, -30.0 pts d", up.column("device").toRecord().get("moved"));
    }
}
