package org.mlcycle.toolkit.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The committed files can never silently differ from what the generator makes. */
class DatasetFilesTest {

    /** The repository's datasets folder, found from the module's working directory upwards. */
    static Path committed() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("datasets").resolve(Manifest.FILE))) {
                return p.resolve("datasets");
            }
            p = p.getParent();
        }
        throw new IllegalStateException(
                "no datasets/MANIFEST above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theCommittedFilesAreExactlyWhatTheGeneratorMakesFromTheManifestsSeed() throws IOException {
        Path dir = committed();
        Manifest m = Manifest.read(dir).verify(dir);
        AdWorldOptions options =
                AdWorldOptions.defaults().withSeed(m.seed()).withB0(m.b0()).withC0(m.c0());
        assertEquals(AdWorldOptions.defaults(), options, "the manifest was made with the default world");
        assertEquals(AdWorld.GENERATOR_VERSION, m.generator());
        assertEquals(
                DatasetFiles.files(),
                m.entries().stream()
                        .filter(e -> !e.isGenerated())
                        .map(Manifest.Entry::file)
                        .toList());
        AdWorld world = AdWorld.create(options);
        long total = 0;
        assertEquals(
                DatasetFiles.GENERATED.stream()
                        .map(DatasetFiles.Generated::file)
                        .toList(),
                m.entries().stream()
                        .filter(Manifest.Entry::isGenerated)
                        .map(Manifest.Entry::file)
                        .toList());
        for (DatasetFiles.Generated g : DatasetFiles.GENERATED) {
            Manifest.Entry e = m.entry(g.file());
            byte[] generated = DatasetFiles.bytes(Datasets.generate(world, g.dataset(), g.rows()), g.file());
            assertNull(Manifest.mismatch(e, generated), e.file());
        }
        for (Manifest.Entry e : m.entries()) {
            if (e.isGenerated()) {
                continue;
            }
            Table t = DatasetFiles.table(world, e.file());
            byte[] generated = DatasetFiles.bytes(t, e.file());
            assertNull(Manifest.mismatch(e, generated), e.file());
            assertEquals(e.rows(), t.rowCount(), e.file());
            assertArrayEquals(Files.readAllBytes(dir.resolve(e.file())), generated, e.file());
            total += e.bytes();
        }
        assertTrue(total < 10_000_000, "committed data stays small: " + total + " bytes");
    }

    @Test
    void anEditedFileIsNamedWithBothChecksums(@TempDir Path dir) throws IOException {
        Manifest m = DatasetFiles.write(AdWorld.standard(), dir);
        Manifest.read(dir).verify(dir);
        Path users = dir.resolve("users.csv");
        List<String> lines = Files.readAllLines(users);
        lines.set(
                5,
                lines.get(5).endsWith("mobile")
                        ? lines.get(5).replace("mobile", "desktop")
                        : lines.get(5).replace("desktop", "mobile"));
        Files.write(users, lines);
        Files.delete(dir.resolve("ads.csv"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.verify(dir));
        assertTrue(
                e.getMessage()
                        .startsWith("datasets: 2 of 11 files in " + dir
                                + " differ from MANIFEST: ads.csv (missing); users.csv (sha256 "),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "MANIFEST says " + m.entry("users.csv").sha256().substring(0, 12)),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aMalformedManifestLineIsNamedByItsNumber(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(Manifest.FILE), "# generator AdWorld v1 seed=1 b0=-1 c0=-1\nabc  12  ads.csv\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifest.read(dir));
        assertEquals(
                "datasets: " + dir.resolve(Manifest.FILE)
                        + " line 2 is not 'sha256  rows  bytes  file': abc  12  ads.csv",
                e.getMessage());
        IllegalArgumentException missing =
                assertThrows(IllegalArgumentException.class, () -> Manifest.read(dir.resolve("nowhere")));
        assertEquals(
                "datasets: no MANIFEST in " + dir.resolve("nowhere") + ": there is no such folder; the lessons"
                        + " expect datasets/ beside the folder they are in",
                missing.getMessage());
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> Manifest.read(dir.getParent()));
        assertEquals("datasets: no MANIFEST in " + dir.getParent(), empty.getMessage());
    }

    @Test
    void aRelativeFolderWithoutManifestIsNamedByItsAbsolutePath() {
        Path relative = Path.of("..", "no-such-datasets-folder");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifest.read(relative));
        Path absolute = relative.toAbsolutePath().normalize();
        assertTrue(absolute.isAbsolute());
        assertEquals(
                "datasets: no MANIFEST in " + relative + " (" + absolute + "): there is no such folder; the lessons"
                        + " expect datasets/ beside the folder they are in",
                e.getMessage());
    }

    @Test
    void anUnknownFileIsRefusedWithTheListOfKnownOnes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> DatasetFiles.table(AdWorld.standard(), "clicks.csv"));
        assertTrue(
                e.getMessage().startsWith("datasets: no committed file 'clicks.csv' (has: queries.csv, ads.csv,"),
                e.getMessage());
    }
}
