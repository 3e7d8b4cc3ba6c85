package org.mlcycle.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlcycle.magics.DriftRequest;
import org.mlcycle.spark.notebook.SparkEngine;
import org.mlcycle.toolkit.drift.ColumnDrift;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.drift.DriftWindows;
import org.mlcycle.toolkit.drift.WindowDrift;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.Table;

/** Drift window by window on Spark cuts the same windows as on a table and reports the same categories. */
@Tag("spark")
class SparkDriftWindowsTest {
    private static final SparkFixture.Both DAYS = SparkFixture.write("days", withDays(SparkFixture.NEW.table()));

    @Test
    void theWindowsAndTheirRowsAreTheTables() {
        DriftWindows t = Drift.overTime(SparkFixture.OLD.table(), DAYS.table(), "date", Duration.ofDays(1));
        DriftWindows s = SparkDriftWindows.of(
                SparkFixture.OLD.dataset(),
                SparkFixture.OLD.table().name(),
                DAYS.dataset(),
                DAYS.table().name(),
                "date",
                Duration.ofDays(1),
                t.windows().get(0).report().options());
        assertEquals(3, t.windows().size(), t.toText());
        assertEquals(t.rowsWithoutTime(), s.rowsWithoutTime());
        assertEquals(1, s.rowsWithoutTime());
        assertEquals(t.windows().size(), s.windows().size(), s.toText());
        for (int i = 0; i < t.windows().size(); i++) {
            WindowDrift a = t.windows().get(i), b = s.windows().get(i);
            assertEquals(a.start(), b.start());
            assertEquals(a.end(), b.end());
            assertEquals(a.report().currentRows(), b.report().currentRows());
            assertEquals(a.report().current(), b.report().current());
            for (ColumnDrift c : a.report().columns()) {
                if (!c.numeric())
                    assertEquals(c.toRecord(), b.report().column(c.name()).toRecord(), c.name());
            }
        }
        assertTrue(s.windows().get(0).report().columns().stream()
                .noneMatch(c -> c.name().equals("date")));
    }

    @Test
    void theNotebookEngineAnswersARequestWholeOrByWindow() {
        SparkEngine engine = new SparkEngine();
        DriftRequest whole = DriftRequest.between(
                SparkFixture.OLD.dataset(), "old", DAYS.dataset(), "days", DriftOptions.defaults());

        DriftReport all = engine.drift(whole);
        DriftWindows daily = engine.driftOverTime(whole.overTime("date", Duration.ofDays(1)));

        assertEquals("old", all.reference());
        assertEquals(DAYS.table().rowCount(), all.currentRows());
        assertEquals("days", daily.current());
        assertEquals("date", daily.timeColumn());
        assertEquals(Duration.ofDays(1), daily.window());
        assertEquals(3, daily.windows().size(), daily.toText());
        assertEquals(1, daily.rowsWithoutTime());
    }

    @Test
    void aColumnThatIsNoTimeIsRefusedAsOnATable() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> SparkDriftWindows.of(
                        SparkFixture.OLD.dataset(),
                        "old",
                        DAYS.dataset(),
                        "days",
                        "nope",
                        Duration.ofDays(1),
                        DriftOptions.defaults()));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    /** The rows spread over three days, one row without a date. */
    private static Table withDays(Table t) {
        Table copy = t.copy();
        copy.setName("days");
        DateColumn date = DateColumn.create("date");
        LocalDate first = LocalDate.of(2026, 3, 28);
        for (int i = 0; i < copy.rowCount(); i++) {
            if (i == 7) date.appendMissing();
            else date.append(first.plusDays(i % 3));
        }
        return copy.addColumns(date);
    }
}
