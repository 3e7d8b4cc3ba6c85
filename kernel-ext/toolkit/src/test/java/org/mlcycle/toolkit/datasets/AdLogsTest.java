package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Real ad-log formats, read from tiny hand-made files shaped like the published ones. */
class AdLogsTest {

    private static Path sample(String name) {
        try {
            return Path.of(AdLogsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsKddCup2012TrainingRowsWithTypedColumns() {
        Table t = AdLogs.kddCup2012(sample("kdd-training-sample.txt"));
        assertEquals(4, t.rowCount());
        assertEquals(12, t.columnCount());
        assertEquals("Click", t.column(0).name());
        assertEquals(ColumnType.LONG, t.column("DisplayURL").type());
        assertEquals(ColumnType.INTEGER, t.column("QueryID").type());
        assertEquals(
                -4769113752200542281L, t.longColumn("DisplayURL").getLong(3), "unsigned 64-bit hash kept bit for bit");
        assertEquals(5, (int) t.intColumn("Impression").sum());
        assertEquals(1, (int) t.intColumn("Click").sum());
    }

    @Test
    void readsTheCommittedImpressionsFileAsKddWithDayAndPolicy() {
        Path file = DatasetFilesTest.committed().resolve("impressions.tsv");
        Table t = AdLogs.kddCup2012(file);
        assertEquals(
                Manifest.read(DatasetFilesTest.committed())
                        .entry("impressions.tsv")
                        .rows(),
                t.rowCount());
        assertEquals(14, t.columnCount());
        assertEquals("Policy", t.column(13).name());
        assertEquals(2, t.stringColumn("Policy").countUnique());
        assertEquals(100, AdLogs.kddCup2012(file, 100).rowCount());
    }

    @Test
    void namesTheFileLineAndFieldOfAMalformedKddValue(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("training.txt");
        Files.writeString(
                f,
                "0\t1\t42\t7\t385\t3\t3\t1601\t5521\t7709\t576\t490234\n0\t1\t42\t7\tabc\t3\t3\t1601\t5521\t7709\t576\t490234\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdLogs.kddCup2012(f));
        assertEquals(
                "kddcup2012: " + f + " line 2, field 5 (AdvertiserID): 'abc' is not a 32-bit integer", e.getMessage());
        Files.writeString(f, "0\t1\t42\t7\t385\t3\t3\t1601\t5521\t7709\t576\t490234\n0\t1\t42\n");
        e = assertThrows(IllegalArgumentException.class, () -> AdLogs.kddCup2012(f));
        assertEquals(
                "kddcup2012: " + f + " line 2 has 3 fields, expected 12 (or 14 with Day and Policy)", e.getMessage());
    }

    @Test
    void readsCriteoWithEmptyFieldsAsMissing() {
        Table t = AdLogs.criteo(sample("criteo-sample.txt"));
        assertEquals(3, t.rowCount());
        assertEquals(40, t.columnCount());
        assertEquals(ColumnType.INTEGER, t.column("I13").type());
        assertEquals(ColumnType.STRING, t.column("C26").type());
        assertEquals(1, (int) t.intColumn("label").sum());
        assertEquals(3, t.intColumn("I12").countMissing());
        assertEquals(1, t.intColumn("I1").countMissing());
        assertEquals("68fd1e64", t.stringColumn("C1").getString(0));
        assertEquals(3, t.stringColumn("C22").countMissing());
    }

    @Test
    void refusesACriteoLineWithAMissingLabel(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("train.txt");
        Files.writeString(f, "\t1" + "\t".repeat(38) + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdLogs.criteo(f));
        assertEquals("criteo: " + f + " line 1, field 1 (label): '' is empty", e.getMessage());
    }

    @Test
    void readsAvazuWithHourAsADateTimeAndIdsAsText() {
        Table t = AdLogs.avazu(sample("avazu-sample.csv"));
        assertEquals(3, t.rowCount());
        assertEquals(24, t.columnCount());
        assertEquals(ColumnType.LOCAL_DATE_TIME, t.column("hour").type());
        assertEquals(
                LocalDateTime.of(2014, 10, 29, 23, 0), t.dateTimeColumn("hour").get(2));
        assertEquals("10000169349117863715", t.stringColumn("id").getString(1));
        assertEquals(-1, t.intColumn("C20").getInt(0));
    }

    @Test
    void readsAGzippedAvazuTestFileWithoutClicks(@TempDir Path dir) throws IOException {
        String csv = "id,hour,C1,banner_pos,site_id,site_domain,site_category,app_id,app_domain,app_category,device_id,"
                + "device_ip,device_model,device_type,device_conn_type,C14,C15,C16,C17,C18,C19,C20,C21\n"
                + "1,14103100,1005,0,a,b,c,d,e,f,g,h,i,1,0,8330,320,50,761,3,175,100075,23\n";
        Path f = dir.resolve("test.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        Table t = AdLogs.avazu(f);
        assertEquals(1, t.rowCount());
        assertTrue(!t.containsColumn("click"));
    }

    @Test
    void namesAnUnknownAvazuColumnAndABadHour(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("train.csv");
        Files.writeString(f, "id,clicks,hour\n1,0,14102100\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdLogs.avazu(f));
        assertTrue(
                e.getMessage()
                        .startsWith("avazu: " + f
                                + " line 1, field 2: unknown column 'clicks' (expected: id, click, hour,"),
                e.getMessage());
        String header = Files.readAllLines(sample("avazu-sample.csv")).get(0);
        String row = Files.readAllLines(sample("avazu-sample.csv")).get(1).replace("14102100", "2014-10-21");
        Files.writeString(f, header + "\n" + row + "\n");
        e = assertThrows(IllegalArgumentException.class, () -> AdLogs.avazu(f));
        assertEquals("avazu: " + f + " line 2, field 3 (hour): '2014-10-21' is not an hour YYMMDDHH", e.getMessage());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AdLogs.criteo(dir.resolve("day_0")));
        assertEquals("criteo: no file " + dir.resolve("day_0"), e.getMessage());
    }

    @Test
    void aGzipFileWithoutGzInItsNameIsRefusedAsSuch(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("train.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(Files.readAllBytes(sample("avazu-sample.csv")));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdLogs.avazu(f));
        assertEquals(
                "csv: 'train.csv' is not CSV text: it looks like gzip-compressed data (gunzip it, or name it .gz)",
                e.getMessage());
    }
}
