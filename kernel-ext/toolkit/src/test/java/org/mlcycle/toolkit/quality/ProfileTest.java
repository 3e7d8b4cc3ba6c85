package org.mlcycle.toolkit.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.stats.ValueCount;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ProfileTest {

    private static Set<ProfileAlert.Kind> kinds(ProfileReport r, String column) {
        return r.alerts().stream()
                .filter(a -> a.column().equals(column))
                .map(ProfileAlert::kind)
                .collect(Collectors.toSet());
    }

    @Test
    void quantilesInterpolateLinearlyLikeNumpyNotLikeTablesaw() {
        Table t = Table.create("t", DoubleColumn.create("x", 4, 1, 3, 2));
        ColumnProfile x = Profile.of(t).column("x");
        // h = 3p: p25 -> 1 + 0.75, p05 -> 1 + 0.15, p95 -> 4 - 1 * 0.15 (numpy prints 3.8499999999999996)
        assertEquals(List.of(1.15, 1.75, 2.5, 3.25, 4 - 0.15000000000000036), x.quantiles());
        assertEquals(1.25, t.doubleColumn("x").percentile(25), "Tablesaw's estimator, for contrast");
    }

    @Test
    void aMissingCellDoesNotBlankTheMeanOrTheStd() {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, Double.NaN, 3));
        ColumnProfile x = Profile.of(t).column("x");
        assertEquals(4, x.count());
        assertEquals(1, x.missing());
        assertEquals(2.0, x.mean());
        assertEquals(1.0, x.std()); // sample std of 1, 2, 3
        assertEquals(0.25, x.missingShare());
    }

    @Test
    void theHistogramHasEqualWidthBinsWithTheLastClosedOnTheRight() {
        double[] v = new double[11];
        for (int i = 0; i <= 10; i++) {
            v[i] = i;
        }
        ProfileReport r = Profile.of(
                Table.create("t", DoubleColumn.create("x", v)),
                ProfileOptions.defaults().withBins(5));
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), r.column("x").edges());
        assertEquals(List.of(2L, 2L, 2L, 2L, 3L), r.column("x").histogram());
    }

    @Test
    void skewnessIsTheAdjustedSampleSkewnessPandasReports() {
        ColumnProfile x = Profile.of(Table.create("t", DoubleColumn.create("x", 1, 2, 3, 10)))
                .column("x");
        // mean 4, deviations -3 -2 -1 6: m2 = 50/4, m3 = 180/4; G1 = sqrt(n(n-1))/(n-2) * m3 / m2^1.5
        assertEquals(Math.sqrt(12) / 2 * 45 / Math.pow(12.5, 1.5), x.skewness(), 1e-12);
    }

    @Test
    void topValuesAreByCountThenByValueAndMissingIsNotAValue() {
        StringColumn c = StringColumn.create("device", "tablet", "mobile", "desktop", "mobile", "desktop", "");
        ColumnProfile d = Profile.of(Table.create("t", c)).column("device");
        assertEquals(
                List.of(new ValueCount("desktop", 2), new ValueCount("mobile", 2), new ValueCount("tablet", 1)),
                d.top());
        assertEquals(3, d.distinct());
        assertEquals(1, d.missing());
    }

    @Test
    void duplicateRowsCountRepeatsOfAnEarlierRowWithMissingEqualToMissing() {
        Table t = Table.create(
                "t",
                DoubleColumn.create("a", 1, 1, Double.NaN, Double.NaN, 1, 2),
                StringColumn.create("b", "x", "x", "y", "y", "x", "x"));
        ProfileReport r = Profile.of(t);
        assertEquals(3, r.duplicateRows()); // rows 1 and 4 repeat row 0, row 3 repeats row 2
        assertEquals(3.0, r.alerts(ProfileAlert.Kind.DUPLICATES).get(0).value());
    }

    @Test
    void ignoredColumnsAreLeftOutOfTheDuplicateCount() {
        Table t = Table.create("t", DoubleColumn.create("a", 1.0, 1.0), IntColumn.create("id", 1, 2));
        assertEquals(0, Profile.of(t).duplicateRows());
        assertEquals(
                1, Profile.of(t, ProfileOptions.defaults().withIgnored("id")).duplicateRows());
    }

    @Test
    void flagsConstantUniqueMissingAndZerosColumns() {
        Table t = Table.create(
                "t",
                DoubleColumn.create("constant", 5, 5, 5, 5),
                IntColumn.create("id", 1, 2, 3, 4),
                DoubleColumn.create("gappy", 1, Double.NaN, 2, 2),
                DoubleColumn.create("zeros", 0, 1, 2, 2));
        ProfileReport r = Profile.of(t);
        assertTrue(kinds(r, "constant").contains(ProfileAlert.Kind.CONSTANT));
        assertTrue(kinds(r, "id").contains(ProfileAlert.Kind.UNIQUE));
        assertTrue(kinds(r, "gappy").contains(ProfileAlert.Kind.MISSING));
        assertEquals(Set.of(ProfileAlert.Kind.ZEROS), kinds(r, "zeros"));
    }

    @Test
    void flagsHighCardinalitySkewAndImbalance() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add("c" + (i % 51));
        }
        double[] spike = new double[1000];
        spike[999] = 1; // 999 zeros and one 1: skewness about sqrt(1000)
        String[] clicked = new String[1000];
        java.util.Arrays.fill(clicked, "no");
        clicked[0] = "yes";
        Table t = Table.create(
                "t",
                StringColumn.create("campaign", many),
                DoubleColumn.create("spike", spike),
                StringColumn.create("clicked", clicked));
        ProfileReport r = Profile.of(t);
        assertTrue(kinds(r, "campaign").contains(ProfileAlert.Kind.HIGH_CARDINALITY));
        assertTrue(kinds(r, "spike").contains(ProfileAlert.Kind.SKEWED));
        assertTrue(r.column("spike").skewness() > 30);
        assertTrue(kinds(r, "clicked").contains(ProfileAlert.Kind.IMBALANCE));
        // shares 0.999 / 0.001 in base 2: 1 - H = 1 - 0.01141 = 0.98859
        double h = -(0.999 * Math.log(0.999) + 0.001 * Math.log(0.001)) / Math.log(2);
        assertEquals(1 - h, r.column("clicked").imbalance(), 1e-12);
        assertTrue(
                kinds(r, "spike").contains(ProfileAlert.Kind.IMBALANCE),
                "a 0/1 numeric column is counted like a category");
    }

    @Test
    void anEmptyTableAndAnAllMissingColumnGiveAlertsNotExceptions() {
        ProfileReport empty = Profile.of(Table.create("none", DoubleColumn.create("x")));
        assertEquals(
                List.of(ProfileAlert.Kind.EMPTY_TABLE),
                empty.alerts().stream().map(ProfileAlert::kind).toList());
        assertTrue(empty.toText().startsWith("profile 'none': 0 rows x 1 columns"));
        ProfileReport blank = Profile.of(
                Table.create("t", DoubleColumn.create("x", Double.NaN, Double.NaN), StringColumn.create("s", "", "")));
        assertEquals(Set.of(ProfileAlert.Kind.ALL_MISSING), kinds(blank, "x"));
        assertEquals(Set.of(ProfileAlert.Kind.ALL_MISSING), kinds(blank, "s"));
        assertTrue(Double.isNaN(blank.column("x").mean()));
    }

    @Test
    void aOneRowTableHasNoStdAndNoUniqueAlert() {
        ProfileReport r = Profile.of(Table.create("t", DoubleColumn.create("x", new double[] {7})));
        ColumnProfile x = r.column("x");
        assertEquals(7.0, x.mean());
        assertTrue(Double.isNaN(x.std()));
        assertEquals(Set.of(ProfileAlert.Kind.CONSTANT), kinds(r, "x"));
        assertEquals(6.5, x.edges().get(0), "numpy widens a zero range by 0.5 each side");
        assertEquals(7.5, x.edges().get(20));
        assertEquals(1L, x.histogram().get(10));
    }

    @Test
    void booleanAndDateColumnsAreProfiledAsCategories() {
        Table t = Table.create(
                "t",
                tech.tablesaw.api.BooleanColumn.create("ok", true, false, true),
                tech.tablesaw.api.DateColumn.create(
                        "day", java.time.LocalDate.of(2024, 3, 1), java.time.LocalDate.of(2024, 3, 1), null));
        ProfileReport r = Profile.of(t);
        assertEquals(
                List.of(new ValueCount("true", 2), new ValueCount("false", 1)),
                r.column("ok").top());
        assertEquals(1, r.column("day").missing());
        assertEquals(List.of(new ValueCount("2024-03-01", 2)), r.column("day").top());
    }

    @Test
    void namesTheColumnWhenAnIgnoredColumnDoesNotExist() {
        Table t = Table.create("ads", DoubleColumn.create("bid", 1));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Profile.of(t, ProfileOptions.defaults().withIgnored("price")));
        assertEquals("profile: no column 'price' in table 'ads' (has: bid)", e.getMessage());
    }

    @Test
    void numbersShowAboutSixSignificantDigitsWithoutExponentsOrRawDoubles() {
        ProfileReport r = Profile.of(Table.create(
                "t", IntColumn.create("id", 0, 20000, 40001), DoubleColumn.create("p", 0.1080891910808919, 0.2, 0.3)));
        String text = r.toText(), html = r.toHtml();
        assertTrue(text.contains("20000"), text);
        assertFalse(text.contains("e+0") || html.contains("e+0"), text);
        assertTrue(text.contains("0.108089") && html.contains("0.108089"), text);
        assertFalse(text.contains("0.10808919"), text);
    }

    @Test
    void theTextLeadsWithTheVerdictAndTheRecordHoldsPlainValues() {
        ProfileReport r = Profile.of(Table.create("t", DoubleColumn.create("x", 1, 2, 3, 4)));
        assertTrue(r.toText().startsWith("profile 't': 4 rows x 1 columns, 0 duplicate rows, 1 alerts"));
        assertEquals(
                1.75, ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) r.toRecord().get("column")).get("x")).get("p25"));
        assertTrue(r.toHtml().contains("<td>x</td>"));
        assertFalse(r.toHtml().contains("<img"), "no missing cells, no missing-value chart");
        ProfileReport gappy = Profile.of(Table.create("t", DoubleColumn.create("x", 1, Double.NaN)));
        assertTrue(gappy.toHtml().contains("alt=\"share of missing cells per column\""));
    }
}
