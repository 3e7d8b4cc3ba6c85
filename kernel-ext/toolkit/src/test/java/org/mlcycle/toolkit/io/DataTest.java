package org.mlcycle.toolkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.io.csv.Csv;
import org.mlcycle.toolkit.io.csv.CsvResult;
import tech.tablesaw.api.ColumnType;

/** Data.read: the one call a notebook makes to read a file, and what it says about bad input. */
class DataTest {
    private static final String ADS = "ad_id,bid,device\n1,0.5,mobile\n2,oops,desktop\n3,1.5,tablet\n4,2.0\n";

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void givesTheTableAndAQuarantineNamingEachBadRowByLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("ads.csv");
        Files.writeString(f, ADS);
        assertEquals(
                ColumnType.STRING, Data.read(f.toString()).table().column("bid").type(), "'oops' is text");
        CsvResult r = Data.read(f, Data.optionsFor(f).withType("bid", ColumnType.DOUBLE));
        assertEquals(2, r.table().rowCount());
        assertEquals(ColumnType.DOUBLE, r.table().column("bid").type());
        assertEquals(2, r.quarantine().rejectedCount());
        assertEquals(3, r.quarantine().rejected().get(0).line());
        assertEquals(
                "column 'bid': 'oops' is not a number",
                r.quarantine().rejected().get(0).reason());
        assertEquals(5, r.quarantine().rejected().get(1).line());
        assertEquals(
                "expected 3 fields, found 2", r.quarantine().rejected().get(1).reason());
        String text = r.toText();
        assertTrue(text.startsWith("csv 'ads': 2 rows read, 2 quarantined (50.00%)"), text);
        assertTrue(text.contains("line 3: column 'bid': 'oops' is not a number"), text);
        assertTrue(r.toHtml().contains("<td>3</td>"), r.toHtml());
    }

    @Test
    void readsGzipAndTabSeparatedFilesByTheirNames(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("ads.csv.gz");
        gzip(gz, ADS);
        CsvResult r = Data.read(gz);
        assertEquals("ads", r.table().name());
        assertEquals(3, r.table().rowCount());
        Path tsv = dir.resolve("users.tsv");
        Files.writeString(tsv, "user_id\tdevice\n1\tmobile\n2\tdesktop\n");
        assertEquals(2, Data.read(tsv).table().columnCount());
    }

    @Test
    void refusesAGzipFileNamedCsv(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("ads.csv");
        gzip(f, ADS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Data.read(f));
        assertEquals(
                "csv: 'ads.csv' is not CSV text: it looks like gzip-compressed data (gunzip it, or name it .gz)",
                e.getMessage());
    }

    @Test
    void refusesAFileNamedGzThatIsNot(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("ads.csv.gz");
        Files.writeString(f, ADS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Data.read(f));
        assertTrue(e.getMessage().startsWith("read: '" + f + "' is named .gz but is not gzip data"), e.getMessage());
    }

    @Test
    void refusesOtherBinaryFilesByName(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("ads.csv");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        assertEquals(
                "csv: 'ads.csv' is not CSV text: it looks like a zip archive (an .xlsx workbook is one; export it as CSV)",
                assertThrows(IllegalArgumentException.class, () -> Data.read(zip))
                        .getMessage());
        Path bin = dir.resolve("model.csv");
        Files.write(bin, new byte[] {'a', ',', 'b', '\n', 1, 0, 2});
        assertEquals(
                "csv: 'model.csv' is not CSV text: it looks like binary data (a NUL byte at offset 5)",
                assertThrows(IllegalArgumentException.class, () -> Data.read(bin))
                        .getMessage());
    }

    @Test
    void refusesAHeaderWiderThanTheLimitBeforeSettingUpItsColumns(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("wide.csv");
        StringBuilder header = new StringBuilder("c0");
        for (int i = 1; i <= Csv.MAX_COLUMNS; i++) {
            header.append(",c").append(i);
        }
        Files.writeString(f, header + "\n1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Data.read(f));
        assertEquals(
                "csv: 'wide' line 1 has 100,001 fields; more than 100,000 columns is not a table this reader reads"
                        + " (wrong separator, or not a CSV file?)",
                e.getMessage());
    }

    @Test
    void aFileWithNoReadableRowIsAnErrorNotAnEmptyTable(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bids.csv");
        Files.writeString(f, "ad_id,bid\n1,0.5,x\n2,0.7,y\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Data.read(f));
        assertEquals(
                "csv: 'bids' has no readable row: all 2 rows were quarantined; the first, line 2: expected 2 fields,"
                        + " found 3",
                e.getMessage());
    }
}
