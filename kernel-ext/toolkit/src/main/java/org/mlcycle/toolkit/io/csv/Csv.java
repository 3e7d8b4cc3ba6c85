package org.mlcycle.toolkit.io.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mlcycle.toolkit.report.Progress;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a CSV file into a Tablesaw table without letting bad rows stop the read or vanish: rows with
 * the wrong number of fields or a cell that does not parse as its column's type are kept aside in a
 * {@link Quarantine} with their line number and the reason. The quarantine also counts which tokens
 * were read as missing and which look-alike tokens ("NA", "null") were kept as values.
 */
public final class Csv {
    private static final String WHO = "csv";

    private Csv() {}

    /** Reads {@code path} with {@link CsvOptions#defaults()}. */
    public static CsvResult read(Path path) {
        return read(path, CsvOptions.defaults());
    }

    /**
     * Reads {@code path}; the table is named after the file without its extension. A large file is
     * read in parts on {@link #threads()} threads.
     */
    public static CsvResult read(Path path, CsvOptions options) {
        return read(path, options, threads(), MIN_PART);
    }

    /** Threads a large file is read on: the system property {@code mlcycle.csv.threads}, else the CPU count. */
    public static int threads() {
        return Math.max(
                1,
                Integer.getInteger("mlcycle.csv.threads", Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Reads {@code path} on up to {@code threads} threads, in parts of at least {@code minPart} bytes
     * (small parts let tests put part boundaries in awkward places).
     */
    static CsvResult read(Path path, CsvOptions options, int threads, long minPart) {
        if (path == null || !Files.isRegularFile(path)) {
            throw new IllegalArgumentException(WHO + ": no file '" + path + "'");
        }
        String file = path.getFileName().toString();
        String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, SNIFF));
            while (start.hasRemaining() && channel.read(start, start.position()) > 0) {
                // the first bytes tell a binary file
            }
            refuseBinary(file, start.array(), start.position());
            // the share of the file's bytes read so far; a bar in a notebook when the read takes over a second
            Progress progress = Progress.standard();
            progress.start(size, "reading " + file);
            try {
                CsvBytes head = new CsvBytes(
                        CsvBytes.file(channel, 0, Long.MAX_VALUE, progress),
                        options.separator(),
                        0,
                        Long.MAX_VALUE,
                        true);
                return read(head, name, options, new Parts(channel, size, threads, minPart, progress));
            } finally {
                progress.done();
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(WHO + ": no file '" + path + "'", e);
        } catch (IOException e) {
            throw new UncheckedIOException(WHO + ": reading '" + path + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV bytes (UTF-8) from {@code in} into a table called {@code name}, in one go; for a
     * stream that is not a plain file, such as a gzip file's content. The stream is not closed.
     */
    public static CsvResult read(InputStream in, String name, CsvOptions options) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF);
        buffered.mark(SNIFF);
        byte[] start = buffered.readNBytes(SNIFF);
        refuseBinary(name, start, start.length);
        buffered.reset();
        CsvBytes head = new CsvBytes(buffered::read, options.separator(), 0, Long.MAX_VALUE, true);
        return read(head, name, options, null);
    }

    /** Reads CSV text from {@code reader} into a table called {@code name}. */
    public static CsvResult read(Reader reader, String name, CsvOptions options) throws IOException {
        CsvBytes head = new CsvBytes(CsvBytes.utf8(reader), options.separator(), 0, Long.MAX_VALUE, true);
        return read(head, name, options, null);
    }

    /** Columns a header may have; a wider first line is refused before anything is set up per column. */
    public static final int MAX_COLUMNS = 100_000;

    /** Bytes looked at to tell a binary file from text. */
    private static final int SNIFF = 8192;

    /**
     * Refuses a file whose first bytes are not text: a known binary format is named (a gzip file
     * renamed .csv would otherwise read as two garbage column names and no rows), anything else with
     * a NUL byte is "binary". For readers that look at a file before handing it here.
     */
    public static void refuseBinary(String name, byte[] b, int n) {
        String kind = null;
        if (n >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            kind = "gzip-compressed data (gunzip it, or name it .gz)";
        } else if (startsWith(b, n, "PK\u0003\u0004")) {
            kind = "a zip archive (an .xlsx workbook is one; export it as CSV)";
        } else if (startsWith(b, n, "BZh")) {
            kind = "bzip2-compressed data";
        } else if (n >= 6 && (b[0] & 0xff) == 0xfd && startsWith(Arrays.copyOfRange(b, 1, 6), 5, "7zXZ\u0000")) {
            kind = "xz-compressed data";
        } else if (n >= 4
                && (b[0] & 0xff) == 0x28
                && (b[1] & 0xff) == 0xb5
                && (b[2] & 0xff) == 0x2f
                && (b[3] & 0xff) == 0xfd) {
            kind = "zstd-compressed data";
        } else if (startsWith(b, n, "PAR1")) {
            kind = "a Parquet file";
        } else if (startsWith(b, n, "%PDF")) {
            kind = "a PDF document";
        } else if (n >= 8
                && (b[0] & 0xff) == 0xd0
                && (b[1] & 0xff) == 0xcf
                && (b[2] & 0xff) == 0x11
                && (b[3] & 0xff) == 0xe0) {
            kind = "an old Excel (.xls) workbook; export it as CSV";
        } else if (startsWith(b, n, "SQLite format 3")) {
            kind = "an SQLite database";
        } else if ((n >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe)
                || (n >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff)) {
            kind = "UTF-16 text (save it as UTF-8)";
        } else {
            for (int i = 0; i < n; i++) {
                if (b[i] == 0) {
                    kind = "binary data (a NUL byte at offset " + i + ")";
                    break;
                }
            }
        }
        if (kind != null) {
            throw new IllegalArgumentException(WHO + ": '" + name + "' is not CSV text: it looks like " + kind);
        }
    }

    private static boolean startsWith(byte[] b, int n, String magic) {
        if (n < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Smallest part of a file read on its own thread. */
    static final long MIN_PART = 8L << 20;

    /** A file to read in parts after the header and the type sample; null parts: read on in one go. */
    private record Parts(FileChannel channel, long size, int threads, long minPart, Progress progress) {}

    private static CsvResult read(CsvBytes records, String name, CsvOptions options, Parts parts) throws IOException {
        List<String> header;
        if (options.columnNames().isEmpty()) {
            if (!records.next()) {
                throw new IllegalArgumentException(WHO + ": '" + name + "' is empty: no header line");
            }
            if (records.count > MAX_COLUMNS) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "%s: '%s' line 1 has %,d fields; more than %,d columns is not a table this reader reads"
                                + " (wrong separator, or not a CSV file?)",
                        WHO,
                        name,
                        records.count,
                        MAX_COLUMNS));
            }
            header = header(records, name);
        } else {
            header = givenHeader(options.columnNames(), name);
        }
        long maxRows = options.maxRows();
        if (maxRows < Long.MAX_VALUE) {
            parts = null; // the first rows only: read in one go, from the start
        }
        for (String c : options.types().keySet()) {
            Require.that(
                    header.contains(c),
                    WHO,
                    "a type is given for column '%s' but the header of '%s' has no such" + " column (has: %s)",
                    c,
                    name,
                    String.join(", ", header));
        }
        long dataStart = records.position();
        List<Raw> sample = new ArrayList<>();
        int wellFormed = 0;
        while (wellFormed < options.sampleRows() && sample.size() < maxRows && records.next()) {
            Raw raw = Raw.of(records);
            sample.add(raw);
            if (raw.error == null && raw.fields.length == header.size()) {
                wellFormed++;
            }
        }
        long sampleEnd = records.position();
        double bytesPerRow = sample.isEmpty() ? 0 : (double) (sampleEnd - dataStart) / sample.size();
        CsvLayout layout = new CsvLayout(name, header, options, inferTypes(header, sample, options));
        long rest = parts == null ? 0 : parts.size - sampleEnd;
        boolean split = parts != null && parts.threads > 1 && rest >= 2 * parts.minPart;
        CsvPart first = new CsvPart(layout, expectedRows(split ? 0 : rest, bytesPerRow) + sample.size());
        for (Raw raw : sample) {
            first.row(raw);
        }
        List<CsvPart> readings = new ArrayList<>();
        readings.add(first);
        Table[] table = new Table[1];
        ExecutorService pool = split ? pool(parts.threads) : null;
        try {
            if (split) {
                first.endParse(records);
                // the first Table made in a JVM scans the class path for readers and writers (0.7-2.6 s,
                // measured on a shared 2-core machine): done here, it overlaps the parsing
                // instead of following it
                Runnable meanwhile = () -> table[0] = Table.create(name);
                readings.addAll(
                        readParts(layout, parts, sampleEnd, records.linesConsumed(), bytesPerRow, pool, meanwhile));
            } else {
                while (first.rows < maxRows && records.next()) {
                    first.row(records);
                }
                first.endParse(records);
            }
            return finish(layout, readings, pool, table[0] != null ? table[0] : Table.create(name));
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "csv-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Reads {@code [from, size)} of the file in parts cut after a line end, each on a thread of its
     * own. A part's start is only a record's start if the part before it ended its last record right
     * there; when a quoted field ran over the cut (a line end inside quotes), the parts after it are
     * dropped and the rest of the file is read in one go from where that record really ended.
     */
    private static List<CsvPart> readParts(
            CsvLayout layout,
            Parts parts,
            long from,
            int linesBefore,
            double bytesPerRow,
            ExecutorService pool,
            Runnable meanwhile)
            throws IOException {
        long rest = parts.size - from;
        int n = (int) Math.max(2, Math.min(parts.threads * 4L, rest / parts.minPart));
        List<Long> cuts = new ArrayList<>();
        cuts.add(from);
        for (int k = 1; k < n; k++) {
            long cut = lineStartAfter(parts.channel, from + rest * k / n);
            if (cut > cuts.get(cuts.size() - 1) && cut < parts.size) {
                cuts.add(cut);
            }
        }
        cuts.add(parts.size);
        List<Future<CsvPart>> futures = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int k = 0; k + 1 < cuts.size(); k++) {
            long a = cuts.get(k);
            long b = cuts.get(k + 1);
            int rows = expectedRows(b - a, bytesPerRow);
            futures.add(pool.submit(() -> readPart(layout, parts, a, b, rows, stop)));
        }
        meanwhile.run();
        List<CsvPart> out = new ArrayList<>();
        int lines = linesBefore;
        for (int k = 0; k < futures.size(); k++) {
            CsvPart r = await(futures.get(k));
            r.lineOffset = lines;
            lines += r.lines;
            out.add(r);
            if (r.end != cuts.get(k + 1)) {
                // a quoted field ran over the cut: the later parts started inside it
                stop.set(true); // not cancel(true): an interrupt would close the shared channel
                for (int j = k + 1; j < futures.size(); j++) {
                    futures.get(j).cancel(false);
                }
                if (r.end < parts.size) {
                    CsvPart tail = readPart(
                            layout,
                            parts,
                            r.end,
                            Long.MAX_VALUE,
                            expectedRows(parts.size - r.end, bytesPerRow),
                            new AtomicBoolean());
                    tail.lineOffset = lines;
                    out.add(tail);
                }
                break;
            }
        }
        return out;
    }

    /** The task's result; its exception as it was thrown. */
    private static <T> T await(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("csv: interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            } else if (c instanceof RuntimeException re) {
                throw re;
            } else if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }

    private static CsvPart readPart(
            CsvLayout layout, Parts parts, long from, long to, int expectedRows, AtomicBoolean stop)
            throws IOException {
        CsvBytes records = new CsvBytes(
                CsvBytes.file(parts.channel, from, to, parts.progress),
                layout.options.separator(),
                from,
                to,
                from == 0);
        CsvPart r = new CsvPart(layout, expectedRows);
        while (records.next() && !stop.get()) {
            r.row(records);
        }
        r.endParse(records);
        return r;
    }

    /** Offset just after the first '\n' at or after {@code at - 1}; the file's size when there is none. */
    private static long lineStartAfter(FileChannel channel, long at) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        long p = at - 1;
        while (true) {
            b.clear();
            int n = channel.read(b, p);
            if (n <= 0) {
                return channel.size();
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    return p + i + 1;
                }
            }
            p += n;
        }
    }

    /** Rows {@code bytes} of the file likely hold, from the sample's bytes per row; 0 when unknown. */
    private static int expectedRows(long bytes, double bytesPerRow) {
        if (bytes <= 0 || bytesPerRow <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE - 16, (long) (bytes / bytesPerRow * 1.02) + 16);
    }

    private static List<String> header(CsvBytes records, String name) {
        if (records.unclosedQuote) {
            throw new IllegalArgumentException(
                    WHO + ": '" + name + "' line 1: quote opened on line " + records.line + " is never closed");
        }
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < records.count; i++) {
            String h = records.field(i).strip();
            if (h.isEmpty()) {
                h = "column_" + (i + 1);
            }
            if (!seen.add(h)) {
                throw new IllegalArgumentException(
                        WHO + ": '" + name + "' line 1: column '" + h + "' appears twice in the header");
            }
            header.add(h);
        }
        return header;
    }

    private static List<String> givenHeader(List<String> names, String name) {
        Set<String> seen = new HashSet<>();
        for (String h : names) {
            Require.that(h != null && !h.isBlank(), WHO, "a column name given for '%s' is empty", name);
            Require.that(seen.add(h), WHO, "column '%s' is given twice for '%s'", h, name);
        }
        return names;
    }

    /** Explicit types first; else the narrowest of number, boolean, date, date-time, text fitting the sample. */
    static Map<String, ColumnType> inferTypes(List<String> header, List<Raw> sample, CsvOptions options) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            ColumnType given = options.types().get(header.get(c));
            types.put(header.get(c), given != null ? given : infer(c, header.size(), sample, options));
        }
        return types;
    }

    private static ColumnType infer(int c, int width, List<Raw> sample, CsvOptions options) {
        boolean number = true, bool = true, date = true, dateTime = true, any = false;
        for (Raw raw : sample) {
            if (raw.error != null || raw.fields.length != width) {
                continue;
            }
            String v = raw.fields[c];
            if (options.missingTokens().contains(v) || CsvOptions.SUSPECT_TOKENS.contains(v)) {
                continue;
            }
            any = true;
            number = number && !Double.isNaN(FastDouble.parse(v, 0, v.length()));
            bool = bool && CsvColumn.bool(v.strip()) != null;
            date = date && CsvColumn.date(v.strip()) != null;
            dateTime = dateTime && CsvColumn.dateTime(v.strip()) != null;
        }
        if (!any) {
            return ColumnType.STRING;
        }
        if (number) {
            return ColumnType.DOUBLE;
        } else if (bool) {
            return ColumnType.BOOLEAN;
        } else if (date) {
            return ColumnType.LOCAL_DATE;
        }
        return dateTime ? ColumnType.LOCAL_DATE_TIME : ColumnType.STRING;
    }

    /** A record held back while the types are inferred. */
    record Raw(int line, String text, String[] fields, String error) {
        static Raw of(CsvBytes r) {
            String[] f = new String[r.count];
            for (int i = 0; i < r.count; i++) {
                f[i] = r.field(i);
            }
            return new Raw(r.line, r.text(), f, r.unclosedQuote ? unclosed(r.line) : null);
        }
    }

    private static String unclosed(int line) {
        return "quote opened on line " + line + " is never closed";
    }

    /** Joins the parts' columns (on {@code pool}'s threads when there is one) and counts. */
    private static CsvResult finish(CsvLayout layout, List<CsvPart> parts, ExecutorService pool, Table table)
            throws IOException {
        List<String> header = layout.header;
        int width = header.size();
        Column<?>[] built = new Column<?>[width];
        List<Future<?>> joins = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            int col = c;
            List<CsvColumn> pieces = new ArrayList<>();
            for (CsvPart r : parts) {
                pieces.add(r.columns[c]);
            }
            if (pool == null) {
                built[c] = CsvColumn.build(pieces);
            } else {
                joins.add(pool.submit(() -> built[col] = CsvColumn.build(pieces)));
            }
        }
        for (Future<?> f : joins) {
            await(f);
        }
        table.addColumns(built);

        long rows = 0;
        long rejectedCount = 0;
        int blankLines = 0;
        List<RejectedRow> rejected = new ArrayList<>();
        long[][] missingCounts = new long[width][layout.tokens.length];
        long[][] suspectCounts = new long[width][CsvOptions.SUSPECT_TOKENS.size()];
        for (CsvPart r : parts) {
            rows += r.rows;
            rejectedCount += r.rejectedCount;
            blankLines += r.blankLines;
            for (RejectedRow row : r.rejected) {
                if (rejected.size() < layout.options.keepRejected()) {
                    int line = row.line() + r.lineOffset;
                    String reason = row.reason() == CsvPart.UNCLOSED ? unclosed(line) : row.reason();
                    rejected.add(new RejectedRow(line, reason, row.text(), row.column(), row.value()));
                }
            }
            for (int c = 0; c < width; c++) {
                for (int t = 0; t < layout.tokens.length; t++) {
                    missingCounts[c][t] += r.missingCounts[c][t];
                }
                for (int t = 0; t < suspectCounts[c].length; t++) {
                    suspectCounts[c][t] += r.suspectCounts[c][t];
                }
            }
        }
        Map<String, Map<String, Long>> missing = new LinkedHashMap<>();
        Map<String, Map<String, Long>> kept = new LinkedHashMap<>();
        Map<String, String> typeNames = new LinkedHashMap<>();
        for (int c = 0; c < width; c++) {
            Map<String, Long> m = new LinkedHashMap<>();
            for (int t = 0; t < layout.tokens.length; t++) {
                if (missingCounts[c][t] > 0) {
                    m.put(layout.tokens[t], missingCounts[c][t]);
                }
            }
            if (!m.isEmpty()) {
                missing.put(header.get(c), m);
            }
            Map<String, Long> k = new LinkedHashMap<>();
            for (int t = 0; t < CsvOptions.SUSPECT_TOKENS.size(); t++) {
                if (suspectCounts[c][t] > 0) {
                    k.put(CsvOptions.SUSPECT_TOKENS.get(t), suspectCounts[c][t]);
                }
            }
            if (!k.isEmpty()) {
                kept.put(header.get(c), k);
            }
            typeNames.put(header.get(c), layout.types.get(header.get(c)).name());
        }
        Quarantine q = new Quarantine(
                layout.name,
                rows,
                rejectedCount,
                rejected,
                blankLines,
                typeNames,
                layout.options.types().keySet(),
                layout.options.missingTokens(),
                missing,
                kept);
        if (rows == 0 && rejectedCount > 0) {
            String first = rejected.isEmpty()
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "; the first, line %d: %s",
                            rejected.get(0).line(),
                            rejected.get(0).reason());
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: '%s' has no readable row: all %,d rows were quarantined%s",
                    WHO,
                    layout.name,
                    rejectedCount,
                    first));
        }
        return new CsvResult(table, q);
    }
}
