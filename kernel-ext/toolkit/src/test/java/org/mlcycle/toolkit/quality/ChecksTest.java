package org.mlcycle.toolkit.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ChecksTest {

    /** Five impressions: one missing user, one repeated id, one bid of 75, one unknown device, one bad email. */
    private static Table ads() {
        return Table.create(
                "ads",
                StringColumn.create("id", "a1", "a2", "a3", "a3", "a5"),
                StringColumn.create("user", "u1", "", "u3", "u4", "u5"),
                DoubleColumn.create("bid", 10, 20, 75, 30, Double.NaN),
                StringColumn.create("device", "mobile", "desktop", "mobile", "watch", "tablet"),
                StringColumn.create("email", "a@x.org", "b@y.com", "not-an-email", "c@z.net", ""));
    }

    private static ConstraintResult only(Checks checks) {
        return checks.run(ads()).results().get(0);
    }

    @Test
    void completenessFailsOnTheRowWithAMissingCellAndNamesIt() {
        ConstraintResult r = only(Checks.named("c").isComplete("user"));
        assertFalse(r.passed());
        assertEquals(0.8, r.measured());
        assertEquals(List.of(new FailingRow(1, "(missing)")), r.failingRows());
        assertTrue(only(Checks.named("c").isComplete("id")).passed());
    }

    @Test
    void uniquenessFailsEveryRowHoldingARepeatedValue() {
        ConstraintResult r = only(Checks.named("c").isUnique("id"));
        assertEquals(List.of(new FailingRow(2, "a3"), new FailingRow(3, "a3")), r.failingRows());
        assertEquals(0.6, r.measured());
        assertTrue(only(Checks.named("c").isUnique("user")).passed(), "missing cells are not checked");
    }

    @Test
    void rangeChecksSkipMissingCellsAndMostlyRelaxesThem() {
        ConstraintResult strict = only(Checks.named("c").isBetween("bid", 0, 50));
        assertFalse(strict.passed());
        assertEquals(4, strict.checked());
        assertEquals(0.75, strict.measured());
        assertEquals(List.of(new FailingRow(2, "75")), strict.failingRows());
        assertTrue(only(Checks.named("c").isBetween("bid", 0, 50).mostly(0.75)).passed());
        assertFalse(only(Checks.named("c").isBetween("bid", 0, 50).mostly(0.76)).passed());
    }

    @Test
    void setMembershipNamesTheValueThatIsNotAllowed() {
        ConstraintResult r = only(Checks.named("c").isContainedIn("device", Set.of("mobile", "desktop", "tablet")));
        assertEquals(List.of(new FailingRow(3, "watch")), r.failingRows());
        assertTrue(only(Checks.named("c").isContainedIn("device", Set.of("mobile", "desktop", "tablet", "watch")))
                .passed());
    }

    @Test
    void patternsMustMatchTheWholeValue() {
        ConstraintResult r = only(Checks.named("c").matches("email", "[^@]+@[^@]+\\.[a-z]+"));
        assertEquals(List.of(new FailingRow(2, "not-an-email")), r.failingRows());
        assertEquals(4, r.checked());
        assertTrue(only(Checks.named("c").matches("id", "a[0-9]")).passed());
    }

    @Test
    void aCustomPredicateSeesTheWholeRow() {
        ConstraintResult r = only(Checks.named("c")
                .satisfies(
                        "mobile bids under 50",
                        row -> !row.getString("device").equals("mobile") || row.getDouble("bid") < 50));
        assertFalse(r.passed());
        assertEquals(2, r.failingRows().get(0).row());
        assertTrue(r.failingRows().get(0).value().contains("bid=75"));
    }

    @Test
    void tableLevelChecksReportTheMeasuredNumber() {
        CheckReport r = Checks.named("c")
                .hasRowCountBetween(1, 4)
                .hasMeanBetween("bid", 30, 40) // (10 + 20 + 75 + 30) / 4 = 33.75
                .hasQuantileBetween("bid", 0.5, 0, 20) // median of 10 20 30 75 = 25
                .run(ads());
        assertEquals(
                List.of(false, true, false),
                r.results().stream().map(ConstraintResult::passed).toList());
        assertEquals(
                List.of(5.0, 33.75, 25.0),
                r.results().stream().map(ConstraintResult::measured).toList());
    }

    @Test
    void theReportLeadsWithTheVerdictAndListsFailingRows() {
        CheckReport r = Checks.named("ad batch")
                .isComplete("id")
                .isBetween("bid", 0, 50)
                .run(ads());
        String text = r.toText();
        assertTrue(text.startsWith("checks 'ad batch' on 'ads' (5 rows): FAIL, 1 of 2 constraints failed"), text);
        assertTrue(text.contains("FAIL isBetween(bid, 0, 50): 75.00% of 4 rows pass, 1 fail"), text);
        assertTrue(text.contains("row 2: 75"), text);
        assertEquals(false, r.toRecord().get("passed"));
    }

    @Test
    void numbersInASetAreMatchedByTheirShortestText() {
        Table t = Table.create("t", DoubleColumn.create("position", 1, 2, 9));
        ConstraintResult r = Checks.named("c")
                .isContainedIn("position", Set.of("1", "2", "3"))
                .run(t)
                .results()
                .get(0);
        assertEquals(List.of(new FailingRow(2, "9")), r.failingRows());
    }

    @Test
    void keepsAtMostTwentyFailingRows() {
        double[] v = new double[30];
        java.util.Arrays.fill(v, -1);
        ConstraintResult r = Checks.named("c")
                .isBetween("x", 0, 1)
                .run(Table.create("t", DoubleColumn.create("x", v)))
                .results()
                .get(0);
        assertEquals(30, r.failed());
        assertEquals(20, r.failingRows().size());
    }

    @Test
    void anEmptyTablePassesRowChecksAndFailsAMeanWithANote() {
        Table empty = Table.create("none", DoubleColumn.create("bid"));
        CheckReport r =
                Checks.named("c").isComplete("bid").hasMeanBetween("bid", 0, 1).run(empty);
        assertTrue(r.results().get(0).passed());
        assertEquals("no values", r.results().get(1).note());
        assertFalse(r.results().get(1).passed());
    }

    @Test
    void badColumnsTypesAndArgumentsAreOneLineErrors() {
        Table t = ads();
        assertEquals(
                "checks: no column 'price' in table 'ads' (has: id, user, bid, device, email)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Checks.named("c").isComplete("price").run(t))
                        .getMessage());
        assertEquals(
                "checks: isBetween(device, 0, 1): column 'device' in table 'ads' is STRING, not a number",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Checks.named("c")
                                        .isBetween("device", 0, 1)
                                        .run(t))
                        .getMessage());
        assertEquals(
                "checks: mostly applies to row checks, not to hasRowCountBetween(1, 2)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Checks.named("c").hasRowCountBetween(1, 2).mostly(0.5))
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> Checks.named("c").matches("id", "(["))
                .getMessage()
                .startsWith("checks: matches(id): bad pattern '(['"));
    }

    @Test
    void addingAConstraintLeavesTheOriginalListUnchanged() {
        Checks base = Checks.named("c").isComplete("id");
        Checks more = base.isUnique("id");
        assertEquals(1, base.constraints().size());
        assertEquals(2, more.constraints().size());
    }

    @Test
    @SuppressWarnings("CheckReturnValue") // the mistake under test: each new list is dropped
    void aListWhoseCallsWereDroppedFailsWithNoConstraintsInsteadOfPassing() {
        Checks checks = Checks.named("ranges");
        for (String c : List.of("bid", "id")) {
            checks.isComplete(c);
        }
        CheckReport r = checks.run(ads());
        assertFalse(r.passed(), "an empty list checks nothing");
        assertTrue(
                r.toText()
                        .startsWith("checks 'ranges' on 'ads' (5 rows): FAIL, no constraints, nothing was checked."
                                + " Every Checks method returns a new list"),
                r.toText());
        assertTrue(r.toHtml().contains("no constraints"), r.toHtml());
    }
}
