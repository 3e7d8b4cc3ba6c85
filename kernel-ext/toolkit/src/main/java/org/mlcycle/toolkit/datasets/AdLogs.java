package org.mlcycle.toolkit.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.mlcycle.toolkit.io.csv.Csv;
import org.mlcycle.toolkit.io.csv.CsvOptions;
import org.mlcycle.toolkit.io.csv.CsvResult;
import org.mlcycle.toolkit.io.csv.Quarantine;
import org.mlcycle.toolkit.io.csv.RejectedRow;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Readers for real ad logs in their published formats, into Tablesaw tables with proper types, so
 * that the lessons' notebooks run on a real log as well as on the generated world. Files ending in
 * {@code .gz} are read through gzip. The bytes are split by the toolkit's CSV reader ({@link Csv});
 * a malformed line stops the read with one line naming the file, the line number and the field;
 * nothing is skipped silently.
 */
public final class AdLogs {
    private AdLogs() {}

    /** Column kinds the formats need. */
    enum Kind {
        INT,
        LONG,
        STRING,
        HOUR
    }

    record Field(String name, Kind kind, boolean optional) {}

    static final List<Field> KDD = List.of(
            new Field("Click", Kind.INT, false), new Field("Impression", Kind.INT, false),
            new Field("DisplayURL", Kind.LONG, false), new Field("AdID", Kind.INT, false),
            new Field("AdvertiserID", Kind.INT, false), new Field("Depth", Kind.INT, false),
            new Field("Position", Kind.INT, false), new Field("QueryID", Kind.INT, false),
            new Field("KeywordID", Kind.INT, false), new Field("TitleID", Kind.INT, false),
            new Field("DescriptionID", Kind.INT, false), new Field("UserID", Kind.INT, false));
    static final List<Field> KDD_MLCYCLE_EXTRA =
            List.of(new Field("Day", Kind.INT, false), new Field("Policy", Kind.STRING, false));

    static final List<Field> CRITEO = criteoFields();

    static final List<Field> AVAZU = List.of(
            new Field("id", Kind.STRING, false),
            new Field("click", Kind.INT, false),
            new Field("hour", Kind.HOUR, false),
            new Field("C1", Kind.INT, false),
            new Field("banner_pos", Kind.INT, false),
            new Field("site_id", Kind.STRING, false),
            new Field("site_domain", Kind.STRING, false),
            new Field("site_category", Kind.STRING, false),
            new Field("app_id", Kind.STRING, false),
            new Field("app_domain", Kind.STRING, false),
            new Field("app_category", Kind.STRING, false),
            new Field("device_id", Kind.STRING, false),
            new Field("device_ip", Kind.STRING, false),
            new Field("device_model", Kind.STRING, false),
            new Field("device_type", Kind.INT, false),
            new Field("device_conn_type", Kind.INT, false),
            new Field("C14", Kind.INT, false),
            new Field("C15", Kind.INT, false),
            new Field("C16", Kind.INT, false),
            new Field("C17", Kind.INT, false),
            new Field("C18", Kind.INT, false),
            new Field("C19", Kind.INT, false),
            new Field("C20", Kind.INT, false),
            new Field("C21", Kind.INT, false));

    private static List<Field> criteoFields() {
        List<Field> f = new ArrayList<>();
        f.add(new Field("label", Kind.INT, false));
        for (int i = 1; i <= 13; i++) {
            f.add(new Field("I" + i, Kind.INT, true));
        }
        for (int i = 1; i <= 26; i++) {
            f.add(new Field("C" + i, Kind.STRING, true));
        }
        return List.copyOf(f);
    }

    /**
     * KDD Cup 2012 Track 2 {@code training.txt}: 12 tab-separated integer fields, no header (Click,
     * Impression, DisplayURL, AdID, AdvertiserID, Depth, Position, QueryID, KeywordID, TitleID,
     * DescriptionID, UserID). DisplayURL is a 64-bit hash, so it is a long column. mlcycle's own
     * {@code impressions.tsv} adds Day and Policy; a file may have either 12 or 14 fields.
     */
    public static Table kddCup2012(Path file) {
        return kddCup2012(file, Integer.MAX_VALUE);
    }

    /** The first {@code maxRows} rows of a Track 2 file (the real one has 149,639,105). */
    public static Table kddCup2012(Path file, int maxRows) {
        return read("kddcup2012", file, maxRows, '\t', false, KDD, KDD_MLCYCLE_EXTRA);
    }

    /**
     * Criteo display advertising ({@code train.txt} of the Kaggle challenge, or a day of the 1TB
     * logs): label, I1..I13 integers, C1..C26 hashed categories as hex strings; tab-separated, no
     * header; empty fields are missing values.
     */
    public static Table criteo(Path file) {
        return criteo(file, Integer.MAX_VALUE);
    }

    /** The first {@code maxRows} rows of a Criteo file. */
    public static Table criteo(Path file, int maxRows) {
        return read("criteo", file, maxRows, '\t', false, CRITEO, List.of());
    }

    /**
     * Avazu CTR ({@code train} of the Kaggle competition): CSV with a header; {@code hour} (YYMMDDHH)
     * becomes a date-time; {@code id} stays text because it does not fit a signed 64-bit integer.
     * The test file has no {@code click} column and is read as well.
     */
    public static Table avazu(Path file) {
        return avazu(file, Integer.MAX_VALUE);
    }

    /** The first {@code maxRows} rows of an Avazu file. */
    public static Table avazu(Path file, int maxRows) {
        return read("avazu", file, maxRows, ',', true, AVAZU, List.of());
    }

    private static Table read(
            String who, Path file, int maxRows, char sep, boolean header, List<Field> fields, List<Field> extra) {
        Require.that(file != null, who, "file is null");
        Require.that(maxRows >= 0, who, "maxRows must not be negative, got %d", maxRows);
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(who + ": no file " + name);
        }
        try {
            if (!name.endsWith(".gz")) {
                byte[] start;
                try (InputStream in = Files.newInputStream(file)) {
                    start = in.readNBytes(8192);
                }
                Csv.refuseBinary(file.getFileName().toString(), start, start.length);
            }
            List<Field> layout = fields;
            String first = firstLine(file, header);
            if (header) {
                if (first == null) {
                    throw new IllegalArgumentException(who + ": " + name + " is empty (expected a header line)");
                }
                layout = headerLayout(who, name, split(first, sep), fields);
            } else if (!extra.isEmpty() && first != null && split(first, sep).length == fields.size() + extra.size()) {
                List<Field> all = new ArrayList<>(fields);
                all.addAll(extra);
                layout = all;
            }
            boolean anyOptional = layout.stream().anyMatch(Field::optional);
            // without optional fields an empty cell is a rejected row, named with its line by the reader
            CsvOptions options = CsvOptions.defaults()
                    .withSeparator(sep)
                    .withMissingTokens(anyOptional ? new String[] {""} : new String[0])
                    .withMaxRows(maxRows == Integer.MAX_VALUE ? Long.MAX_VALUE : maxRows);
            Map<String, ColumnType> types = new LinkedHashMap<>();
            for (Field f : layout) {
                types.put(f.name(), f.kind() == Kind.INT ? ColumnType.INTEGER : ColumnType.STRING);
            }
            options = options.withTypes(types);
            if (!header) {
                options =
                        options.withColumnNames(layout.stream().map(Field::name).toList());
            }
            String tableName =
                    file.getFileName() == null ? who : file.getFileName().toString();
            CsvResult read;
            if (name.endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                    read = Csv.read(in, tableName, options);
                }
            } else {
                read = Csv.read(file, options);
            }
            Quarantine q = read.quarantine();
            if (!q.clean()) {
                throw rejected(
                        who, name, sep, layout, fields, extra, q.rejected().get(0));
            }
            Table t = read.table().setName(tableName);
            int firstLine = header ? 2 : 1;
            for (int c = 0; c < layout.size(); c++) {
                Field f = layout.get(c);
                Column<?> col = t.column(c);
                if (!f.optional() && col.countMissing() > 0) {
                    int row = firstMissing(col);
                    throw malformed(who, name, where(q, firstLine, row), c, f, "", "is empty");
                }
                if (f.kind() == Kind.LONG || f.kind() == Kind.HOUR) {
                    t.replaceColumn(c, convert(who, name, q, firstLine, c, f, (StringColumn) col));
                }
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(who + ": cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** The first non-empty line of the file (its header when it has one); null when there is none. */
    private static String firstLine(Path file, boolean header) throws IOException {
        try (BufferedReader in = open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (header || !line.isEmpty()) {
                    return line;
                }
            }
            return null;
        }
    }

    private static IllegalArgumentException rejected(
            String who,
            String name,
            char sep,
            List<Field> layout,
            List<Field> fields,
            List<Field> extra,
            RejectedRow r) {
        if (r.column() < 0) {
            int found = split(r.text(), sep).length;
            if (found == layout.size()) { // a quote that never closes, not a field count
                return new IllegalArgumentException(
                        String.format("%s: %s line %d: %s", who, name, r.line(), r.reason()));
            }
            return new IllegalArgumentException(String.format(
                    "%s: %s line %d has %d fields, expected %d%s",
                    who, name, r.line(), found, layout.size(), describe(fields, extra)));
        }
        Field f = layout.get(r.column());
        String what;
        if (r.value().strip().isEmpty()) {
            what = "is empty";
        } else if (r.reason().contains("missing-value marker")) {
            what = "is the missing-value marker of an integer column";
        } else {
            what = "is not a 32-bit integer";
        }
        return malformed(who, name, "line " + r.line(), r.column(), f, r.value(), what);
    }

    private static int firstMissing(Column<?> col) {
        for (int i = 0; i < col.size(); i++) {
            if (col.isMissing(i)) {
                return i;
            }
        }
        return -1;
    }

    /** "line N" of a table row; "row N" when skipped blank lines make the line unknown. */
    private static String where(Quarantine q, int firstLine, int row) {
        return q.blankLines() == 0 ? "line " + (firstLine + row) : "row " + (row + 1);
    }

    private static Column<?> convert(
            String who, String name, Quarantine q, int firstLine, int index, Field f, StringColumn text) {
        int n = text.size();
        if (f.kind() == Kind.LONG) {
            LongColumn out = LongColumn.create(f.name(), n);
            for (int i = 0; i < n; i++) {
                if (text.isMissing(i)) {
                    out.setMissing(i);
                    continue;
                }
                String v = text.get(i);
                try {
                    out.set(i, parseLong(v.strip()));
                } catch (NumberFormatException e) {
                    throw malformed(who, name, where(q, firstLine, i), index, f, v, "is not an integer");
                }
            }
            return out;
        }
        DateTimeColumn out = DateTimeColumn.create(f.name());
        for (int i = 0; i < n; i++) {
            if (text.isMissing(i)) {
                out.appendMissing();
                continue;
            }
            String v = text.get(i);
            try {
                out.append(hour(v.strip()));
            } catch (java.time.DateTimeException | NumberFormatException e) {
                throw malformed(who, name, where(q, firstLine, i), index, f, v, "is not an hour YYMMDDHH");
            }
        }
        return out;
    }

    private static String describe(List<Field> fields, List<Field> extra) {
        if (extra.isEmpty()) {
            return "";
        }
        return " (or " + (fields.size() + extra.size()) + " with "
                + String.join(" and ", extra.stream().map(Field::name).toList()) + ")";
    }

    private static List<Field> headerLayout(String who, String name, String[] header, List<Field> known) {
        List<Field> layout = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String h = header[i].trim();
            Field match = null;
            for (Field f : known) {
                if (f.name().equals(h)) {
                    match = f;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException(String.format(
                        "%s: %s line 1, field %d: unknown column '%s' (expected: %s)",
                        who,
                        name,
                        i + 1,
                        h,
                        String.join(", ", known.stream().map(Field::name).toList())));
            }
            layout.add(match);
        }
        for (Field f : known) {
            if (!f.name().equals("click") && !layout.contains(f)) {
                throw new IllegalArgumentException(
                        String.format("%s: %s line 1: the header has no column '%s'", who, name, f.name()));
            }
        }
        return layout;
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Splits on every separator, keeping empty fields (String.split would drop trailing ones). */
    static String[] split(String line, char sep) {
        List<String> parts = new ArrayList<>(40);
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == sep) {
                parts.add(line.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(line.substring(start));
        return parts.toArray(new String[0]);
    }

    /** KDD's hashed ids may exceed Long.MAX_VALUE as unsigned numbers. */
    private static long parseLong(String v) {
        return v.startsWith("-") ? Long.parseLong(v) : Long.parseUnsignedLong(v);
    }

    /** Avazu's YYMMDDHH, years 20YY. */
    static LocalDateTime hour(String v) {
        if (v.length() != 8) {
            throw new java.time.DateTimeException(v);
        }
        for (int i = 0; i < 8; i++) {
            if (!Character.isDigit(v.charAt(i))) {
                throw new java.time.DateTimeException(v);
            }
        }
        int yy = Integer.parseInt(v.substring(0, 2));
        int mm = Integer.parseInt(v.substring(2, 4));
        int dd = Integer.parseInt(v.substring(4, 6));
        int hh = Integer.parseInt(v.substring(6, 8));
        return LocalDateTime.of(2000 + yy, mm, dd, hh, 0);
    }

    private static IllegalArgumentException malformed(
            String who, String file, String where, int index, Field f, String raw, String what) {
        return new IllegalArgumentException(
                String.format("%s: %s %s, field %d (%s): '%s' %s", who, file, where, index + 1, f.name(), raw, what));
    }
}
