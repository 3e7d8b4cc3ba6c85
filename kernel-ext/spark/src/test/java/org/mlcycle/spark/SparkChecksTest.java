package org.mlcycle.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.quality.CheckReport;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.Constraint;
import org.mlcycle.toolkit.quality.ConstraintResult;
import org.mlcycle.toolkit.stats.NumericValues;
import org.mlcycle.toolkit.stats.Quantiles;

/** A checks spec runs unchanged on Spark and reports what it reports on the table read from the same file. */
@Tag("spark")
class SparkChecksTest {
    private static final SparkFixture.Both OLD = SparkFixture.OLD;
    private static final String NAME = OLD.table().name();

    private static final String SPEC = String.join(
            "\n",
            "# every kind of line, some failing",
            "rows between 1000 and 100000",
            "row_id unique",
            "user_id not null",
            "kw_match not null",
            "completeness(kw_match) >= 0.95",
            "kw_match in (exact, phrase, broad)",
            "kw_match matches /[a-z]+/",
            "hour between 0 and 20 mostly 0.9",
            "label_b in (0)",
            "text_sim between 0 and 0.5",
            "mean(text_sim) between 0.1 and 0.2",
            "quantile(text_sim, 0.9) <= 0.3");

    @Test
    void aSpecGivesTheSameResultsOnSparkAsOnATable() {
        CheckReport t = Checks.parse("ad batch", SPEC, OLD.table()).run(OLD.table());
        CheckReport s = SparkChecks.run(SparkChecks.parse("ad batch", SPEC, OLD.dataset(), NAME), OLD.dataset(), NAME);
        assertEquals(t.rows(), s.rows());
        assertFalse(t.passed());
        assertEquals(t.results().size(), s.results().size());
        for (int i = 0; i < t.results().size(); i++) {
            ConstraintResult a = t.results().get(i), b = s.results().get(i);
            String at = a.constraint();
            assertEquals(a.constraint(), b.constraint());
            assertEquals(a.checked(), b.checked(), at);
            assertEquals(a.failed(), b.failed(), at);
            assertEquals(a.failingRows(), b.failingRows(), at);
            assertEquals(a.note(), b.note(), at);
            if (a.kind() == Constraint.Kind.QUANTILE) {
                double[] v = NumericValues.sorted(OLD.table().column(a.column()));
                double slack = 1.0 / Approx.ACCURACY + 2.0 / v.length;
                double q = b.measured();
                assertTrue(q >= Quantiles.of(v, 0.9 - slack) && q <= Quantiles.of(v, 0.9 + slack), at + ": " + q);
            } else {
                assertEquals(a.passed(), b.passed(), at);
                SparkProfileTest.close(a.measured(), b.measured(), 1e-12, at);
            }
        }
        assertTrue(t.failures().stream().anyMatch(r -> r.kind() == Constraint.Kind.UNIQUE), t.toText());
        assertTrue(t.failures().stream().anyMatch(r -> r.kind() == Constraint.Kind.COMPLETE), t.toText());
    }

    @Test
    void aBadSpecAndAMissingColumnFailWithTheTablesMessages() {
        String bad = "ctr between 0 and one";
        assertEquals(
                assertThrows(IllegalArgumentException.class, () -> Checks.parse("c", bad, OLD.table()))
                        .getMessage(),
                assertThrows(IllegalArgumentException.class, () -> SparkChecks.parse("c", bad, OLD.dataset(), NAME))
                        .getMessage());
        String unknown = "no_such_column not null";
        String onSpark = assertThrows(
                        IllegalArgumentException.class, () -> SparkChecks.parse("c", unknown, OLD.dataset(), NAME))
                .getMessage();
        assertEquals(
                assertThrows(IllegalArgumentException.class, () -> Checks.parse("c", unknown, OLD.table()))
                        .getMessage(),
                onSpark);
        assertTrue(onSpark.contains("no column 'no_such_column'"), onSpark);
        Checks fluent = Checks.named("c").isBetween("kw_match", 0, 1);
        assertEquals(
                assertThrows(IllegalArgumentException.class, () -> fluent.run(OLD.table()))
                        .getMessage(),
                assertThrows(IllegalArgumentException.class, () -> SparkChecks.run(fluent, OLD.dataset(), NAME))
                        .getMessage());
        Checks missing = Checks.named("c").isComplete("gone");
        assertEquals(
                assertThrows(IllegalArgumentException.class, () -> missing.run(OLD.table()))
                        .getMessage(),
                assertThrows(IllegalArgumentException.class, () -> SparkChecks.run(missing, OLD.dataset(), NAME))
                        .getMessage());
        String predicate = assertThrows(
                        IllegalArgumentException.class,
                        () -> SparkChecks.run(Checks.named("c").satisfies("positive", r -> true), OLD.dataset(), NAME))
                .getMessage();
        assertTrue(predicate.contains("cannot run on Spark"), predicate);
    }
}
