package org.mlcycle.toolkit.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class DriftWindowsTest {

    /** Reference bids 1..20; current: day 1 the same bids, day 3 the bids plus 100, and one row without a time. */
    private static Table[] tables() {
        double[] ref = new double[20];
        double[] cur = new double[41];
        LocalDateTime[] ts = new LocalDateTime[41];
        LocalDateTime day1 = LocalDate.of(2024, 3, 1).atTime(9, 0);
        for (int i = 0; i < 20; i++) {
            ref[i] = i + 1;
            cur[i] = i + 1;
            ts[i] = day1.plusMinutes(i);
            cur[20 + i] = i + 101;
            ts[20 + i] = day1.plusDays(2).plusMinutes(i);
        }
        cur[40] = 5;
        DateTimeColumn time = DateTimeColumn.create("ts", ts);
        return new Table[] {
            Table.create("march", DoubleColumn.create("bid", ref)),
            Table.create("april", DoubleColumn.create("bid", cur), time)
        };
    }

    @Test
    void eachDayIsComparedWithTheWholeReferenceAndEmptyDaysAreLeftOut() {
        Table[] t = tables();
        DriftWindows w = Drift.overTime(t[0], t[1], "ts", Duration.ofDays(1));
        assertEquals(2, w.windows().size());
        assertEquals(LocalDate.of(2024, 3, 1).atStartOfDay(), w.windows().get(0).start());
        assertEquals(LocalDate.of(2024, 3, 3).atStartOfDay(), w.windows().get(1).start());
        assertFalse(w.windows().get(0).report().column("bid").drifted());
        assertEquals(1.0, w.windows().get(1).report().column("bid").ks());
        assertTrue(w.windows().get(1).report().column("bid").drifted());
        assertEquals(Map.of("bid", 1), w.driftCounts());
        assertEquals(1, w.rowsWithoutTime());
    }

    @Test
    void theTextLeadsWithHowManyWindowsDrifted() {
        Table[] t = tables();
        String text = Drift.overTime(t[0], t[1], "ts", Duration.ofDays(1)).toText();
        assertTrue(
                text.startsWith("drift over time 'march' vs 'april' by 'ts' in PT24H windows: 1 of 2 windows drifted"),
                text);
        assertTrue(text.contains("2024-03-03       rows      20  drifted 1/1: bid"), text);
        assertTrue(text.contains("1 rows without a time were skipped"));
    }

    @Test
    void aTimeColumnThatIsNotATimeIsAOneLineError() {
        Table[] t = tables();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Drift.overTime(t[0], t[1], "bid", Duration.ofDays(1)));
        assertEquals("drift: time column 'bid' in table 'april' is DOUBLE, not a date or date-time", e.getMessage());
        assertEquals(
                List.of(),
                Drift.overTime(t[0], t[1].emptyCopy(), "ts", Duration.ofDays(1)).windows());
    }
}
