package org.mlcycle.toolkit.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlcycle.toolkit.support.Require;

/**
 * The checksums of the committed data files: one line per file with its SHA-256, data rows and
 * bytes, under a header naming the generator version, seed and intercepts that made them. A file that
 * no longer matches is an error, never silently different data.
 *
 * @param generator generator version, e.g. "v1"
 * @param seed the world's seed
 * @param b0 the truth intercept used
 * @param c0 the click intercept used
 * @param entries one per file, in order
 */
public record Manifest(String generator, long seed, double b0, double c0, List<Entry> entries) {
    /** The manifest's file name inside {@code datasets/}. */
    public static final String FILE = "MANIFEST";

    private static final Pattern HEADER =
            Pattern.compile("# generator AdWorld (\\S+) seed=(-?\\d+) b0=(\\S+) c0=(\\S+)");
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (\\d+)  (\\d+)  (\\S+)");

    /**
     * One file of the manifest.
     *
     * @param file name inside the datasets folder
     * @param rows data rows (a CSV header is not counted)
     * @param bytes file size
     * @param sha256 lower-case hex
     */
    public record Entry(String file, long rows, long bytes, String sha256) {
        /** True for a larger variant that is generated on first use rather than committed. */
        public boolean isGenerated() {
            return file.startsWith(DatasetFiles.GENERATED_DIR + "/");
        }
    }

    public Manifest {
        entries = List.copyOf(entries);
    }

    Manifest(String generator, AdWorldOptions options, List<Entry> entries) {
        this(generator, options.seed(), options.b0(), options.c0(), entries);
    }

    /** The entry for {@code file}; the message lists the files the manifest has. */
    public Entry entry(String file) {
        for (Entry e : entries) {
            if (e.file().equals(file)) {
                return e;
            }
        }
        List<String> names = entries.stream().map(Entry::file).toList();
        throw new IllegalArgumentException(
                "datasets: MANIFEST has no file '" + file + "' (has: " + String.join(", ", names) + ")");
    }

    /** The manifest as written to disk. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("# mlcycle datasets: regenerate with DatasetFiles, check with Manifest.verify\n");
        sb.append(String.format(Locale.ROOT, "# generator AdWorld %s seed=%d b0=%s c0=%s%n", generator, seed, b0, c0));
        sb.append("# sha256  rows  bytes  file\n");
        for (Entry e : entries) {
            sb.append(e.sha256())
                    .append("  ")
                    .append(e.rows())
                    .append("  ")
                    .append(e.bytes())
                    .append("  ")
                    .append(e.file())
                    .append('\n');
        }
        return sb.toString();
    }

    /** Reads {@code dir/MANIFEST}; a malformed line is named by its number. */
    public static Manifest read(Path dir) {
        Require.that(dir != null, "datasets", "the datasets folder is null");
        Path path = dir.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(missing(dir));
        } catch (IOException e) {
            throw new IllegalArgumentException("datasets: cannot read " + path + ": " + e.getMessage(), e);
        }
        return parse(lines, path.toString());
    }

    /**
     * The message for a folder without a MANIFEST: the folder as given and, when that is relative
     * (a notebook's {@code ../datasets}), the absolute path it was looked for at, so the reader
     * sees which folder the notebook's working directory made of it.
     */
    static String missing(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        String where = dir.isAbsolute() ? dir.toString() : dir + " (" + absolute + ")";
        return "datasets: no " + FILE + " in " + where
                + (Files.isDirectory(absolute)
                        ? ""
                        : ": there is no such folder; the lessons expect datasets/ beside the folder they are in");
    }

    static Manifest parse(List<String> lines, String where) {
        String generator = null;
        long seed = 0;
        double b0 = Double.NaN;
        double c0 = Double.NaN;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                generator = h.group(1);
                seed = Long.parseLong(h.group(2));
                b0 = Double.parseDouble(h.group(3));
                c0 = Double.parseDouble(h.group(4));
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "datasets: %s line %d is not 'sha256  rows  bytes  file': %s",
                        where,
                        i + 1,
                        line));
            }
            entries.add(new Entry(m.group(4), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(1)));
        }
        if (generator == null) {
            throw new IllegalArgumentException("datasets: " + where + " has no '# generator AdWorld ...' line");
        }
        return new Manifest(generator, seed, b0, c0, entries);
    }

    /**
     * Checks every listed file in {@code dir} against its checksum and size. Returns this manifest
     * when all match; otherwise throws one line that names every file that differs and how.
     */
    public Manifest verify(Path dir) {
        List<String> problems = new ArrayList<>();
        for (Entry e : entries) {
            Path p = dir.resolve(e.file());
            if (!Files.isRegularFile(p)) {
                if (!e.isGenerated()) { // larger variants are made on first use, so absence is fine
                    problems.add(e.file() + " (missing)");
                }
                continue;
            }
            byte[] b;
            try {
                b = Files.readAllBytes(p);
            } catch (IOException ex) {
                problems.add(e.file() + " (unreadable: " + ex.getMessage() + ")");
                continue;
            }
            String problem = mismatch(e, b);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "datasets: %d of %d files in %s differ from %s: %s",
                    problems.size(),
                    entries.size(),
                    dir,
                    FILE,
                    String.join("; ", problems)));
        }
        return this;
    }

    /** Null when {@code bytes} are the entry's file; otherwise what differs. */
    static String mismatch(Entry e, byte[] bytes) {
        String sha = CsvText.sha256(bytes);
        if (sha.equals(e.sha256()) && bytes.length == e.bytes()) {
            return null;
        }
        return String.format(
                Locale.ROOT,
                "%s (sha256 %s..., %,d bytes; %s says %s..., %,d bytes)",
                e.file(),
                sha.substring(0, 12),
                bytes.length,
                FILE,
                e.sha256().substring(0, 12),
                e.bytes());
    }
}
