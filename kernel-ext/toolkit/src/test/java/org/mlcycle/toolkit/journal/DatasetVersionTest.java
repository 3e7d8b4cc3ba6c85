package org.mlcycle.toolkit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;

class DatasetVersionTest {
    @TempDir
    Path dir;

    private static Table ads(int rows) {
        int[] clicks = new int[rows];
        for (int i = 0; i < rows; i++) {
            clicks[i] = i % 7;
        }
        return Table.create("ads", IntColumn.create("clicks", clicks));
    }

    @Test
    @DisplayName("snapshots number versions per name, and an unchanged table adds no version")
    void versionsPerName() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            DatasetVersion first = journal.snapshot(ads(100));
            DatasetVersion again = journal.snapshot(ads(100));
            DatasetVersion second = journal.snapshot(ads(120), "ads", "ads@1");

            assertEquals("ads@1", first.ref());
            assertEquals(first, again);
            assertEquals("ads@2", second.ref());
            assertEquals("ads@1", second.parent());
            assertEquals(120, second.rows());
            assertEquals(List.of("clicks:integer"), second.schema());
            assertEquals(2, journal.datasets().size());
            assertTrue(
                    second.toText().startsWith("ads@2  " + second.shortHash() + "  120 rows × 1 columns  from ads@1"));
        }
    }

    @Test
    @DisplayName("restore brings back every column type, value and missing cell, by name@version or latest by name")
    void restoreRoundTrip() {
        Table t = Table.create(
                "mixed",
                ShortColumn.create("s", new short[] {1, 2}),
                IntColumn.create("i", 1, Integer.MIN_VALUE + 1),
                LongColumn.create("l", 5_000_000_000L, -1L),
                FloatColumn.create("f", 0.1f, Float.NaN),
                DoubleColumn.create("d", Math.PI, Double.NaN),
                BooleanColumn.create("b", true, false),
                StringColumn.create("str", "NA", ""),
                StringColumn.create("long", "x".repeat(70_000), "short"),
                DateColumn.create("date", LocalDate.of(2024, 3, 1), null),
                TimeColumn.create("time", LocalTime.of(13, 5, 7), null),
                DateTimeColumn.create("dt", LocalDateTime.of(2024, 3, 1, 9, 30, 15), null),
                InstantColumn.create("at", Instant.parse("2024-03-01T09:30:15.123Z"), null));
        t.booleanColumn("b").setMissing(1);

        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.snapshot(t);
            journal.snapshot(ads(3), "mixed");
            Table back = journal.restore("mixed@1");

            assertEquals("mixed", back.name());
            assertEquals(t.columnNames(), back.columnNames());
            for (int c = 0; c < t.columnCount(); c++) {
                ColumnType type = t.column(c).type();
                assertEquals(type, back.column(c).type(), t.column(c).name());
                for (int r = 0; r < t.rowCount(); r++) {
                    assertEquals(
                            t.column(c).isMissing(r),
                            back.column(c).isMissing(r),
                            t.column(c).name() + " row " + r);
                    assertEquals(
                            t.column(c).getUnformattedString(r), back.column(c).getUnformattedString(r));
                }
            }
            assertEquals("NA", back.stringColumn("str").get(0), "the text NA stays text");
            assertEquals(ContentHash.of(t), ContentHash.of(back));
            assertEquals(3, journal.restore("mixed").rowCount(), "a bare name is the latest version");
        }
    }

    @Test
    @DisplayName("restoring an unknown version fails in one line naming the file, the operation and what exists")
    void restoreUnknown() {
        Path file = dir.resolve("j.sqlite");
        try (Journal journal = Journal.open(file)) {
            journal.snapshot(ads(5));
            journal.snapshot(ads(6));

            JournalException e = assertThrows(JournalException.class, () -> journal.restore("ads@9"));
            assertEquals(
                    "journal " + file + ": restore 'ads@9': no such dataset version; ads has versions 1 to 2",
                    e.getMessage());
            JournalException none = assertThrows(JournalException.class, () -> journal.restore("clicks"));
            assertTrue(none.getMessage().endsWith("there is no dataset 'clicks' (known: ads)"), none.getMessage());
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> journal.restore("ads@x"));
            assertEquals(
                    "restore: 'ads@x' is not name or name@version (version a whole number from 1)", bad.getMessage());
        }
    }

    @Test
    @DisplayName("a snapshot with an unknown parent writes nothing and says which parent")
    void unknownParentWritesNothing() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.snapshot(ads(5));

            JournalException e = assertThrows(JournalException.class, () -> journal.snapshot(ads(6), "ads", "raw@1"));

            assertTrue(
                    e.getMessage().endsWith("snapshot 'ads': the parent raw@1 is not in the journal"), e.getMessage());
            assertEquals(1, journal.datasets().size());
            assertNull(journal.datasets().get(0).parent());
        }
    }

    @Test
    @DisplayName("a table without a name, or with @ in the name, is refused before anything is written")
    void badNames() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            Table unnamed = Table.create(IntColumn.create("x", 1));

            assertThrows(IllegalArgumentException.class, () -> journal.snapshot(unnamed));
            IllegalArgumentException at =
                    assertThrows(IllegalArgumentException.class, () -> journal.snapshot(ads(2), "a@b"));
            assertEquals("snapshot 'a@b': a dataset name cannot contain '@'", at.getMessage());
            assertTrue(journal.datasets().isEmpty());
            assertFalse(journal.dataset("ads").isPresent());
        }
    }

    @Test
    @DisplayName("a dataset version renders as text, HTML and a record")
    void rendersItself() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            DatasetVersion v = journal.snapshot(ads(10));

            assertTrue(v.toHtml().contains("<b>ads@1</b>"));
            assertEquals("ads@1", v.toRecord().get("ref"));
            assertSame(v.hash(), v.toRecord().get("hash"));
        }
    }
}
