package org.mlcycle.toolkit.datasets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a generated table as bytes that never depend on the JDK or the locale: integers as they
 * are, decimals with a fixed number of places, missing values as empty fields, "\n" line ends.
 */
final class CsvText {
    private CsvText() {}

    /** Decimal places per double column; any other double column gets 6. */
    static int places(String column) {
        return switch (column) {
            case "text_sim", "past_ctr" -> 4;
            case "landing_score" -> 3;
            case "bid_cpc" -> 2;
            default -> 6;
        };
    }

    static byte[] encode(Table t, char separator, boolean header) {
        StringBuilder sb = new StringBuilder(t.rowCount() * 40 + 256);
        int nc = t.columnCount();
        if (header) {
            for (int c = 0; c < nc; c++) {
                if (c > 0) {
                    sb.append(separator);
                }
                sb.append(t.column(c).name());
            }
            sb.append('\n');
        }
        Column<?>[] cols = new Column<?>[nc];
        int[] places = new int[nc];
        for (int c = 0; c < nc; c++) {
            cols[c] = t.column(c);
            places[c] = places(cols[c].name());
        }
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < nc; c++) {
                if (c > 0) {
                    sb.append(separator);
                }
                Column<?> col = cols[c];
                if (col.isMissing(r)) {
                    continue;
                }
                ColumnType type = col.type();
                if (type == ColumnType.DOUBLE) {
                    fixed(sb, t.doubleColumn(c).getDouble(r), places[c]);
                } else if (type == ColumnType.INTEGER) {
                    sb.append(t.intColumn(c).getInt(r));
                } else {
                    sb.append(col.getString(r));
                }
            }
            sb.append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(sb.length());
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        return out.toByteArray();
    }

    /** Fixed-point text of a value already rounded to {@code places} (so the text is exact). */
    static void fixed(StringBuilder sb, double x, int places) {
        long scale = 1;
        for (int i = 0; i < places; i++) {
            scale *= 10;
        }
        long v = Math.round(x * scale);
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        sb.append(v / scale);
        if (places > 0) {
            sb.append('.');
            String frac = Long.toString(v % scale);
            for (int i = frac.length(); i < places; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
