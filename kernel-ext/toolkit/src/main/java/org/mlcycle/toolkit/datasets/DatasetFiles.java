package org.mlcycle.toolkit.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * The files committed in {@code datasets/}: each one a small, fixed-size sample of a generated
 * stream, written byte for byte the same on every machine. {@link #write} writes them and their
 * {@code MANIFEST} again; a test checks that the committed bytes still equal the generator's.
 */
public final class DatasetFiles {
    /** Requests replayed through each policy for impressions.tsv (about 20,000 rows in all). */
    static final int IMPRESSION_REQUESTS = 25_000;

    /** One committed file: its name, the dataset name it answers to, and how it is made. */
    record Spec(String file, String dataset, String description) {}

    static final List<Spec> SPECS = List.of(
            new Spec("queries.csv", "ads/queries", "all 24,000 queries"),
            new Spec("ads.csv", "ads/ads", "all 10,000 ads"),
            new Spec("users.csv", "ads/users", "all 50,000 users"),
            new Spec("candidates_random_2m.csv", "ads/random-two-months-ago", "40,000 random pairs, days -60..-54"),
            new Spec(
                    "candidates_targeted_2m.csv",
                    "ads/targeted-two-months-ago",
                    "20,000 targeted pairs, days -60..-54"),
            new Spec("candidates_random_yesterday.csv", "ads/random-yesterday", "20,000 random pairs, day -1"),
            new Spec("candidates_targeted_yesterday.csv", "ads/targeted-yesterday", "15,000 targeted pairs, day -1"),
            new Spec("impressions.tsv", "ads/impressions", "yesterday's 25,000 requests through legacy and model_v1"));

    /** Folder, inside {@code datasets/}, of the larger variants made on first use (not committed). */
    public static final String GENERATED_DIR = "generated";

    /** A larger variant: generated on first use, never committed, but its checksum is in the MANIFEST. */
    record Generated(String dataset, int rows) {
        String file() {
            String base = SPECS.stream()
                    .filter(s -> s.dataset().equals(dataset))
                    .findFirst()
                    .orElseThrow()
                    .file();
            int dot = base.lastIndexOf('.');
            return GENERATED_DIR + "/" + base.substring(0, dot) + "_" + rows + base.substring(dot);
        }
    }

    static final List<Generated> GENERATED = List.of(
            new Generated("ads/random-two-months-ago", 1_000_000),
            new Generated("ads/targeted-two-months-ago", 200_000),
            new Generated("ads/targeted-yesterday", 200_000));

    private DatasetFiles() {}

    /** The committed file names, in manifest order. */
    public static List<String> files() {
        List<String> names = new ArrayList<>();
        for (Spec s : SPECS) {
            names.add(s.file());
        }
        return names;
    }

    /** The table behind a committed file, generated from {@code world}. */
    static Table table(AdWorld world, String file) {
        return switch (file) {
            case "queries.csv" -> world.queries();
            case "ads.csv" -> world.ads();
            case "users.csv" -> world.users();
            case "candidates_random_2m.csv" -> world.candidates(Source.RANDOM, Period.TWO_MONTHS_AGO, 40_000);
            case "candidates_targeted_2m.csv" -> world.candidates(Source.TARGETED, Period.TWO_MONTHS_AGO, 20_000);
            case "candidates_random_yesterday.csv" -> world.candidates(Source.RANDOM, Period.YESTERDAY, 20_000);
            case "candidates_targeted_yesterday.csv" -> world.candidates(Source.TARGETED, Period.YESTERDAY, 15_000);
            case "impressions.tsv" -> {
                Table legacy = world.impressions(Policy.LEGACY, Period.YESTERDAY, IMPRESSION_REQUESTS);
                Table model = world.impressions(Policy.IMPRESSIONS, Period.YESTERDAY, IMPRESSION_REQUESTS);
                yield legacy.append(model).setName("impressions");
            }
            default ->
                throw new IllegalArgumentException(
                        "datasets: no committed file '" + file + "' (has: " + String.join(", ", files()) + ")");
        };
    }

    /**
     * The bytes of a committed file. CSV files have a header; impressions.tsv has none, like KDD Cup
     * 2012's training.txt, so the KDD loader reads it as it is.
     */
    public static byte[] bytes(Table table, String file) {
        boolean tsv = file.endsWith(".tsv");
        return CsvText.encode(table, tsv ? '\t' : ',', !tsv);
    }

    /**
     * Writes every committed file and the MANIFEST into {@code dir}. The MANIFEST also lists the
     * checksums of the larger variants under {@code generated/}, which are not written here.
     */
    public static Manifest write(AdWorld world, Path dir) {
        Require.that(world != null, "datasets", "world is null");
        try {
            Files.createDirectories(dir);
            List<Manifest.Entry> entries = new ArrayList<>();
            for (Spec s : SPECS) {
                Table t = table(world, s.file());
                byte[] b = bytes(t, s.file());
                Files.write(dir.resolve(s.file()), b);
                entries.add(new Manifest.Entry(s.file(), t.rowCount(), b.length, CsvText.sha256(b)));
            }
            for (Generated g : GENERATED) {
                Table t = Datasets.generate(world, g.dataset(), g.rows());
                byte[] b = bytes(t, g.file());
                entries.add(new Manifest.Entry(g.file(), t.rowCount(), b.length, CsvText.sha256(b)));
            }
            Manifest m = new Manifest(AdWorld.GENERATOR_VERSION, world.options(), entries);
            Files.writeString(dir.resolve(Manifest.FILE), m.toText());
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("datasets: cannot write into " + dir + ": " + e.getMessage(), e);
        }
    }
}
