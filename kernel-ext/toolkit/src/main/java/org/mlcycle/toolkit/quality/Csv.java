package org.mlcycle.toolkit.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

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

    /** Reads {@code path}; the table is named after the file without its extension. */
    public static CsvResult read(Path path, CsvOptions options) {
        if (path == null || !Files.isRegularFile(path)) {
            throw new IllegalArgumentException(WHO + ": no file '" + path + "'");
        }
        String file = path.getFileName().toString();
        String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(in, name, options, Files.size(path));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(WHO + ": no file '" + path + "'", e);
        } catch (IOException e) {
            throw new UncheckedIOException(WHO + ": reading '" + path + "' failed: " + e.getMessage(), e);
        }
    }

    /** Reads CSV text from {@code reader} into a table called {@code name}. */
    public static CsvResult read(Reader reader, String name, CsvOptions options) throws IOException {
        return read(reader, name, options, 0);
    }

    private static CsvResult read(Reader reader, String name, CsvOptions options, long bytes) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        CsvRecords records = new CsvRecords(in, options.separator());
        if (!records.next()) {
            throw new IllegalArgumentException(WHO + ": '" + name + "' is empty: no header line");
        }
        List<String> header = header(records, name);
        for (String c : options.types().keySet()) {
            Require.that(
                    header.contains(c),
                    WHO,
                    "a type is given for column '%s' but the header of '%s' has no such" + " column (has: %s)",
                    c,
                    name,
                    String.join(", ", header));
        }
        Reading reading = new Reading(name, header, options);
        List<Raw> sample = new ArrayList<>();
        int wellFormed = 0;
        while (wellFormed < options.sampleRows() && records.next()) {
            Raw raw = Raw.of(records);
            sample.add(raw);
            if (raw.error == null && raw.fields.length == header.size()) {
                wellFormed++;
            }
        }
        reading.start(inferTypes(header, sample, options), expectedRows(bytes, sample));
        for (Raw raw : sample) {
            reading.row(raw);
        }
        while (records.next()) {
            reading.row(records);
        }
        return reading.finish(records.blankLines());
    }

    /** Rows a file of {@code bytes} likely holds, from the sample's line lengths; 0 when unknown. */
    private static int expectedRows(long bytes, List<Raw> sample) {
        if (bytes <= 0 || sample.isEmpty()) {
            return 0;
        }
        long chars = 0;
        for (Raw raw : sample) {
            chars += raw.text().length() + 1;
        }
        double perRow = (double) chars / sample.size();
        return (int) Math.min(Integer.MAX_VALUE - 16, (long) (bytes / perRow * 1.02) + 16);
    }

    private static List<String> header(CsvRecords records, String name) {
        if (records.error != null) {
            throw new IllegalArgumentException(WHO + ": '" + name + "' line 1: " + records.error);
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
        static Raw of(CsvRecords r) {
            String[] f = new String[r.count];
            for (int i = 0; i < r.count; i++) {
                f[i] = r.field(i);
            }
            return new Raw(r.line, r.text(), f, r.error);
        }
    }

    /** Turns records into committed rows or quarantined ones. */
    private static final class Reading {
        private final String name;
        private final List<String> header;
        private final CsvOptions options;
        private final String[] tokens;
        private final boolean emptyIsMissing;
        private final int emptyToken;
        private CsvColumn[] columns;
        private boolean[] text;
        private long[][] missingCounts;
        private long[][] suspectCounts;
        private Map<String, ColumnType> types;
        private final List<RejectedRow> rejected = new ArrayList<>();
        private long rejectedCount;
        private long rows;

        Reading(String name, List<String> header, CsvOptions options) {
            this.name = name;
            this.header = header;
            this.options = options;
            this.tokens = options.missingTokens().toArray(new String[0]);
            this.emptyIsMissing = options.missingTokens().contains("");
            this.emptyToken = java.util.Arrays.asList(tokens).indexOf("");
        }

        void start(Map<String, ColumnType> types, int expectedRows) {
            this.types = types;
            columns = new CsvColumn[header.size()];
            text = new boolean[header.size()];
            for (int c = 0; c < columns.length; c++) {
                ColumnType t = types.get(header.get(c));
                columns[c] = CsvColumn.of(header.get(c), t, expectedRows);
                text[c] = t == ColumnType.STRING;
            }
            missingCounts = new long[columns.length][tokens.length];
            suspectCounts = new long[columns.length][CsvOptions.SUSPECT_TOKENS.size()];
        }

        void row(Raw raw) {
            if (raw.error != null) {
                reject(raw.line, raw.error, raw.text);
                return;
            }
            if (raw.fields.length != columns.length) {
                reject(raw.line, fieldCount(raw.fields.length), raw.text);
                return;
            }
            String[] f = raw.fields;
            for (int c = 0; c < columns.length; c++) {
                String why = cell(c, f[c], 0, f[c].length());
                if (why != null) {
                    reject(raw.line, why, raw.text);
                    return;
                }
            }
            commit();
        }

        void row(CsvRecords r) {
            if (r.error != null) {
                reject(r.line, r.error, r.text());
                return;
            }
            if (r.count != columns.length) {
                reject(r.line, fieldCount(r.count), r.text());
                return;
            }
            for (int c = 0; c < columns.length; c++) {
                String why = cell(c, r.src[c], r.from[c], r.to[c]);
                if (why != null) {
                    reject(r.line, why, r.text());
                    return;
                }
            }
            commit();
        }

        private String fieldCount(int found) {
            return "expected " + columns.length + " fields, found " + found;
        }

        private String cell(int c, String s, int from, int to) {
            if (from == to && emptyIsMissing) {
                missingCounts[c][emptyToken]++;
                columns[c].stageMissing();
                return null;
            }
            for (int t = 0; t < tokens.length; t++) {
                String tok = tokens[t];
                if (tok.length() == to - from && s.regionMatches(from, tok, 0, tok.length())) {
                    missingCounts[c][t]++;
                    columns[c].stageMissing();
                    return null;
                }
            }
            String why = columns[c].stage(s, from, to);
            int suspect = (why != null || text[c]) && to - from <= 4
                    ? CsvOptions.SUSPECT_TOKENS.indexOf(s.substring(from, to))
                    : -1;
            if (why != null) {
                return "column '" + header.get(c) + "': '" + s.substring(from, to) + "' " + why
                        + (suspect >= 0 ? " (list it in missingTokens to read it as missing)" : "");
            }
            if (suspect >= 0 && text[c]) {
                suspectCounts[c][suspect]++;
            }
            return null;
        }

        private int indexOfEmpty() {
            for (int t = 0; t < tokens.length; t++) {
                if (tokens[t].isEmpty()) {
                    return t;
                }
            }
            throw new IllegalStateException("csv: empty token expected among the missing tokens");
        }

        private void commit() {
            for (CsvColumn column : columns) {
                column.commit();
            }
            rows++;
        }

        private void reject(int line, String reason, String rowText) {
            rejectedCount++;
            if (rejected.size() < options.keepRejected()) {
                rejected.add(new RejectedRow(line, reason, rowText));
            }
        }

        CsvResult finish(int blankLines) {
            Table table = Table.create(name);
            for (CsvColumn column : columns) {
                table.addColumns(column.build());
            }
            Map<String, Map<String, Long>> missing = new LinkedHashMap<>();
            Map<String, Map<String, Long>> kept = new LinkedHashMap<>();
            Map<String, String> typeNames = new LinkedHashMap<>();
            for (int c = 0; c < columns.length; c++) {
                Map<String, Long> m = new LinkedHashMap<>();
                for (int t = 0; t < tokens.length; t++) {
                    if (missingCounts[c][t] > 0) {
                        m.put(tokens[t], missingCounts[c][t]);
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
                typeNames.put(header.get(c), types.get(header.get(c)).name());
            }
            Quarantine q = new Quarantine(
                    name,
                    rows,
                    rejectedCount,
                    rejected,
                    blankLines,
                    typeNames,
                    options.types().keySet(),
                    options.missingTokens(),
                    missing,
                    kept);
            return new CsvResult(table, q);
        }
    }
}
