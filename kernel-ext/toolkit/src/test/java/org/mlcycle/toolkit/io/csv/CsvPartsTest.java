package org.mlcycle.toolkit.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A file read in parts on several threads gives what reading it in one go gives. */
class CsvPartsTest {

    @TempDir
    Path dir;

    /** Rows with every kind of trouble: quotes, line ends inside quotes, CRLF, blanks, bad rows. */
    private static String awkward(int rows, long seed, boolean quotes) {
        Random r = new Random(seed);
        String[] countries = {"US", "NA", "GB", "", "Köln", "null", "FR"};
        StringBuilder b = new StringBuilder("id,bid,country,note,flag\n");
        for (int i = 0; i < rows; i++) {
            String eol = r.nextInt(5) == 0 ? "\r\n" : "\n";
            int kind = r.nextInt(40);
            if (kind == 0) {
                b.append(eol); // blank line
            } else if (kind == 1) {
                b.append(i).append(",1.5,US").append(eol); // too few fields
            } else if (kind == 2) {
                b.append(i).append(",abc,US,x,true").append(eol); // not a number
            } else if (kind == 3) {
                b.append(i).append(",NA,US,x,true").append(eol); // a suspect token in a number column
            }
            String bid = r.nextInt(10) == 0 ? "" : String.valueOf(r.nextInt(100_000) / 100.0);
            String note;
            if (quotes && r.nextInt(6) == 0) {
                note = switch (r.nextInt(4)) {
                    case 0 -> "\"line one\nline two\"";
                    case 1 -> "\"crlf\r\ninside, with comma\"";
                    case 2 -> "\"say \"\"hi\"\"\"";
                    default -> "\"\n\n\"";
                };
            } else {
                note = "n" + r.nextInt(300);
            }
            String flag = r.nextBoolean() ? "true" : r.nextInt(8) == 0 ? "" : "false";
            b.append(i).append(',').append(bid).append(',').append(countries[r.nextInt(countries.length)]);
            b.append(',').append(note).append(',').append(flag).append(eol);
        }
        return b.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertSame(CsvResult expected, CsvResult actual, String what) {
        Table e = expected.table();
        Table a = actual.table();
        assertEquals(e.columnNames(), a.columnNames(), what);
        assertEquals(e.rowCount(), a.rowCount(), what);
        for (int c = 0; c < e.columnCount(); c++) {
            Column<?> ec = e.column(c);
            Column<?> ac = a.column(c);
            assertEquals(ec.type(), ac.type(), what + " " + ec.name());
            assertTrue(ec.asList().equals(ac.asList()), what + " " + ec.name());
            assertEquals(ec.countMissing(), ac.countMissing(), what + " " + ec.name());
        }
        Quarantine eq = expected.quarantine();
        Quarantine aq = actual.quarantine();
        assertEquals(eq.rejectedCount(), aq.rejectedCount(), what);
        assertEquals(eq.rejected(), aq.rejected(), what);
        assertEquals(eq.readAsMissing(), aq.readAsMissing(), what);
        assertEquals(eq.keptAsValues(), aq.keptAsValues(), what);
        assertEquals(eq.toText(), aq.toText(), what);
    }

    @Test
    void partsCutAnywhereGiveTheSameTableAndQuarantineAsOneGo() throws IOException {
        for (boolean quotes : new boolean[] {false, true}) {
            String text = awkward(3000, quotes ? 7 : 8, quotes);
            Path p = write("ads.csv", text);
            CsvOptions o = CsvOptions.defaults().withSampleRows(50);
            CsvResult oneGo = Csv.read(new StringReader(text), "ads", o);
            assertTrue(oneGo.quarantine().rejectedCount() > 50, "the file has bad rows");
            assertSame(oneGo, Csv.read(p, o, 1, 1 << 20), "one thread");
            for (long part : new long[] {1, 7, 64, 333, 4096}) {
                for (int threads : new int[] {2, 3}) {
                    assertSame(oneGo, Csv.read(p, o, threads, part), "quotes " + quotes + " part " + part);
                }
            }
        }
    }

    @Test
    void aQuoteThatIsNeverClosedIsReportedWithItsLineWhenReadInParts() throws IOException {
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < 500; i++) {
            b.append(i).append(",a\n");
        }
        b.append("500,\"open\n");
        for (int i = 501; i < 600; i++) {
            b.append(i).append(",b\n");
        }
        Path p = write("open.csv", b.toString());
        CsvOptions o = CsvOptions.defaults().withSampleRows(10);
        CsvResult oneGo = Csv.read(new StringReader(b.toString()), "open", o);
        CsvResult parts = Csv.read(p, o, 2, 16);
        assertSame(oneGo, parts, "unclosed");
        assertEquals(500, parts.table().rowCount());
        assertEquals(502, parts.quarantine().rejected().get(0).line());
        assertEquals(
                "quote opened on line 502 is never closed",
                parts.quarantine().rejected().get(0).reason());
    }

    @Test
    void lineNumbersOfLaterPartsCountTheLinesOfEarlierOnes() throws IOException {
        StringBuilder b = new StringBuilder("\uFEFFx,y\r\n");
        for (int i = 0; i < 1000; i++) {
            b.append(i == 777 ? "bad,row,here" : i + ",\"q\nq\"").append("\r\n");
            if (i % 100 == 0) {
                b.append("\r\n");
            }
        }
        Path p = write("lines.csv", b.toString());
        CsvOptions o = CsvOptions.defaults().withSampleRows(10);
        CsvResult r = Csv.read(p, o, 2, 32);
        assertSame(Csv.read(new StringReader(b.toString()), "lines", o), r, "lines");
        assertEquals(List.of("x", "y"), r.table().columnNames());
        assertEquals(999, r.table().rowCount());
        assertEquals(1, r.quarantine().rejectedCount());
        // header, 777 two-line records, 8 blank lines before it
        assertEquals(1 + 777 * 2 + 8 + 1, r.quarantine().rejected().get(0).line());
        assertEquals("q\nq", r.table().stringColumn("y").get(0));
    }

    @Test
    void textColumnsReadInPartsAreTheColumnsAppendingWouldBuild() throws IOException {
        // 300 distinct values: more than a byte dictionary holds; "" and missing cells among them
        for (int distinct : new int[] {5, 300}) {
            StringBuilder b = new StringBuilder("k,i\n");
            List<String> values = new ArrayList<>();
            Random r = new Random(distinct);
            for (int i = 0; i < 5000; i++) {
                String v = r.nextInt(20) == 0 ? "" : "v" + r.nextInt(distinct);
                values.add(v);
                b.append(v).append(',').append(i).append('\n');
            }
            Path p = write("k.csv", b.toString());
            CsvOptions o = CsvOptions.defaults().withType("k", ColumnType.STRING);
            StringColumn read = Csv.read(p, o, 2, 100).table().stringColumn("k");
            StringColumn appended = StringColumn.create("k");
            values.forEach(v -> {
                if (v.isEmpty()) {
                    appended.appendMissing();
                } else {
                    appended.append(v);
                }
            });
            assertTrue(appended.asList().equals(read.asList()), "values in order");
            assertEquals(appended.countMissing(), read.countMissing());
            assertEquals(appended.countUnique(), read.countUnique());
            assertEquals(appended.unique().asList(), read.unique().asList());
            assertEquals(
                    appended.countByCategory().stringColumn(0).asList(),
                    read.countByCategory().stringColumn(0).asList());
            assertEquals(
                    appended.countByCategory().intColumn(1).asList(),
                    read.countByCategory().intColumn(1).asList());
            assertEquals(appended.isEqualTo("v3").size(), read.isEqualTo("v3").size());
            // the column stays usable: new values get keys of their own
            read.append("brand new");
            read.append("v1");
            read.appendMissing();
            assertEquals("brand new", read.get(read.size() - 3));
            assertEquals("v1", read.get(read.size() - 2));
            assertEquals(appended.countMissing() + 1, read.countMissing());
            assertEquals(appended.countUnique() + 1, read.countUnique());
        }
    }
}
