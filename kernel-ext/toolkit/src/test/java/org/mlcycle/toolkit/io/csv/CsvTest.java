package org.mlcycle.toolkit.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class CsvTest {

    private static CsvResult read(String text) throws IOException {
        return Csv.read(new StringReader(text), "ads", CsvOptions.defaults());
    }

    @Test
    void keepsRowsWithTheWrongNumberOfFieldsAsideWithTheirLineNumbers() throws IOException {
        CsvResult r = read("id,bid,country\n1,0.5,US\n2,0.7\n3,0.9,GB,extra\n4,1.1,FR\n");
        assertEquals(2, r.table().rowCount());
        assertEquals(2, r.quarantine().rejectedCount());
        assertEquals(3, r.quarantine().rejected().get(0).line());
        assertEquals(
                "expected 3 fields, found 2", r.quarantine().rejected().get(0).reason());
        assertEquals(4, r.quarantine().rejected().get(1).line());
        assertEquals("3,0.9,GB,extra", r.quarantine().rejected().get(1).text());
    }

    @Test
    void namesTheColumnAndTheTextOfACellThatIsNotANumber() throws IOException {
        CsvOptions bidIsNumber = CsvOptions.defaults().withType("bid", ColumnType.DOUBLE);
        CsvResult r = Csv.read(new StringReader("id,bid\n1,0.5\n2,abc\n3,0.25\n"), "ads", bidIsNumber);
        assertEquals(List.of(0.5, 0.25), r.table().doubleColumn("bid").asList());
        RejectedRow bad = r.quarantine().rejected().get(0);
        assertEquals(3, bad.line());
        assertEquals("column 'bid': 'abc' is not a number", bad.reason());
        assertTrue(r.quarantine().toText().startsWith("csv 'ads': 2 rows read, 1 quarantined (33.33%)"));
    }

    @Test
    void aRowLaterThanTheTypeSampleIsQuarantinedWhenItsCellDoesNotFit() throws IOException {
        CsvOptions small = CsvOptions.defaults().withSampleRows(2);
        CsvResult r = Csv.read(new StringReader("x\n1\n2\n3\nfour\n5\n"), "t", small);
        assertEquals("DOUBLE", r.quarantine().types().get("x"));
        assertEquals(4, r.table().rowCount());
        assertEquals(5, r.quarantine().rejected().get(0).line());
    }

    @Test
    void aCountryCodeNaStaysAValueAndIsReportedAsKept() throws IOException {
        CsvResult r = read("country,clicks\nUS,1\nNA,2\n,3\nNA,4\n");
        Table t = r.table();
        assertEquals("NA", t.stringColumn("country").get(1));
        assertEquals(1, t.stringColumn("country").countMissing());
        assertEquals(Map.of("NA", 2L), r.quarantine().keptAsValues().get("country"));
        assertEquals(Map.of("", 1L), r.quarantine().readAsMissing().get("country"));
        assertTrue(r.quarantine().toText().contains("kept as values in 'country': \"NA\" x2"));
    }

    @Test
    void tokensListedAsMissingAreCountedPerColumn() throws IOException {
        CsvOptions na = CsvOptions.defaults().withMissingTokens("", "NA");
        CsvResult r = Csv.read(new StringReader("country,bid\nUS,1\nNA,NA\n,3\n"), "t", na);
        assertEquals(2, r.table().stringColumn("country").countMissing());
        assertEquals(1, r.table().doubleColumn("bid").countMissing());
        assertEquals(Map.of("NA", 1L, "", 1L), r.quarantine().readAsMissing().get("country"));
        assertEquals(Map.of("NA", 1L), r.quarantine().readAsMissing().get("bid"));
    }

    @Test
    void aNaInANumberColumnIsQuarantinedWithAHintRatherThanReadAsNaN() throws IOException {
        CsvResult r = read("bid\n1\n2\nNA\n");
        assertEquals(2, r.table().rowCount());
        assertEquals(
                "column 'bid': 'NA' is not a number (list it in missingTokens to read it as missing)",
                r.quarantine().rejected().get(0).reason());
    }

    @Test
    void aQuotedFieldMaySpanLinesAndLaterLineNumbersStayPhysical() throws IOException {
        CsvResult r = read("id,note\n1,\"two\nlines\"\n2,\"say \"\"hi\"\"\"\n3\n");
        assertEquals("two\nlines", r.table().stringColumn("note").get(0));
        assertEquals("say \"hi\"", r.table().stringColumn("note").get(1));
        assertEquals(5, r.quarantine().rejected().get(0).line());
    }

    @Test
    void anUnclosedQuoteQuarantinesTheRestOfTheFileAsOneRow() throws IOException {
        CsvResult r = read("id,note\n1,ok\n2,\"open\n3,x\n");
        assertEquals(1, r.table().rowCount());
        assertEquals(
                "quote opened on line 3 is never closed",
                r.quarantine().rejected().get(0).reason());
    }

    @Test
    void infersNumbersBooleansDatesAndTextAndHonoursGivenTypes() throws IOException {
        CsvOptions opts = CsvOptions.defaults().withType("id", ColumnType.STRING);
        CsvResult r = Csv.read(
                new StringReader("id,x,ok,day,ts,name\n"
                        + "1,1.5,true,2024-03-01,2024-03-01 10:00,a\n"
                        + "2,,FALSE,2024-03-02,2024-03-02T11:30:00,b\n"),
                "t",
                opts);
        assertEquals(
                Map.of(
                        "id",
                        "STRING",
                        "x",
                        "DOUBLE",
                        "ok",
                        "BOOLEAN",
                        "day",
                        "LOCAL_DATE",
                        "ts",
                        "LOCAL_DATE_TIME",
                        "name",
                        "STRING"),
                r.quarantine().types());
        assertEquals(Double.NaN, r.table().doubleColumn("x").getDouble(1));
        assertFalse(r.table().booleanColumn("ok").get(1));
        assertEquals(ColumnType.STRING, r.table().column("id").type());
    }

    @Test
    void anEmptyFileIsAOneLineErrorNamingIt(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("batch.csv"), "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csv.read(empty));
        assertEquals("csv: 'batch' is empty: no header line", e.getMessage());
    }

    @Test
    void aMissingFileAndADuplicateHeaderAreOneLineErrors(@TempDir Path dir) throws IOException {
        Path nowhere = dir.resolve("nope.csv");
        assertEquals(
                "csv: no file '" + nowhere + "'",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(nowhere))
                        .getMessage());
        Path dup = Files.writeString(dir.resolve("dup.csv"), "a,b,a\n1,2,3\n");
        assertEquals(
                "csv: 'dup' line 1: column 'a' appears twice in the header",
                assertThrows(IllegalArgumentException.class, () -> Csv.read(dup))
                        .getMessage());
    }

    @Test
    void aTypeForAColumnNotInTheHeaderIsRefused() {
        CsvOptions opts = CsvOptions.defaults().withType("price", ColumnType.DOUBLE);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Csv.read(new StringReader("bid\n1\n"), "t", opts));
        assertEquals(
                "csv: a type is given for column 'price' but the header of 't' has no such column (has: bid)",
                e.getMessage());
    }

    @Test
    void aFileReadsToTheSameTableAsItsText(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder("bid,device\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i % 7 == 0 ? "" : String.valueOf(i * 0.25))
                    .append(',')
                    .append(i % 2 == 0 ? "mobile" : "desktop")
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("ads.csv"), text);
        Table fromFile = Csv.read(file).table();
        Table fromText = Csv.read(new StringReader(text.toString()), "ads", CsvOptions.defaults())
                .table();
        assertEquals("ads", fromFile.name());
        assertEquals(5000, fromFile.rowCount());
        assertEquals(
                fromText.doubleColumn("bid").asList(),
                fromFile.doubleColumn("bid").asList());
        assertEquals(715, fromFile.doubleColumn("bid").countMissing());
        assertEquals(
                fromText.stringColumn("device").asList(),
                fromFile.stringColumn("device").asList());
    }

    @Test
    void windowsLineEndsAMissingFinalNewlineAndAByteOrderMarkAreHandled() throws IOException {
        CsvResult r = read("\uFEFFid,note\r\n1,\"a\r\nb\"\r\n2,last");
        assertEquals(List.of("id", "note"), r.table().columnNames());
        assertEquals(
                "a\r\nb".replace("\r", ""),
                r.table().stringColumn("note").get(0).replace("\r", ""));
        assertEquals("last", r.table().stringColumn("note").get(1));
    }

    @Test
    void recordsThatCrossTheReadersChunksStayWhole() throws IOException {
        StringBuilder text = new StringBuilder("id,note\n");
        String longNote = "x".repeat(3000);
        for (int i = 0; i < 1200; i++) {
            text.append(i).append(",\"").append(longNote).append("\n").append(i).append("\"\n");
        }
        CsvResult r = read(text.toString());
        assertEquals(1200, r.table().rowCount());
        assertEquals(longNote + "\n1199", r.table().stringColumn("note").get(1199));
        assertTrue(r.quarantine().clean());
    }

    @Test
    void blankLinesAreSkippedAndCounted() throws IOException {
        CsvResult r = read("a\n1\n\n2\n");
        assertEquals(2, r.table().rowCount());
        assertEquals(1, r.quarantine().blankLines());
        assertTrue(r.quarantine().clean());
    }

    @Test
    void theFastNumberParserAgreesWithTheJdkOnEveryPlainDecimal() {
        String[] texts = {
            "0",
            "-0",
            "1",
            "0.1",
            "0.3",
            "123.456",
            "1e5",
            "1E-5",
            "-2.5e+3",
            "0.000123",
            "3.14159265358979",
            "12345678901234567890",
            "0.1234567890123456789",
            "9007199254740993",
            "1e300",
            "4.9e-324",
            "  7.25 ",
            "+3",
            "0.010000",
            "1234567.5"
        };
        for (String t : texts) {
            assertEquals(Double.parseDouble(t.strip()), FastDouble.parse(t, 0, t.length()), t);
        }
        for (String bad : new String[] {"NaN", "Infinity", "0x1p3", "1d", "1f", ".", "-", "1e", "e5", "1.2.3", ""}) {
            assertTrue(Double.isNaN(FastDouble.parse(bad, 0, bad.length())), bad);
        }
    }

    @Test
    void aColumnTypeIsRecognisedByNameWhateverInstanceTablesawHandsOut() {
        // DoubleColumnType.instance() and ColumnType.DOUBLE can be two objects in one JVM
        ColumnType twin = tech.tablesaw.columns.numbers.DoubleColumnType.instance();
        assertFalse(CsvColumn.of("x", twin, 0) instanceof CsvColumn.Strings, "a double column read as text");
        assertFalse(CsvColumn.of("x", ColumnType.DOUBLE, 0) instanceof CsvColumn.Strings);
        assertTrue(CsvColumn.of("x", ColumnType.STRING, 0) instanceof CsvColumn.Strings);
    }
}
