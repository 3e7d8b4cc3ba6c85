package org.mlcycle.toolkit.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;
import tech.tablesaw.columns.Column;

/**
 * A table as gzip-compressed bytes and back, exactly: names, column types, values and missing
 * cells. Column by column, so similar values sit together and compress well.
 */
final class TableCodec {
    private static final int FORMAT = 1;

    private TableCodec() {}

    static byte[] encode(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(FORMAT);
            out.writeUTF(table.name() == null ? "" : table.name());
            out.writeInt(table.columnCount());
            out.writeInt(table.rowCount());
            for (Column<?> column : table.columns()) {
                out.writeUTF(column.name());
                out.writeUTF(column.type().name());
                writeColumn(out, column);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The types a snapshot can store; anything else is refused before a write begins. */
    static void requireSupported(Table table, String who) {
        for (Column<?> column : table.columns()) {
            String type = column.type().name();
            switch (type) {
                case "SHORT",
                        "INTEGER",
                        "LONG",
                        "FLOAT",
                        "DOUBLE",
                        "BOOLEAN",
                        "STRING",
                        "LOCAL_DATE",
                        "LOCAL_TIME",
                        "LOCAL_DATE_TIME",
                        "INSTANT" -> {}
                default ->
                    throw new IllegalArgumentException(who + ": column '" + column.name() + "' has type " + type
                            + ", which a snapshot cannot store");
            }
        }
    }

    /** Typed loops for the common column types (no boxing), the general path for the rest. */
    private static void writeColumn(DataOutputStream out, Column<?> column) throws IOException {
        int size = column.size();
        for (int r = 0; r < size; r++) {
            boolean missing = column.isMissing(r);
            out.writeBoolean(missing);
            if (missing) {
                continue;
            }
            if (column instanceof DoubleColumn c) {
                out.writeDouble(c.getDouble(r));
            } else if (column instanceof IntColumn c) {
                out.writeInt(c.getInt(r));
            } else if (column instanceof StringColumn c) {
                writeLongUtf(out, c.get(r));
            } else {
                writeValue(out, column.get(r));
            }
        }
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value instanceof Short s) {
            out.writeShort(s);
        } else if (value instanceof Integer i) {
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeLong(l);
        } else if (value instanceof Float f) {
            out.writeFloat(f);
        } else if (value instanceof Double d) {
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof LocalDate d) {
            out.writeLong(d.toEpochDay());
        } else if (value instanceof LocalTime t) {
            out.writeLong(t.toNanoOfDay());
        } else if (value instanceof LocalDateTime t) {
            out.writeUTF(t.toString());
        } else if (value instanceof Instant t) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        } else {
            writeLongUtf(out, String.valueOf(value));
        }
    }

    static Table decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(data)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("unknown table format " + format);
            }
            Table table = Table.create(in.readUTF());
            int columns = in.readInt();
            int rows = in.readInt();
            for (int c = 0; c < columns; c++) {
                String name = in.readUTF();
                ColumnType type = ColumnType.valueOf(in.readUTF());
                Column<?> column = type.create(name);
                for (int r = 0; r < rows; r++) {
                    if (in.readBoolean()) {
                        column.appendMissing();
                    } else {
                        readValue(in, column);
                    }
                }
                table.addColumns(column);
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readValue(DataInputStream in, Column<?> column) throws IOException {
        if (column instanceof ShortColumn c) {
            c.append(in.readShort());
        } else if (column instanceof IntColumn c) {
            c.append(in.readInt());
        } else if (column instanceof LongColumn c) {
            c.append(in.readLong());
        } else if (column instanceof FloatColumn c) {
            c.append(in.readFloat());
        } else if (column instanceof DoubleColumn c) {
            c.append(in.readDouble());
        } else if (column instanceof BooleanColumn c) {
            c.append(in.readBoolean());
        } else if (column instanceof DateColumn c) {
            c.append(LocalDate.ofEpochDay(in.readLong()));
        } else if (column instanceof TimeColumn c) {
            c.append(LocalTime.ofNanoOfDay(in.readLong()));
        } else if (column instanceof DateTimeColumn c) {
            c.append(LocalDateTime.parse(in.readUTF()));
        } else if (column instanceof InstantColumn c) {
            c.append(Instant.ofEpochSecond(in.readLong(), in.readInt()));
        } else if (column instanceof StringColumn c) {
            c.append(readLongUtf(in));
        } else {
            throw new IOException(
                    "cannot restore a column of type " + column.type().name());
        }
    }

    /** {@code writeUTF} stops at 64 KiB; long cells (documents) need a length that fits them. */
    private static void writeLongUtf(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readLongUtf(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
