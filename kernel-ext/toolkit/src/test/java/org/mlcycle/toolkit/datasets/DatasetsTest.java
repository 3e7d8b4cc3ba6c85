package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class DatasetsTest {

    @Test
    void listsEveryDatasetInTheOrderOfTheStory() {
        assertEquals(
                List.of(
                        "ads/queries",
                        "ads/ads",
                        "ads/users",
                        "ads/random-two-months-ago",
                        "ads/targeted-two-months-ago",
                        "ads/random-yesterday",
                        "ads/targeted-yesterday",
                        "ads/impressions"),
                Datasets.names());
        DatasetList list = Datasets.list();
        String text = list.toText();
        assertTrue(text.startsWith("8 datasets (generator AdWorld v1, seed 2012); Datasets.load(name):"), text);
        assertTrue(
                text.lines()
                        .anyMatch(l -> l.matches(
                                " +ads/targeted-two-months-ago +20,000 rows +candidates_targeted_2m.csv +.*")),
                text);
        assertTrue(list.toHtml().contains("<td>ads/impressions</td>"));
        assertEquals(8, ((List<?>) list.toRecord().get("datasets")).size());
    }

    @Test
    void loadingByNameGivesTheCommittedBytes() {
        Manifest m = Manifest.read(DatasetFilesTest.committed());
        Table t = Datasets.load("ads/targeted-yesterday");
        assertEquals("ads/targeted-yesterday", t.name());
        Manifest.Entry e = m.entry("candidates_targeted_yesterday.csv");
        assertEquals(e.rows(), t.rowCount());
        assertEquals(e.sha256(), CsvText.sha256(DatasetFiles.bytes(t, e.file())));
    }

    @Test
    void aLargerVariantStartsWithTheCommittedRows() {
        Table committed = Datasets.load("ads/random-yesterday");
        Table larger = Datasets.load("ads/random-yesterday", 30_000);
        assertEquals(30_000, larger.rowCount());
        assertEquals(
                CsvText.sha256(CsvText.encode(committed, ',', true)),
                CsvText.sha256(CsvText.encode(larger.first(committed.rowCount()), ',', true)));
        assertEquals(20_000, Datasets.truth("ads/random-yesterday", 20_000).rowCount());
    }

    @Test
    void readingTheCommittedFileGivesTypedColumnsEqualToTheGeneratedOnes() {
        Path dir = DatasetFilesTest.committed();
        Table read = Datasets.read(dir, "ads/targeted-two-months-ago");
        Table generated = Datasets.load("ads/targeted-two-months-ago");
        assertEquals(generated.typeArray().length, read.typeArray().length);
        assertEquals(List.of(generated.typeArray()), List.of(read.typeArray()));
        assertEquals(
                CsvText.sha256(CsvText.encode(generated, ',', true)), CsvText.sha256(CsvText.encode(read, ',', true)));
        assertEquals(15_000, read.intColumn("label_b").countMissing(), 400.0);
        assertEquals(14, Datasets.read(dir, "ads/impressions").columnCount());
    }

    @Test
    void readingATamperedCopyFailsWithTheFileName(@TempDir Path dir) throws IOException {
        Path committed = DatasetFilesTest.committed();
        Files.copy(committed.resolve(Manifest.FILE), dir.resolve(Manifest.FILE));
        String ads = Files.readString(committed.resolve("ads.csv"));
        Files.writeString(dir.resolve("ads.csv"), ads.replaceFirst("\n0,", "\n0 ,"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Datasets.read(dir, "ads/ads"));
        assertTrue(
                e.getMessage().startsWith("datasets: " + dir + " differs from MANIFEST: ads.csv (sha256 "),
                e.getMessage());
    }

    @Test
    void unknownNamesAndImpossibleSizesAreRefusedInOneLine() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Datasets.load("ads/two-months-ago"));
        assertEquals(
                "datasets: no dataset 'ads/two-months-ago' (has: ads/queries, ads/ads, ads/users, ads/random-two-months-ago, "
                        + "ads/targeted-two-months-ago, ads/random-yesterday, ads/targeted-yesterday, ads/impressions)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("ads/queries", 10));
        assertEquals(
                "datasets: 'ads/queries' has a fixed size of 24,000 rows; load(name) gives all of them",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("ads/random-yesterday", -1));
        assertEquals("datasets: rows must be between 0 and 50,000,000, got -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.truth("ads/users", 3));
        assertTrue(e.getMessage().startsWith("datasets: 'ads/users' has no truth table"), e.getMessage());
    }

    @Test
    void aDatasheetNamesEveryColumnWithItsTypeAndMeaning() {
        Datasheet d = Datasets.datasheet("ads/random-two-months-ago");
        assertTrue(
                d.toText()
                        .startsWith(
                                "ads/random-two-months-ago: 40,000 rows (candidates_random_2m.csv). 40,000 random pairs"),
                d.toText());
        assertEquals(10, d.columns().size());
        for (Datasheet.Column c : d.columns()) {
            assertTrue(!c.meaning().isEmpty(), c.name());
        }
        assertEquals(
                new Datasheet.Column("label_b", "INTEGER", "labeler B on a random 25%, empty elsewhere"),
                d.columns().get(9));
        Map<String, Object> r = d.toRecord();
        assertEquals(40_000L, r.get("rows"));
        assertTrue(d.toHtml().contains("<td>kw_match</td><td>STRING</td>"));
    }

    @Test
    void aLargerVariantIsGeneratedOnFirstUseAndCheckedAgainstTheManifest(@TempDir Path dir) throws IOException {
        Files.copy(DatasetFilesTest.committed().resolve(Manifest.FILE), dir.resolve(Manifest.FILE));
        Table first = Datasets.materialize(dir, "ads/targeted-yesterday", 200_000);
        assertEquals(200_000, first.rowCount());
        Path file = dir.resolve("generated/candidates_targeted_yesterday_200000.csv");
        assertTrue(Files.isRegularFile(file));
        Manifest.Entry entry = Manifest.read(dir).entry("generated/candidates_targeted_yesterday_200000.csv");
        assertEquals(null, Manifest.mismatch(entry, Files.readAllBytes(file)));
        assertEquals(
                200_000,
                Datasets.materialize(dir, "ads/targeted-yesterday", 200_000).rowCount(),
                "read back, not remade");
        Files.writeString(file, Files.readString(file).replaceFirst("\n1,", "\n7,"));
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> Datasets.materialize(dir, "ads/targeted-yesterday", 200_000));
        assertTrue(
                e.getMessage()
                        .startsWith("datasets: " + dir
                                + " differs from MANIFEST: generated/candidates_targeted_yesterday_200000.csv"),
                e.getMessage());
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class, () -> Datasets.materialize(dir, "ads/targeted-yesterday", 123));
        assertEquals(
                "datasets: no generated variant of 'ads/targeted-yesterday' with 123 rows (has: ads/random-two-months-ago x 1000000, "
                        + "ads/targeted-two-months-ago x 200000, ads/targeted-yesterday x 200000)",
                unknown.getMessage());
    }

    @Test
    void generatorOutputThatDiffersFromTheManifestIsNeverWritten(@TempDir Path dir) throws IOException {
        String manifest = Files.readString(DatasetFilesTest.committed().resolve(Manifest.FILE));
        Manifest.Entry e =
                Manifest.read(DatasetFilesTest.committed()).entry("generated/candidates_targeted_2m_200000.csv");
        Files.writeString(dir.resolve(Manifest.FILE), manifest.replace(e.sha256(), "0".repeat(64)));
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class, () -> Datasets.materialize(dir, "ads/targeted-two-months-ago", 200_000));
        assertTrue(
                thrown.getMessage()
                        .startsWith("datasets: the generator's output differs from MANIFEST, nothing written: "
                                + "generated/candidates_targeted_2m_200000.csv (sha256 "
                                + e.sha256().substring(0, 12)),
                thrown.getMessage());
        assertTrue(!Files.exists(dir.resolve(e.file())));
    }
}
