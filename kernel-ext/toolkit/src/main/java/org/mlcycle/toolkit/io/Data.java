package org.mlcycle.toolkit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.mlcycle.toolkit.io.csv.Csv;
import org.mlcycle.toolkit.io.csv.CsvOptions;
import org.mlcycle.toolkit.io.csv.CsvResult;
import org.mlcycle.toolkit.report.Progress;
import org.mlcycle.toolkit.support.Require;

/**
 * Reads a data file into a Tablesaw table and says how the read went: {@code Data.read("ads.csv")}
 * gives a {@link CsvResult}, whose {@code table()} holds the good rows and whose {@code
 * quarantine()} lists the rows kept out (line number and reason), the tokens read as missing and
 * the type each column got. In a notebook the result shows as that report.
 *
 * <p>The separator comes from the file name ({@code .tsv}, {@code .tab}: tab; else comma); a
 * {@code .gz} file is read through gzip. A file that is not text, or of which no row could be read,
 * is an error naming the file and why. Use {@link Csv} directly for a stream or a reader.
 */
public final class Data {
    private static final String WHO = "read";

    private Data() {}

    /** Reads the file at {@code path}. */
    public static CsvResult read(String path) {
        Require.that(path != null, WHO, "the path is null");
        return read(Path.of(path));
    }

    /** Reads {@code path} with the options its name implies. */
    public static CsvResult read(Path path) {
        Require.that(path != null, WHO, "the path is null");
        return read(path, optionsFor(path));
    }

    /** Reads {@code path} with {@code options} (a {@code .gz} file through gzip). */
    public static CsvResult read(Path path, CsvOptions options) {
        Require.that(path != null, WHO, "the path is null");
        Require.that(options != null, WHO, "the options are null");
        if (!isGzip(path)) {
            return Csv.read(path, options);
        }
        Require.that(Files.isRegularFile(path), WHO, "no file '%s'", path);
        String file = path.getFileName().toString();
        String inner = file.substring(0, file.length() - 3);
        String name = inner.contains(".") ? inner.substring(0, inner.lastIndexOf('.')) : inner;
        // progress counts the compressed bytes: the file's size is the only total known in advance
        Progress progress = Progress.standard();
        progress.start(path.toFile().length(), "reading " + file);
        try (InputStream in = new GZIPInputStream(Progress.counting(Files.newInputStream(path), progress), 1 << 16)) {
            return Csv.read(in, name, options);
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(
                    WHO + ": '" + path + "' is named .gz but is not gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(WHO + ": reading '" + path + "' failed: " + e.getMessage(), e);
        } finally {
            progress.done();
        }
    }

    /** The default options with the separator the file's name implies. */
    public static CsvOptions optionsFor(Path path) {
        String file =
                path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".gz")) {
            file = file.substring(0, file.length() - 3);
        }
        boolean tab = file.endsWith(".tsv") || file.endsWith(".tab");
        return CsvOptions.defaults().withSeparator(tab ? '\t' : ',');
    }

    private static boolean isGzip(Path path) {
        return path.getFileName() != null
                && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
