package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.drift.DriftWindows;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DriftMagicsTest {
    private final VariablesKernel kernel = VariablesKernel.mlcycle();

    /** 100 rows over {@code days} days: bid = i + shift, device alternating. */
    private static Table ads(String name, double shift, int days) {
        double[] bid = new double[100];
        String[] device = new String[100];
        LocalDate[] day = new LocalDate[100];
        for (int i = 0; i < 100; i++) {
            bid[i] = i + shift;
            device[i] = i % 2 == 0 ? "mobile" : "desktop";
            day[i] = LocalDate.of(2024, 3, 1).plusDays(i % days);
        }
        return Table.create(
                name,
                DateColumn.create("day", day),
                StringColumn.create("device", device),
                DoubleColumn.create("bid", bid));
    }

    @Test
    @DisplayName("%drift flags the column that moved and leaves the one that did not")
    void driftBetweenTwoTables() throws Exception {
        kernel.with("lastMonth", ads("lastMonth", 0, 30)).with("yesterday", ads("yesterday", 60, 30));

        DriftReport report =
                assertInstanceOf(DriftReport.class, kernel.line("drift", "lastMonth", "yesterday", "--ignore", "day"));

        assertTrue(report.column("bid").drifted());
        assertFalse(report.column("device").drifted());
        assertEquals(
                List.of("bid"), report.drifted().stream().map(c -> c.name()).toList());
        assertTrue(kernel.html(report).contains("bid"));
    }

    @Test
    @DisplayName("%drift --bins, --columns and --categorical reach the comparison")
    void driftOptions() throws Exception {
        kernel.with("ref", ads("ref", 0, 30)).with("cur", ads("cur", 60, 30));

        DriftReport report = (DriftReport)
                kernel.line("drift", "ref", "cur", "--bins=20", "--columns", "bid,device", "--categorical", "bid");

        assertEquals(20, report.options().bins());
        assertEquals(
                List.of("device", "bid"),
                report.columns().stream().map(c -> c.name()).toList());
        assertFalse(report.column("bid").numeric(), "compared as categories");
    }

    @Test
    @DisplayName("%drift --by TIME --window and %drift_windows compare the current table window by window")
    void driftOverTime() throws Exception {
        kernel.with("ref", ads("ref", 0, 30)).with("cur", ads("cur", 0, 4));

        DriftWindows daily = assertInstanceOf(
                DriftWindows.class, kernel.line("drift", "ref", "cur", "--by", "day", "--window", "1d"));
        DriftWindows twoDays = (DriftWindows) kernel.line("drift_windows", "ref", "cur", "day", "2d");
        DriftWindows weekly = (DriftWindows) kernel.line("drift_windows", "ref", "cur", "day", "P7D");

        assertEquals(4, daily.windows().size());
        assertEquals(Duration.ofDays(2), twoDays.window());
        assertEquals(2, twoDays.windows().size());
        assertEquals(1, weekly.windows().size());
        assertEquals("day", daily.timeColumn());
    }

    @Test
    @DisplayName("%drift misuse: one line naming the problem and the usage; toolkit messages pass through")
    void driftErrors() {
        kernel.with("ref", ads("ref", 0, 30)).with("cur", ads("cur", 0, 4)).with("ads2", "ads.csv");

        IllegalArgumentException oneTable =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("drift", "ref"));
        IllegalArgumentException notTable =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("drift", "ref", "ads2"));
        IllegalArgumentException window = assertThrows(
                IllegalArgumentException.class, () -> kernel.line("drift_windows", "ref", "cur", "day", "weekly"));
        IllegalArgumentException noLength = assertThrows(
                IllegalArgumentException.class, () -> kernel.line("drift_windows", "ref", "cur", "day", "0d"));
        IllegalArgumentException windowAlone = assertThrows(
                IllegalArgumentException.class, () -> kernel.line("drift", "ref", "cur", "--window", "1d"));
        IllegalArgumentException column = assertThrows(
                IllegalArgumentException.class, () -> kernel.line("drift", "ref", "cur", "--columns", "price"));
        IllegalArgumentException noTime =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("drift_windows", "ref", "cur"));
        IllegalArgumentException flag =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("drift", "ref", "cur", "-v"));
        IllegalArgumentException time =
                assertThrows(IllegalArgumentException.class, () -> kernel.line("drift", "ref", "cur", "--by", "bid"));

        assertEquals("missing CUR; usage: " + DriftMagics.DRIFT_USAGE, oneTable.getMessage());
        assertEquals("'ads2' is String, not a Tablesaw Table", notTable.getMessage());
        assertEquals(
                "'weekly' is not a window length (30m, 12h, 1d, 2w, P1D); usage: " + DriftMagics.WINDOWS_USAGE,
                window.getMessage());
        assertEquals("drift: the window must be a positive duration, got PT0S", noLength.getMessage());
        assertTrue(windowAlone.getMessage().startsWith("--window needs --by TIME; usage: "));
        assertEquals("drift: no column 'price' in table 'ref' (has: day, device, bid)", column.getMessage());
        assertEquals("missing TIME; usage: " + DriftMagics.WINDOWS_USAGE, noTime.getMessage());
        assertEquals("unknown option -v; usage: " + DriftMagics.DRIFT_USAGE, flag.getMessage());
        assertEquals("drift: time column 'bid' in table 'cur' is DOUBLE, not a date or date-time", time.getMessage());
    }
}
