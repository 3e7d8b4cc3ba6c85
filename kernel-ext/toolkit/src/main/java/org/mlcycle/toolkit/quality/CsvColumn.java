package org.mlcycle.toolkit.quality;

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

/**
 * One column being filled by the CSV reader: a cell is first staged (parsed, possibly rejected) and
 * only committed once every cell of its row parsed, so a quarantined row leaves no trace.
 */
abstract class CsvColumn {
    final String name;

    CsvColumn(String name) {
        this.name = name;
    }

    /** Parses and stages a cell; returns null, or why the text is not a value of this type. */
    abstract String stage(String s, int from, int to);

    abstract void stageMissing();

    abstract void commit();

    abstract Column<?> build();

    /** A builder for {@code type}; {@code expectedRows} (0 if unknown) sizes number columns up front. */
    static CsvColumn of(String name, ColumnType type, int expectedRows) {
        if (type == ColumnType.DOUBLE) {
            return new Doubles(name, expectedRows);
        } else if (type == ColumnType.INTEGER) {
            return new Ints(name);
        } else if (type == ColumnType.LONG) {
            return new Longs(name);
        } else if (type == ColumnType.BOOLEAN) {
            return new Booleans(name);
        } else if (type == ColumnType.LOCAL_DATE) {
            return new Dates(name);
        } else if (type == ColumnType.LOCAL_DATE_TIME) {
            return new DateTimes(name);
        }
        return new Strings(name);
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
        private final DoubleColumn column;
        private double staged;

        Doubles(String name, int expectedRows) {
            super(name);
            if (expectedRows > 0) {
                // reserve the capacity once: at 10M rows, growing by copies would need twice the memory
                column = DoubleColumn.create(name, expectedRows);
                column.clear();
            } else {
                column = DoubleColumn.create(name);
            }
        }

        @Override
        String stage(String s, int from, int to) {
            staged = FastDouble.parse(s, from, to);
            return Double.isNaN(staged) ? "is not a number" : null;
        }

        @Override
        void stageMissing() {
            staged = Double.NaN;
        }

        @Override
        void commit() {
            column.append(staged);
        }

        @Override
        Column<?> build() {
            return column;
        }
    }

    private static final class Ints extends CsvColumn {
        private final IntColumn column;
        private Integer staged;

        Ints(String name) {
            super(name);
            column = IntColumn.create(name);
        }

        @Override
        String stage(String s, int from, int to) {
            try {
                staged = Integer.valueOf(s.substring(from, to).strip());
                return staged == Integer.MIN_VALUE ? "is the missing-value marker of an integer column" : null;
            } catch (NumberFormatException e) {
                return "is not an integer";
            }
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
        Column<?> build() {
            return column;
        }
    }

    private static final class Longs extends CsvColumn {
        private final LongColumn column;
        private Long staged;

        Longs(String name) {
            super(name);
            column = LongColumn.create(name);
        }

        @Override
        String stage(String s, int from, int to) {
            try {
                staged = Long.valueOf(s.substring(from, to).strip());
                return staged == Long.MIN_VALUE ? "is the missing-value marker of a long column" : null;
            } catch (NumberFormatException e) {
                return "is not a whole number";
            }
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
        Column<?> build() {
            return column;
        }
    }

    private static final class Strings extends CsvColumn {
        private static final int CACHE = 1 << 13;
        private final StringColumn column;
        // recent distinct values, so a repeated category is one String object whose hash is already known
        private final String[] cache = new String[CACHE];
        private int cached;
        private String staged;

        Strings(String name) {
            super(name);
            column = StringColumn.create(name);
        }

        @Override
        String stage(String s, int from, int to) {
            int len = to - from;
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + s.charAt(i);
            }
            int slot = (h ^ (h >>> 16)) & (CACHE - 1);
            while (true) {
                String c = cache[slot];
                if (c == null) {
                    staged = s.substring(from, to);
                    if (cached < CACHE / 2) {
                        cache[slot] = staged;
                        cached++;
                    }
                    return null;
                }
                if (c.length() == len && s.regionMatches(from, c, 0, len)) {
                    staged = c;
                    return null;
                }
                slot = (slot + 1) & (CACHE - 1);
            }
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
        Column<?> build() {
            return column;
        }
    }

    private static final class Booleans extends CsvColumn {
        private final BooleanColumn column;
        private Boolean staged;

        Booleans(String name) {
            super(name);
            column = BooleanColumn.create(name);
        }

        @Override
        String stage(String s, int from, int to) {
            staged = bool(s.substring(from, to).strip());
            return staged == null ? "is not true or false" : null;
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
                column.append(staged.booleanValue());
            }
        }

        @Override
        Column<?> build() {
            return column;
        }
    }

    private static final class Dates extends CsvColumn {
        private final DateColumn column;
        private LocalDate staged;

        Dates(String name) {
            super(name);
            column = DateColumn.create(name);
        }

        @Override
        String stage(String s, int from, int to) {
            staged = date(s.substring(from, to).strip());
            return staged == null ? "is not an ISO date (yyyy-mm-dd)" : null;
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
        Column<?> build() {
            return column;
        }
    }

    private static final class DateTimes extends CsvColumn {
        private final DateTimeColumn column;
        private LocalDateTime staged;

        DateTimes(String name) {
            super(name);
            column = DateTimeColumn.create(name);
        }

        @Override
        String stage(String s, int from, int to) {
            staged = dateTime(s.substring(from, to).strip());
            return staged == null ? "is not an ISO date-time (yyyy-mm-ddThh:mm[:ss])" : null;
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
        Column<?> build() {
            return column;
        }
    }
}
