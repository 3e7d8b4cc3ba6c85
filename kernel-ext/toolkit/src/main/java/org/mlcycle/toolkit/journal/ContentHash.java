package org.mlcycle.toolkit.journal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The content hash of a table: SHA-256 over its column names and the multiset of its rows, so the
 * same rows and values give the same hash however the table was built. Row order, column order,
 * the table's name and the column types do not count ({@code 1} in an integer column equals
 * {@code 1.0} in a double column); a missing value differs from every value, text {@code "1"}
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
        total.update(ByteBuffer.allocate(8).putInt(columns.size()).putInt(rows.length).array());
        for (Column<?> column : columns) {
            field(total, TEXT, column.name());
        }
        for (byte[] row : rows) {
            total.update(row);
        }
        return HexFormat.of().formatHex(total.digest());
    }

    private static void cell(MessageDigest digest, Column<?> column, int row) {
        Object value = column.isMissing(row) ? null : column.get(row);
        if (value == null || (value instanceof String s && s.isEmpty())) {
            digest.update(MISSING);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                digest.update(MISSING);
            } else if (Double.isInfinite(d)) {
                field(digest, NUMBER, d > 0 ? "inf" : "-inf");
            } else {
                String exact = value instanceof Float ? Float.toString((Float) value) : Double.toString(d);
                field(digest, NUMBER, canonical(new BigDecimal(exact)));
            }
        } else if (value instanceof Number number) {
            field(digest, NUMBER, canonical(new BigDecimal(number.toString())));
        } else if (value instanceof Boolean b) {
            field(digest, BOOLEAN, b.toString());
        } else if (value instanceof TemporalAccessor) {
            field(digest, TIME, value.toString());
        } else {
            field(digest, TEXT, value.toString());
        }
    }

    private static String canonical(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }

    /** A tag, the length, then the bytes: no two different cells run together the same way. */
    private static void field(MessageDigest digest, byte tag, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(tag);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
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
