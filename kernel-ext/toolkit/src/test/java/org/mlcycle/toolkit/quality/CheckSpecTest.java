package org.mlcycle.toolkit.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class CheckSpecTest {

    private static Table ads() {
        return Table.create(
                "ads",
                StringColumn.create("ad_id", "a1", "a2", "a3"),
                StringColumn.create("country", "US", "DE", "FR"),
                IntColumn.create("clicks", 0, 2, 1),
                DoubleColumn.create("ctr", 0.0, 0.5, 0.25),
                DoubleColumn.create("cost", 0.2, 0.4, 0.9),
                StringColumn.create("email", "a@x.org", "b@y.com", "c@z.net"));
    }

    private static Constraint one(String line) {
        List<Constraint> all = Checks.parse(line).constraints();
        assertEquals(1, all.size());
        return all.get(0);
    }

    @Test
    void eachLineKindBecomesTheConstraintTheFluentCallMakes() {
        assertEquals(
                Checks.named("checks").isComplete("ad_id").constraints(),
                Checks.parse("ad_id not null").constraints());
        assertEquals(
                Checks.named("checks").isUnique("ad_id").constraints(),
                Checks.parse("ad_id UNIQUE").constraints());
        assertEquals(
                Checks.named("checks").isBetween("ctr", 0, 1).constraints(),
                Checks.parse("ctr between 0 and 1").constraints());
        assertEquals(Set.of("US", "DE", "FR"), one("country in (US, DE, FR)").values());
        assertEquals(
                Set.of("New York, NY", "Paris"),
                one("city in (\"New York, NY\", Paris)").values());
        assertEquals(Constraint.Kind.PATTERN, one("email matches /[^@]+@[^@]+/").kind());
        assertEquals("[^@]+@[^@]+", one("email matches /[^@]+@[^@]+/").pattern().pattern());

        Constraint atLeast = one("clicks >= 0");
        assertEquals(0.0, atLeast.low());
        assertEquals(Double.POSITIVE_INFINITY, atLeast.high());
        assertEquals(Double.NEGATIVE_INFINITY, one("cost <= 3").low());

        Constraint complete = one("completeness(age) >= 0.95");
        assertEquals(Constraint.Kind.COMPLETE, complete.kind());
        assertEquals(0.95, complete.mostly());
        assertEquals(0.99, one("ctr between 0 and 1 mostly 0.99").mostly());

        Constraint mean = one("mean(cost) between 0.1 and 3");
        assertEquals(Constraint.Kind.MEAN, mean.kind());
        assertEquals(List.of(0.1, 3.0), List.of(mean.low(), mean.high()));
        Constraint quantile = one("quantile(cost, 0.99) <= 50");
        assertEquals(0.99, quantile.p());
        assertEquals(50.0, quantile.high());

        assertEquals(List.of(1001.0, (double) Long.MAX_VALUE), bounds(one("rows > 1000")));
        assertEquals(List.of(1000.0, (double) Long.MAX_VALUE), bounds(one("rows >= 1000")));
        assertEquals(List.of(0.0, 99.0), bounds(one("rows < 100")));
        assertEquals(List.of(5.0, 5.0), bounds(one("rows = 5")));
        assertEquals(List.of(10.0, 20.0), bounds(one("rows between 10 and 20")));
        assertEquals("rows", one("`rows` >= 0").column());
    }

    private static List<Double> bounds(Constraint c) {
        return List.of(c.low(), c.high());
    }

    @Test
    void blankLinesAndCommentsAreSkippedAndTheRestRunsInOrder() {
        Checks checks = Checks.parse(
                "ads", "# an ad batch\n\nad_id unique\r\n  clicks >= 0  \nrows > 2\nctr between 0 and 0.3\n", ads());

        CheckReport report = checks.run(ads());

        assertEquals(4, report.results().size());
        assertEquals(
                List.of(true, true, true, false),
                report.results().stream().map(ConstraintResult::passed).toList());
    }

    @Test
    void theTextFormReadsBackIntoTheSameText() {
        String spec = String.join(
                "\n",
                "ad_id not null",
                "ad_id unique mostly 0.99",
                "country in (DE, FR, US)",
                "city in (\"New York, NY\", Paris)",
                "ctr between 0 and 1",
                "clicks >= 0",
                "cost <= 3.5",
                "email matches /[^@]+@[^@]+/",
                "completeness(age) >= 0.95",
                "mean(cost) between 0.1 and 3",
                "quantile(cost, 0.5) >= 0",
                "rows >= 1001",
                "rows <= 10",
                "rows = 5",
                "rows between 10 and 20",
                "`rows` >= 0",
                "`unit cost` >= 0");

        assertEquals(spec, Checks.parse(spec).toString());
        assertEquals(spec, Checks.parse(Checks.parse(spec).toString()).toString());
    }

    @Test
    void theFluentListPrintsAsSpecText() {
        Checks fluent = Checks.named("ad batch")
                .isComplete("user_id")
                .isBetween("bid_cents", 0, 5000)
                .mostly(0.99)
                .isContainedIn("device", Set.of("mobile", "desktop"))
                .hasRowCountBetween(1, 10_000_000)
                .satisfies("bid below budget", r -> true);

        assertEquals(
                "user_id not null\nbid_cents between 0 and 5000 mostly 0.99\ndevice in (desktop, mobile)\n"
                        + "rows between 1 and 10000000\n# satisfies(bid below budget): a Java predicate has no text form",
                fluent.toString());
        assertEquals(4, Checks.parse(fluent.toString()).constraints().size());
    }

    @Test
    void eachBadLineNamesItsNumberAndWhatWasExpected() {
        assertEquals(
                "checks: line 2: after 'clicks' expected not null, unique, in (A, B), between LOW and HIGH, >= N,"
                        + " <= N or matches /REGEX/; got '=> 0' (line: clicks => 0)",
                error("ad_id unique\nclicks => 0"));
        assertEquals(
                "checks: line 1: bounds are inclusive: use >= or <= (got '> 0') (line: clicks > 0)",
                error("clicks > 0"));
        assertEquals(
                "checks: line 1: expected a number for the upper bound, got 'one' (line: ctr between 0 and one)",
                error("ctr between 0 and one"));
        assertEquals(
                "checks: line 1: after 'ctr' expected not null, unique, in (A, B), between LOW and HIGH, >= N, <= N"
                        + " or matches /REGEX/; got 'between 0 1' (line: ctr between 0 1)",
                error("ctr between 0 1"));
        assertEquals(
                "checks: line 1: the lower bound 3 is above the upper bound 1 (line: ctr between 3 and 1)",
                error("ctr between 3 and 1"));
        assertEquals(
                "checks: line 1: unknown function 'median'; expected completeness(COL), mean(COL) or quantile(COL, P)"
                        + " (line: median(cost) <= 3)",
                error("median(cost) <= 3"));
        assertEquals(
                "checks: line 1: expected 'completeness(COL) >= SHARE' (line: completeness(age) <= 0.9)",
                error("completeness(age) <= 0.9"));
        assertEquals(
                "checks: line 1: the completeness share must be in (0, 1], got 95 (line: completeness(age) >= 95)",
                error("completeness(age) >= 95"));
        assertEquals(
                "checks: line 1: expected 'quantile(COL, P)' with a column and a share (line: quantile(cost) <= 3)",
                error("quantile(cost) <= 3"));
        assertEquals(
                "checks: line 1: the quantile's share P must be in [0, 1], got 99 (line: quantile(cost, 99) <= 3)",
                error("quantile(cost, 99) <= 3"));
        assertEquals(
                "checks: line 1: a row count is a whole number of at least 0, got 2.5 (line: rows > 2.5)",
                error("rows > 2.5"));
        assertEquals(
                "checks: line 1: expected values in parentheses, e.g. in (US, DE, FR); found an empty one"
                        + " (line: country in (US,,DE))",
                error("country in (US,,DE)"));
        assertEquals(
                "checks: line 1: 'mostly' applies to row checks, not to hasMeanBetween(cost, 0, 1)"
                        + " (line: mean(cost) between 0 and 1 mostly 0.9)",
                error("mean(cost) between 0 and 1 mostly 0.9"));
        assertEquals(
                "checks: line 1: expected a number for the share after 'mostly', got 'most' (line: ad_id unique mostly most)",
                error("ad_id unique mostly most"));
        assertEquals(
                "checks: line 1: expected a column name, rows, completeness(COL), mean(COL) or quantile(COL, P)"
                        + " (line: >= 3)",
                error(">= 3"));
    }

    @Test
    void anUnknownColumnIsNamedWithItsLineAndTheColumnsThereAre() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Checks.parse("ads", "ad_id unique\n\nclick >= 0", ads()));

        assertEquals(
                "checks: line 3: no column 'click' in table 'ads' (has: ad_id, country, clicks, ctr, cost, email)"
                        + " (line: click >= 0)",
                e.getMessage());
    }

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> Checks.parse(spec))
                .getMessage();
    }
}
