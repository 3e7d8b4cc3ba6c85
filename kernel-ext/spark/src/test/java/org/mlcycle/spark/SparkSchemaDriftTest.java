package org.mlcycle.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.drift.ColumnDrift;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.quality.Schema;
import org.mlcycle.toolkit.quality.SchemaOptions;
import org.mlcycle.toolkit.quality.SchemaReport;
import org.mlcycle.toolkit.stats.NumericValues;

/** Schema and drift on Spark agree with the table path on the same two files. */
@Tag("spark")
class SparkSchemaDriftTest {
    private static final SparkFixture.Both OLD = SparkFixture.OLD, NEW = SparkFixture.NEW;

    @Test
    void theInferredSchemaAndItsAnomaliesAreTheTables() {
        SchemaOptions o = new SchemaOptions(20, true, 0.01, 0.0);
        Schema t = Schema.infer(OLD.table(), o);
        Schema s = SparkSchema.infer(OLD.dataset(), OLD.table().name(), o);
        assertEquals(t, s);
        assertTrue(t.columns().stream().anyMatch(c -> c.hasDomain()), t.toText());
        SchemaReport onTable = t.validate(NEW.table());
        SchemaReport onSpark =
                SparkSchema.validate(s, NEW.dataset(), NEW.table().name());
        assertFalse(onTable.valid(), onTable.toText());
        assertEquals(onTable, onSpark);
    }

    @Test
    void driftAgreesExactlyOnCategoriesAndOnNumbersWithFewValues() {
        DriftReport s = SparkDrift.between(
                OLD.dataset(), OLD.table().name(), NEW.dataset(), NEW.table().name());
        DriftReport t = agrees(s);
        int numbers = 0;
        for (ColumnDrift a : t.columns()) {
            if (!a.numeric()) continue;
            ColumnDrift b = s.column(a.name());
            // the driver held every column's values: the table's statistics, bins and shares, to the bit
            assertEquals(a.ks(), b.ks(), a.name());
            assertEquals(a.ksP(), b.ksP(), a.name());
            assertEquals(a.wassersteinNorm(), b.wassersteinNorm(), 1e-12 * a.wassersteinNorm(), a.name());
            assertEquals(a.drifted(), b.drifted(), a.name());
            assertEquals(a.bins(), b.bins(), a.name());
            assertEquals(a.refShares(), b.refShares(), a.name());
            assertEquals(a.curShares(), b.curShares(), a.name());
            assertEquals(a.psi(), b.psi(), a.name());
            assertEquals(a.js(), b.js(), a.name());
            numbers++;
        }
        assertTrue(numbers >= 3, t.toText());
    }

    @Test
    void sketchedNumbersAgreeWithinTheSketchBounds() {
        // no number column held on the driver: every one goes through percentile_approx
        agrees(SparkDrift.between(
                OLD.dataset(), OLD.table().name(), NEW.dataset(), NEW.table().name(), DriftOptions.defaults(), 0));
    }

    /** The table's report on the same files; {@code s} agrees with it as the class docs promise. */
    private static DriftReport agrees(DriftReport s) {
        DriftReport t = Drift.between(OLD.table(), NEW.table());
        assertEquals(t.referenceRows(), s.referenceRows());
        assertEquals(t.currentRows(), s.currentRows());
        assertEquals(t.columns().size(), s.columns().size());
        assertFalse(t.drifted().isEmpty(), t.toText());
        for (ColumnDrift a : t.columns()) {
            ColumnDrift b = s.column(a.name());
            String at = a.name();
            assertEquals(a.numeric(), b.numeric(), at);
            assertEquals(a.nRef(), b.nRef(), at);
            assertEquals(a.nCur(), b.nCur(), at);
            assertEquals(a.missingRef(), b.missingRef(), at);
            assertEquals(a.missingCur(), b.missingCur(), at);
            if (!a.numeric()) {
                assertEquals(a.toRecord(), b.toRecord(), at);
                continue;
            }
            double[] r = NumericValues.sorted(OLD.table().column(at)),
                    c = NumericValues.sorted(NEW.table().column(at));
            double ks = Approx.ksBound(r.length, c.length);
            assertEquals(a.ks(), b.ks(), ks, at + " KS D");
            double w = Approx.wassersteinBound(r[r.length - 1] - r[0], c[c.length - 1] - c[0], r.length, c.length)
                    / Math.max(Math.sqrt(variance(r)), 0.001);
            assertEquals(a.wassersteinNorm(), b.wassersteinNorm(), w, at + " W/std");
            // PSI and JS on bins cut at sketch quantiles: no proven bound, an observed tolerance
            assertEquals(a.psi(), b.psi(), 0.02, at + " PSI");
            assertEquals(a.js(), b.js(), 0.02, at + " JS");
            if (Math.abs(a.wassersteinNorm() - t.options().wasserstein()) > w) {
                assertEquals(a.drifted(), b.drifted(), at);
            }
        }
        return t;
    }

    private static double variance(double[] v) {
        double mean = 0;
        for (double x : v) mean += x / v.length;
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        return ss / v.length;
    }
}
