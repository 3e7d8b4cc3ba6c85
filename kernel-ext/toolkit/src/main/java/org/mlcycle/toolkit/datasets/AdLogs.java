package org.mlcycle.toolkit.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Readers for real ad logs in their published formats, into Tablesaw tables with proper types, so
 * that the lessons' notebooks run on a real log as well as on the generated world. Files ending in
 * {@code .gz} are read through gzip. A malformed line stops the read with one line naming the file,
 * the line number and the field; nothing is skipped silently.
 */
public final class AdLogs {
    private AdLogs() {}

    /** Column kinds the formats need. */
    enum Kind { INT, LONG, STRING, HOUR }

    record Field(String name, Kind kind, boolean optional) {}

    static final List<Field> KDD = List.of(
            new Field("Click", Kind.INT, false), new Field("Impression", Kind.INT, false),
            new Field("DisplayURL", Kind.LONG, false), new Field("AdID", Kind.INT, false),
            new Field("AdvertiserID", Kind.INT, false), new Field("Depth", Kind.INT, false),
            new Field("Position", Kind.INT, false), new Field("QueryID", Kind.INT, false),
            new Field("KeywordID", Kind.INT, false), new Field("TitleID", Kind.INT, false),
            new Field("DescriptionID", Kind.INT, false), new Field("UserID", Kind.INT, false));
    static final List<Field> KDD_MLCYCLE_EXTRA = List.of(new Field("Day", Kind.INT, false), new Field("Policy", Kind.STRING, false));

    static final List<Field> CRITEO = criteoFields();

    static final List<Field> AVAZU = List.of(
            new Field("id", Kind.STRING, false), new Field("click", Kind.INT, false), new Field("hour", Kind.HOUR, false),
            new Field("C1", Kind.INT, false), new Field("banner_pos", Kind.INT, false),
            new Field("site_id", Kind.STRING, false), new Field("site_domain", Kind.STRING, false),
            new Field("site_category", Kind.STRING, false), new Field("app_id", Kind.STRING, false),
            new Field("app_domain", Kind.STRING, false), new Field("app_category", Kind.STRING, false),
            new Field("device_id", Kind.STRING, false), new Field("device_ip", Kind.STRING, false),
            new Field("device_model", Kind.STRING, false), new Field("device_type", Kind.INT, false),
            new Field("device_conn_type", Kind.INT, false), new Field("C14", Kind.INT, false),
            new Field("C15", Kind.INT, false), new Field("C16", Kind.INT, false), new Field("C17", Kind.INT, false),
            new Field("C18", Kind.INT, false), new Field("C19", Kind.INT, false), new Field("C20", Kind.INT, false),
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

    private static Table read(String who, Path file, int maxRows, char sep, boolean header, List<Field> fields, List<Field> extra) {
        Require.that(file != null, who, "file is null");
        Require.that(maxRows >= 0, who, "maxRows must not be negative, got %d", maxRows);
        String name = file.toString();
        try (BufferedReader in = open(file)) {
            List<Field> layout = fields;
            int lineNo = 0;
            String line;
            if (header) {
                line = in.readLine();
                lineNo++;
                if (line == null) {
                    throw new IllegalArgumentException(who + ": " + name + " is empty (expected a header line)");
                }
                layout = headerLayout(who, name, split(line, sep), fields);
            }
            Column<?>[] cols = null;
            int rows = 0;
            while (rows < maxRows && (line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = split(line, sep);
                if (cols == null) {
                    if (!header && !extra.isEmpty() && parts.length == fields.size() + extra.size()) {
                        List<Field> all = new ArrayList<>(fields);
                        all.addAll(extra);
                        layout = all;
                    }
                    cols = columns(layout);
                }
                if (parts.length != layout.size()) {
                    throw new IllegalArgumentException(String.format("%s: %s line %d has %d fields, expected %d%s",
                            who, name, lineNo, parts.length, layout.size(), describe(fields, extra)));
                }
                for (int f = 0; f < parts.length; f++) {
                    append(who, name, lineNo, f, layout.get(f), parts[f], cols[f]);
                }
                rows++;
            }
            if (cols == null) {
                cols = columns(layout);
            }
            String tableName = file.getFileName() == null ? who : file.getFileName().toString();
            return Table.create(tableName, cols);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(who + ": no file " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(who + ": cannot read " + name + ": " + e.getMessage(), e);
        }
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
                throw new IllegalArgumentException(String.format("%s: %s line 1, field %d: unknown column '%s' (expected: %s)",
                        who, name, i + 1, h, String.join(", ", known.stream().map(Field::name).toList())));
            }
            layout.add(match);
        }
        for (Field f : known) {
            if (!f.name().equals("click") && !layout.contains(f)) {
                throw new IllegalArgumentException(String.format("%s: %s line 1: the header has no column '%s'", who, name, f.name()));
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

    private static Column<?>[] columns(List<Field> layout) {
        Column<?>[] cols = new Column<?>[layout.size()];
        for (int i = 0; i < cols.length; i++) {
            Field f = layout.get(i);
            cols[i] = switch (f.kind()) {
                case INT -> IntColumn.create(f.name());
                case LONG -> LongColumn.create(f.name());
                case STRING -> StringColumn.create(f.name());
                case HOUR -> DateTimeColumn.create(f.name());
            };
        }
        return cols;
    }

    private static void append(String who, String file, int line, int index, Field f, String raw, Column<?> col) {
        String v = raw.strip();
        if (v.isEmpty()) {
            if (!f.optional()) {
                throw malformed(who, file, line, index, f, raw, "is empty");
            }
            col.appendMissing();
            return;
        }
        try {
            switch (f.kind()) {
                case INT -> ((IntColumn) col).append(Integer.parseInt(v));
                case LONG -> ((LongColumn) col).append(parseLong(v));
                case STRING -> ((StringColumn) col).append(v);
                case HOUR -> ((DateTimeColumn) col).append(hour(v));
            }
        } catch (NumberFormatException e) {
            throw malformed(who, file, line, index, f, raw, f.kind() == Kind.INT ? "is not a 32-bit integer" : "is not an integer");
        } catch (java.time.DateTimeException e) {
            throw malformed(who, file, line, index, f, raw, "is not an hour YYMMDDHH");
        }
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

    private static IllegalArgumentException malformed(String who, String file, int line, int index, Field f, String raw, String what) {
        return new IllegalArgumentException(String.format("%s: %s line %d, field %d (%s): '%s' %s", who, file, line, index + 1, f.name(), raw, what));
    }
}
