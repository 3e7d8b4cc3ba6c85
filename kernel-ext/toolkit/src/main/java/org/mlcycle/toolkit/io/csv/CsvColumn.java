package org.mlcycle.toolkit.io.csv;

import it.unimi.dsi.fastutil.bytes.Byte2IntOpenHashMap;
import it.unimi.dsi.fastutil.bytes.Byte2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ByteOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ShortOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2IntOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2ObjectOpenHashMap;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.ShortDictionaryMap;
import tech.tablesaw.columns.strings.StringColumnType;

/**
 * One column of one part of a CSV file being filled by the reader: a cell is first staged (parsed,
 * possibly rejected) and only committed once every cell of its row parsed, so a quarantined row
 * leaves no trace. The parts of a file are read apart (on several threads) and {@link #build}
 * joins them into one Tablesaw column.
 */
abstract class CsvColumn {
    final String name;

    CsvColumn(String name) {
        this.name = name;
    }

    /** Parses and stages a cell from its UTF-8 bytes; returns null, or why the text is not a value of this type. */
    abstract String stage(byte[] b, int from, int to);

    abstract void stageMissing();

    abstract void commit();

    /** Called when this part has read all its rows: drops what only reading needed. */
    void endParse() {}

    /** The column holding the rows of {@code parts} (parts of one column, in file order), which are emptied. */
    static Column<?> build(java.util.List<CsvColumn> parts) {
        return parts.get(0).join(parts);
    }

    abstract Column<?> join(java.util.List<CsvColumn> parts);

    static String utf8(byte[] b, int from, int to) {
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A builder for {@code type}; {@code expectedRows} (0 if unknown) sizes number columns up front. */
    static CsvColumn of(String name, ColumnType type, int expectedRows) {
        // by name, not identity: Tablesaw's column types can exist twice in one JVM, depending
        // on which of its classes was initialised first
        String kind = type == null ? "" : type.name();
        return switch (kind) {
            case "DOUBLE" -> new Doubles(name, expectedRows);
            case "INTEGER" -> new Ints(name);
            case "LONG" -> new Longs(name);
            case "BOOLEAN" -> new Booleans(name);
            case "LOCAL_DATE" -> new Dates(name);
            case "LOCAL_DATE_TIME" -> new DateTimes(name);
            default -> new Strings(name, expectedRows);
        };
    }

    /** Parses an ISO date-time with 'T' or a space between date and time; null when it is not one. */
    static LocalDateTime dateTime(String text) {
        try {
            return LocalDateTime.parse(
                    text.length() > 10 && text.charAt(10) == ' '
                            ? text.substring(0, 10) + 'T' + text.substring(11)
                            : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static final class Doubles extends CsvColumn {
        private double[] values;
        private int size;
        private double staged;

        Doubles(String name, int expectedRows) {
            super(name);
            // sized once from the expected rows: at 10M rows, growing by copies would need twice the memory
            values = new double[Math.max(16, expectedRows)];
        }

        @Override
        String stage(byte[] b, int from, int to) {
            staged = FastDouble.parse(b, from, to);
            return Double.isNaN(staged) ? "is not a number" : null;
        }

        @Override
        void stageMissing() {
            staged = Double.NaN;
        }

        @Override
        void commit() {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, values.length + (values.length >> 1) + 16);
            }
            values[size++] = staged;
        }

        @Override
        Column<?> join(java.util.List<CsvColumn> parts) {
            int total = 0;
            for (CsvColumn p : parts) {
                total += ((Doubles) p).size;
            }
            double[] all = new double[total];
            int row = 0;
            for (CsvColumn p : parts) {
                Doubles d = (Doubles) p;
                System.arraycopy(d.values, 0, all, row, d.size);
                row += d.size;
                d.values = null;
                d.size = 0;
            }
            // the parts are released before DoubleColumn.create copies the array once more
            DoubleColumn column = DoubleColumn.create(name, all);
            return column;
        }
    }

    /**
     * Text, dictionary-encoded per part by the bytes of the cell, so a repeated category costs a hash
     * lookup and an int instead of a decoded String per cell; each distinct text is decoded once.
     */
    static final class Strings extends CsvColumn {
        private int[] ids;
        private int size;
        private int staged;
        private String[] values = new String[64];
        private byte[] suspect = new byte[64];
        private int distinct;
        // open addressing over the distinct byte strings; slots hold id + 1, 0 when free
        private int[] slots = new int[256];
        private int[] hashes = new int[64];
        private int[] start = new int[64];
        private int[] end = new int[64];
        private byte[] pool = new byte[1 << 12];
        private int poolLen;

        Strings(String name, int expectedRows) {
            super(name);
            ids = new int[Math.max(16, expectedRows)];
        }

        @Override
        String stage(byte[] b, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            int mask = slots.length - 1;
            int slot = (h ^ (h >>> 16)) & mask;
            while (true) {
                int e = slots[slot];
                if (e == 0) {
                    staged = add(b, from, to, h);
                    slots[slot] = staged + 1;
                    if (distinct * 2 > slots.length) {
                        rehash();
                    }
                    return null;
                }
                int id = e - 1;
                if (hashes[id] == h && end[id] - start[id] == to - from && same(pool, start[id], b, from, to)) {
                    staged = id;
                    return null;
                }
                slot = (slot + 1) & mask;
            }
        }

        /** A plain loop: categories are a few bytes long, where Arrays.equals' set-up cost showed in profiles. */
        private static boolean same(byte[] pool, int at, byte[] b, int from, int to) {
            for (int i = from; i < to; i++, at++) {
                if (pool[at] != b[i]) {
                    return false;
                }
            }
            return true;
        }

        private int add(byte[] b, int from, int to, int h) {
            int id = distinct++;
            if (id == values.length) {
                int n = id * 2;
                values = java.util.Arrays.copyOf(values, n);
                suspect = java.util.Arrays.copyOf(suspect, n);
                hashes = java.util.Arrays.copyOf(hashes, n);
                start = java.util.Arrays.copyOf(start, n);
                end = java.util.Arrays.copyOf(end, n);
            }
            int n = to - from;
            if (poolLen + n > pool.length) {
                pool = java.util.Arrays.copyOf(pool, Math.max(pool.length * 2, poolLen + n));
            }
            System.arraycopy(b, from, pool, poolLen, n);
            start[id] = poolLen;
            end[id] = poolLen + n;
            poolLen += n;
            hashes[id] = h;
            String v = utf8(b, from, to);
            values[id] = v;
            suspect[id] = (byte) (n <= 4 ? CsvOptions.SUSPECT_TOKENS.indexOf(v) : -1);
            return id;
        }

        private void rehash() {
            int[] s = new int[slots.length * 2];
            int mask = s.length - 1;
            for (int id = 0; id < distinct; id++) {
                int h = hashes[id];
                int slot = (h ^ (h >>> 16)) & mask;
                while (s[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                s[slot] = id + 1;
            }
            slots = s;
        }

        /** Index in {@link CsvOptions#SUSPECT_TOKENS} of the staged text, -1 when it is none of them. */
        int stagedSuspect() {
            return suspect[staged];
        }

        @Override
        void stageMissing() {
            staged = -1;
        }

        @Override
        void commit() {
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, ids.length + (ids.length >> 1) + 16);
            }
            ids[size++] = staged;
        }

        @Override
        void endParse() {
            slots = null;
            hashes = null;
            start = null;
            end = null;
            pool = null;
        }

        @Override
        Column<?> join(java.util.List<CsvColumn> parts) {
            // Dictionary keys in order of first appearance over the committed rows, as appending gives.
            // StringColumn.append costs three hash look-ups per row (measured: the largest part of
            // reading the 1M-row benchmark file); the rows' keys are known here, so the column's
            // dictionary is handed over whole.
            int total = 0;
            for (CsvColumn p : parts) {
                total += ((Strings) p).size;
            }
            java.util.Map<String, Integer> keyOf = new java.util.HashMap<>();
            java.util.List<String> keys = new java.util.ArrayList<>();
            int[] rowKeys = new int[total];
            int row = 0;
            for (CsvColumn p : parts) {
                Strings s = (Strings) p;
                int[] global = new int[s.distinct];
                java.util.Arrays.fill(global, Integer.MIN_VALUE);
                for (int i = 0; i < s.size; i++) {
                    int id = s.ids[i];
                    int k;
                    if (id < 0 || s.values[id].isEmpty()) {
                        k = -1; // Tablesaw reads "" as missing
                    } else if ((k = global[id]) == Integer.MIN_VALUE) {
                        Integer known = keyOf.get(s.values[id]);
                        if (known == null) {
                            known = keys.size();
                            keys.add(s.values[id]);
                            keyOf.put(s.values[id], known);
                        }
                        k = known;
                        global[id] = k;
                    }
                    rowKeys[row++] = k;
                }
                s.ids = null;
                s.size = 0;
            }
            if (keys.size() <= BYTE_KEYS) {
                return StringColumn.createInternal(name, byteDictionary(keys, rowKeys));
            } else if (keys.size() <= SHORT_KEYS) {
                return StringColumn.createInternal(name, shortDictionary(keys, rowKeys));
            }
            StringColumn column = StringColumn.create(name);
            for (int k : rowKeys) {
                if (k < 0) {
                    column.appendMissing();
                } else {
                    column.append(keys.get(k));
                }
            }
            return column;
        }
    }

    // The key layout of Tablesaw 0.44's ByteDictionaryMap and ShortDictionaryMap: keys handed out from
    // MIN_VALUE + 1 upwards, MAX_VALUE for missing ("").
    private static final int BYTE_KEYS = Byte.MAX_VALUE - Byte.MIN_VALUE - 1;
    private static final int SHORT_KEYS = Short.MAX_VALUE - Short.MIN_VALUE - 1;

    private static DictionaryMap byteDictionary(java.util.List<String> keys, int[] rowKeys) {
        Byte2ObjectOpenHashMap<String> keyToValue = new Byte2ObjectOpenHashMap<>();
        Object2ByteOpenHashMap<String> valueToKey = new Object2ByteOpenHashMap<>();
        valueToKey.defaultReturnValue(Byte.MIN_VALUE);
        Byte2IntOpenHashMap keyToCount = new Byte2IntOpenHashMap();
        int[] counts = new int[keys.size() + 1];
        byte[] values = new byte[rowKeys.length];
        for (int i = 0; i < rowKeys.length; i++) {
            int k = rowKeys[i];
            counts[k + 1]++;
            values[i] = k < 0 ? Byte.MAX_VALUE : (byte) (Byte.MIN_VALUE + 1 + k);
        }
        for (int k = 0; k < keys.size(); k++) {
            byte key = (byte) (Byte.MIN_VALUE + 1 + k);
            keyToValue.put(key, keys.get(k));
            valueToKey.put(keys.get(k), key);
            keyToCount.put(key, counts[k + 1]);
        }
        if (counts[0] > 0) {
            keyToValue.put(Byte.MAX_VALUE, StringColumnType.missingValueIndicator());
            valueToKey.put(StringColumnType.missingValueIndicator(), Byte.MAX_VALUE);
            keyToCount.put(Byte.MAX_VALUE, counts[0]);
        }
        return new ByteDictionaryMap.ByteDictionaryBuilder()
                .setNextIndex(Byte.MIN_VALUE + keys.size())
                .setKeyToValue(keyToValue)
                .setValueToKey(valueToKey)
                .setKeyToCount(keyToCount)
                .setValues(values)
                .build();
    }

    private static DictionaryMap shortDictionary(java.util.List<String> keys, int[] rowKeys) {
        Short2ObjectOpenHashMap<String> keyToValue = new Short2ObjectOpenHashMap<>();
        Object2ShortOpenHashMap<String> valueToKey = new Object2ShortOpenHashMap<>();
        valueToKey.defaultReturnValue(Short.MIN_VALUE);
        Short2IntOpenHashMap keyToCount = new Short2IntOpenHashMap();
        int[] counts = new int[keys.size() + 1];
        short[] values = new short[rowKeys.length];
        for (int i = 0; i < rowKeys.length; i++) {
            int k = rowKeys[i];
            counts[k + 1]++;
            values[i] = k < 0 ? Short.MAX_VALUE : (short) (Short.MIN_VALUE + 1 + k);
        }
        for (int k = 0; k < keys.size(); k++) {
            short key = (short) (Short.MIN_VALUE + 1 + k);
            keyToValue.put(key, keys.get(k));
            valueToKey.put(keys.get(k), key);
            keyToCount.put(key, counts[k + 1]);
        }
        if (counts[0] > 0) {
            keyToValue.put(Short.MAX_VALUE, StringColumnType.missingValueIndicator());
            valueToKey.put(StringColumnType.missingValueIndicator(), Short.MAX_VALUE);
            keyToCount.put(Short.MAX_VALUE, counts[0]);
        }
        return new ShortDictionaryMap.ShortDictionaryBuilder()
                .setNextIndex(Short.MIN_VALUE + keys.size())
                .setKeyToValue(keyToValue)
                .setValueToKey(valueToKey)
                .setKeyToCount(keyToCount)
                .setValues(values)
                .build();
    }

    /** Types read rarely enough that a Tablesaw column per part, joined by appending, is fine. */
    private abstract static class Appended<T> extends CsvColumn {
        final Column<T> column;
        T staged;

        Appended(String name, Column<T> column) {
            super(name);
            this.column = column;
        }

        @Override
        void stageMissing() {
            staged = null;
        }

        @Override
        void commit() {
            if (staged == null) {
                column.appendMissing();
            } else {
                column.append(staged);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        Column<?> join(java.util.List<CsvColumn> parts) {
            for (int i = 1; i < parts.size(); i++) {
                column.append(((Appended<T>) parts.get(i)).column);
                ((Appended<T>) parts.get(i)).column.clear();
            }
            return column;
        }
    }

    private static final class Ints extends Appended<Integer> {
        Ints(String name) {
            super(name, IntColumn.create(name));
        }

        @Override
        String stage(byte[] b, int from, int to) {
            try {
                staged = Integer.valueOf(utf8(b, from, to).strip());
                return staged == Integer.MIN_VALUE ? "is the missing-value marker of an integer column" : null;
            } catch (NumberFormatException e) {
                return "is not an integer";
            }
        }
    }

    private static final class Longs extends Appended<Long> {
        Longs(String name) {
            super(name, LongColumn.create(name));
        }

        @Override
        String stage(byte[] b, int from, int to) {
            try {
                staged = Long.valueOf(utf8(b, from, to).strip());
                return staged == Long.MIN_VALUE ? "is the missing-value marker of a long column" : null;
            } catch (NumberFormatException e) {
                return "is not a whole number";
            }
        }
    }

    private static final class Booleans extends Appended<Boolean> {
        Booleans(String name) {
            super(name, BooleanColumn.create(name));
        }

        @Override
        String stage(byte[] b, int from, int to) {
            staged = bool(utf8(b, from, to).strip());
            return staged == null ? "is not true or false" : null;
        }
    }

    private static final class Dates extends Appended<LocalDate> {
        Dates(String name) {
            super(name, DateColumn.create(name));
        }

        @Override
        String stage(byte[] b, int from, int to) {
            staged = date(utf8(b, from, to).strip());
            return staged == null ? "is not an ISO date (yyyy-mm-dd)" : null;
        }
    }

    private static final class DateTimes extends Appended<LocalDateTime> {
        DateTimes(String name) {
            super(name, DateTimeColumn.create(name));
        }

        @Override
        String stage(byte[] b, int from, int to) {
            staged = dateTime(utf8(b, from, to).strip());
            return staged == null ? "is not an ISO date-time (yyyy-mm-ddThh:mm[:ss])" : null;
        }
    }
}
