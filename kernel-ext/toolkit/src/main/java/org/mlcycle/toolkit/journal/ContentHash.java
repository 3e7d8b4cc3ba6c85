package org.mlcycle.toolkit.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The content hash of a table: SHA-256 over its column names and the multiset of its rows, so the
 * same rows and values give the same hash however the table was built. Row order, column order,
 * the table's name and the column types do not count ({@code 1} in an integer column equals
 * {@code 1.0} in a double column, for whole numbers up to 2^53); a missing value differs from
 * every value, text {@code "1"}
 * differs from the number 1, and a changed value, row or column name changes the hash.
 */
public final class ContentHash {
    private static final byte MISSING = 'M';
    private static final byte NUMBER = 'N';
    private static final byte TEXT = 'S';
    private static final byte BOOLEAN = 'B';
    private static final byte TIME = 'T';

    private ContentHash() {}

    /** The hash as 64 lower-case hex digits. */
    public static String of(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("content hash: the table is null");
        }
        List<Column<?>> columns = new ArrayList<>(table.columns());
        columns.sort((a, b) -> a.name().compareTo(b.name()));
        byte[][] rows = new byte[table.rowCount()][];
        MessageDigest rowDigest = sha256();
        for (int r = 0; r < rows.length; r++) {
            for (Column<?> column : columns) {
                cell(rowDigest, column, r);
            }
            rows[r] = rowDigest.digest();
        }
        Arrays.sort(rows, Arrays::compare);
        MessageDigest total = sha256();
        total.update(ByteBuffer.allocate(8)
                .putInt(columns.size())
                .putInt(rows.length)
                .array());
        for (Column<?> column : columns) {
            field(total, TEXT, column.name());
        }
        for (byte[] row : rows) {
            total.update(row);
        }
        return HexFormat.of().formatHex(total.digest());
    }

    /**
     * The digest of one row given as its values in the order of the column names sorted, each a
     * {@code Double}, {@code Float}, {@code Integer}, {@code Long}, {@code Short}, {@code Boolean}, a
     * {@code java.time} value, text, or null for missing: the same bytes as {@link #of} digests for a
     * table's row with those values. For computing the hash where the rows are (a Spark job).
     */
    public static byte[] row(Object[] valuesBySortedName) {
        MessageDigest digest = sha256();
        for (Object v : valuesBySortedName) {
            value(digest, v);
        }
        return digest.digest();
    }

    /**
     * The hash from the column names and the row digests of {@link #row}, given in the order of
     * {@link #ROW_ORDER}: equal to {@link #of} for a table with those columns and rows.
     */
    public static String combine(List<String> columnNames, long rows, java.util.Iterator<byte[]> sortedRowDigests) {
        List<String> names = new ArrayList<>(columnNames);
        names.sort(String::compareTo);
        MessageDigest total = sha256();
        total.update(ByteBuffer.allocate(8)
                .putInt(names.size())
                .putInt(Math.toIntExact(rows))
                .array());
        for (String name : names) {
            field(total, TEXT, name);
        }
        long seen = 0;
        while (sortedRowDigests.hasNext()) {
            total.update(sortedRowDigests.next());
            seen++;
        }
        if (seen != rows) {
            throw new IllegalArgumentException("content hash: " + seen + " row digests for " + rows + " rows");
        }
        return HexFormat.of().formatHex(total.digest());
    }

    /** The order of the row digests in the hash: bytes compared as signed numbers ({@code Arrays.compare}). */
    public static final java.util.Comparator<byte[]> ROW_ORDER = Arrays::compare;

    private static void value(MessageDigest digest, Object value) {
        if (value == null) {
            digest.update(MISSING);
        } else if (value instanceof Double d) {
            number(digest, d, false);
        } else if (value instanceof Float f) {
            number(digest, f, true);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            field(digest, NUMBER, value.toString());
        } else if (value instanceof String s && s.isEmpty()) {
            digest.update(MISSING);
        } else if (value instanceof Number n) {
            number(digest, n.doubleValue(), false);
        } else if (value instanceof Boolean b) {
            field(digest, BOOLEAN, b.toString());
        } else if (value instanceof TemporalAccessor) {
            field(digest, TIME, value.toString());
        } else {
            field(digest, TEXT, value.toString());
        }
    }

    private static void cell(MessageDigest digest, Column<?> column, int row) {
        if (column.isMissing(row)) {
            digest.update(MISSING);
        } else if (column instanceof DoubleColumn c) {
            number(digest, c.getDouble(row), false);
        } else if (column instanceof FloatColumn c) {
            number(digest, c.getFloat(row), true);
        } else if (column instanceof IntColumn c) {
            field(digest, NUMBER, Integer.toString(c.getInt(row)));
        } else if (column instanceof LongColumn c) {
            field(digest, NUMBER, Long.toString(c.getLong(row)));
        } else if (column instanceof ShortColumn c) {
            field(digest, NUMBER, Short.toString(c.getShort(row)));
        } else {
            Object value = column.get(row);
            if (value == null || (value instanceof String s && s.isEmpty())) {
                digest.update(MISSING);
            } else if (value instanceof Number n) {
                number(digest, n.doubleValue(), false);
            } else if (value instanceof Boolean b) {
                field(digest, BOOLEAN, b.toString());
            } else if (value instanceof TemporalAccessor) {
                field(digest, TIME, value.toString());
            } else {
                field(digest, TEXT, value.toString());
            }
        }
    }

    /**
     * Whole numbers up to 2^53 as integers (so 3 and 3.0 agree), others by their shortest decimal
     * form; a float by its own shortest form, so 0.1f agrees with 0.1.
     */
    private static void number(MessageDigest digest, double d, boolean isFloat) {
        if (Double.isNaN(d)) {
            digest.update(MISSING);
        } else if (d == Math.rint(d) && Math.abs(d) <= 0x1p53) {
            field(digest, NUMBER, Long.toString((long) d));
        } else if (Double.isInfinite(d)) {
            field(digest, NUMBER, d > 0 ? "inf" : "-inf");
        } else {
            field(digest, NUMBER, isFloat ? Float.toString((float) d) : Double.toString(d));
        }
    }

    /** A tag, the length, then the bytes: no two different cells run together the same way. */
    private static void field(MessageDigest digest, byte tag, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        digest.update(tag);
        digest.update((byte) (n >>> 24));
        digest.update((byte) (n >>> 16));
        digest.update((byte) (n >>> 8));
        digest.update((byte) n);
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
