package org.mlcycle.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.datasets.AdLogs;
import org.mlcycle.toolkit.journal.DatasetVersion;
import org.mlcycle.toolkit.journal.Fingerprint;
import org.mlcycle.toolkit.journal.Journal;
import tech.tablesaw.api.Table;

/**
 * Dataset versions computed on Spark agree with the table's on the same file, and the three real-log
 * formats read into Spark as {@link AdLogs} reads them: same columns, types and values, which the content
 * hash sees all of.
 */
@Tag("spark")
class SparkJournalAndLogsTest {
    @TempDir
    Path dir;

    @Test
    void theFingerprintOfAFileIsTheSameOnSparkAndOnATable() throws IOException {
        Fingerprint onTable = Fingerprint.of(SparkFixture.OLD.table());
        Fingerprint onSpark = SparkFingerprint.of(SparkFixture.OLD.dataset());
        assertEquals(onTable, onSpark);
        assertNotEquals(
                onSpark.hash(), SparkFingerprint.of(SparkFixture.NEW.dataset()).hash());
        // one row fewer is another version
        Dataset<Row> fewer = SparkFixture.OLD.dataset().limit((int) onTable.rows() - 1);
        assertNotEquals(onSpark.hash(), SparkFingerprint.of(fewer).hash());

        try (Journal journal = Journal.open(dir.resolve("journal.sqlite"))) {
            DatasetVersion table = journal.snapshot(SparkFixture.OLD.table(), "log", null);
            DatasetVersion spark = SparkFingerprint.snapshot(journal, SparkFixture.OLD.dataset(), "log", null);
            assertEquals(table, spark, "the same content is the same version, nothing new recorded");
            DatasetVersion next = SparkFingerprint.snapshot(journal, SparkFixture.NEW.dataset(), "log", "log@1");
            assertEquals(2, next.version());
            assertEquals(SparkFixture.NEW.table().rowCount(), next.rows());
        }
    }

    @Test
    void theThreeLogFormatsReadAsAdLogsReadsThem() throws IOException {
        Random r = new Random(7);
        StringBuilder kdd = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            // not 2^63 itself: it wraps to Long.MIN_VALUE, which a Tablesaw long column holds as missing
            String url = i == 3
                    ? "18446744073709551615"
                    : i == 4 ? "9223372036854775809" : Long.toString(r.nextLong() >>> 1);
            kdd.append(r.nextInt(2))
                    .append('\t')
                    .append(1 + r.nextInt(3))
                    .append('\t')
                    .append(url);
            for (int f = 0; f < 9; f++) kdd.append('\t').append(r.nextInt(100_000));
            kdd.append('\n');
        }
        StringBuilder criteo = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            criteo.append(r.nextInt(2));
            for (int f = 0; f < 13; f++)
                criteo.append('\t').append(r.nextInt(5) == 0 ? "" : Integer.toString(r.nextInt(500)));
            for (int f = 0; f < 26; f++)
                criteo.append('\t').append(r.nextInt(7) == 0 ? "" : Integer.toHexString(r.nextInt()));
            criteo.append('\n');
        }
        StringBuilder avazu = new StringBuilder("id,click,hour,C1,banner_pos,site_id,site_domain,site_category,app_id,"
                + "app_domain,app_category,device_id,device_ip,device_model,device_type,device_conn_type,C14,C15,C16,C17,"
                + "C18,C19,C20,C21\n");
        for (int i = 0; i < 200; i++) {
            avazu.append("1")
                    .append(Long.toUnsignedString(r.nextLong()))
                    .append(',')
                    .append(r.nextInt(2))
                    .append(",141021")
                    .append(String.format("%02d", r.nextInt(24)))
                    .append(",1005,")
                    .append(r.nextInt(2));
            for (int f = 0; f < 9; f++) avazu.append(',').append(Integer.toHexString(r.nextInt(1 << 20)));
            for (int f = 0; f < 10; f++) avazu.append(',').append(r.nextInt(3000));
            avazu.append('\n');
        }
        Path k = write("training.txt", kdd), c = gzip("train.txt.gz", criteo), a = write("train.csv", avazu);
        same(AdLogs.kddCup2012(k), SparkAdLogs.kddCup2012(SparkFixture.SPARK, k.toString()));
        same(AdLogs.criteo(c), SparkAdLogs.criteo(SparkFixture.SPARK, c.toString()));
        same(AdLogs.avazu(a), SparkAdLogs.avazu(SparkFixture.SPARK, a.toString()));
        assertEquals(
                -1L,
                SparkAdLogs.kddCup2012(SparkFixture.SPARK, k.toString())
                        .collectAsList()
                        .get(3)
                        .getLong(2),
                "an unsigned hash above 2^63 - 1 wraps as Long.parseUnsignedLong's does");

        Path bad = write("bad.txt", new StringBuilder("1\t1\t5\t1\t1\t1\t1\t1\t1\t1\t1\tx\n"));
        Exception e = assertThrows(
                Exception.class,
                () -> SparkAdLogs.kddCup2012(SparkFixture.SPARK, bad.toString()).collectAsList());
        assertTrue(
                String.valueOf(e.getMessage()).contains("FAILFAST")
                        || String.valueOf(e.getMessage()).contains("Malformed"),
                e.getMessage());
        Path unknown = write("odd.csv", new StringBuilder("id,clicks\n1,2\n"));
        var u = assertThrows(
                IllegalArgumentException.class, () -> SparkAdLogs.avazu(SparkFixture.SPARK, unknown.toString()));
        assertTrue(u.getMessage().contains("field 2: unknown column 'clicks'"), u.getMessage());
    }

    private static void same(Table table, Dataset<Row> ds) {
        assertEquals(table.columnNames(), List.of(ds.columns()));
        assertEquals(Fingerprint.of(table), SparkFingerprint.of(ds), table.name());
    }

    private Path write(String name, StringBuilder text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path gzip(String name, StringBuilder text) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }
}
