package org.mlcycle.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.quality.ColumnProfile;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.quality.ProfileAlert;
import org.mlcycle.toolkit.quality.ProfileOptions;
import org.mlcycle.toolkit.quality.ProfileReport;

/** The Spark profile agrees with the table's on the same file: exact, duplicate rows too (hashed). */
@Tag("spark")
class SparkProfileTest {
    private static final SparkFixture.Both OLD = SparkFixture.OLD;

    @Test
    void agreesWithTheTablePath() {
        ProfileReport t = Profile.of(OLD.table());
        ProfileReport s = SparkProfile.of(OLD.dataset(), OLD.table().name());
        assertEquals(t.rows(), s.rows());
        assertTrue(t.duplicateRows() > 0);
        assertEquals(t.duplicateRows(), s.duplicateRows());
        assertEquals(kinds(t.alerts()), kinds(s.alerts()));
        assertEquals(t.columns().size(), s.columns().size());
        for (ColumnProfile a : t.columns()) {
            ColumnProfile b = s.column(a.name());
            String at = a.name();
            assertEquals(a.type(), b.type(), at);
            assertEquals(a.count(), b.count(), at);
            assertEquals(a.missing(), b.missing(), at);
            assertEquals(a.distinct(), b.distinct(), at);
            assertEquals(a.zeros(), b.zeros(), at);
            assertEquals(a.top(), b.top(), at);
            close(a.imbalance(), b.imbalance(), 1e-9, at + " imbalance");
            if (!a.numeric()) continue;
            assertEquals(a.min(), b.min(), at);
            assertEquals(a.max(), b.max(), at);
            assertEquals(a.edges(), b.edges(), at);
            assertEquals(a.histogram(), b.histogram(), at);
            close(a.mean(), b.mean(), 1e-9, at + " mean");
            close(a.std(), b.std(), 1e-9, at + " std");
            close(a.skewness(), b.skewness(), 1e-6, at + " skewness");
            // the quantiles are exact on Spark too (percentile over the value counts, type 7)
            for (int i = 0; i < Profile.QUANTILES.size(); i++) {
                close(a.quantiles().get(i), b.quantiles().get(i), 1e-12, at + " p" + Profile.QUANTILES.get(i));
            }
        }
    }

    @Test
    void anIgnoredColumnThatIsNotThereFailsAsOnATable() {
        ProfileOptions o = ProfileOptions.defaults().withIgnored("no_such_column");
        String onTable = assertThrows(IllegalArgumentException.class, () -> Profile.of(OLD.table(), o))
                .getMessage();
        String onSpark = assertThrows(
                        IllegalArgumentException.class,
                        () -> SparkProfile.of(OLD.dataset(), OLD.table().name(), o))
                .getMessage();
        assertEquals(onTable, onSpark);
        assertTrue(onSpark.contains("no_such_column"), onSpark);
    }

    private static List<String> kinds(List<ProfileAlert> alerts) {
        return alerts.stream().map(a -> a.kind() + " " + a.column()).toList();
    }

    static void close(double expected, double actual, double relative, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), what);
    }
}
