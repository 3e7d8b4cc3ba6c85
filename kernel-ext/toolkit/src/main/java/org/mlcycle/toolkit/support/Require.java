package org.mlcycle.toolkit.support;

import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Argument checks at a toolkit entry point (the caller's mistakes, Guava's {@code Preconditions}).
 * Each message is one line: who, what is wrong, where.
 */
public final class Require {
    private Require() {}

    /** {@code table} is not null; {@code who} names the entry point, e.g. "drift". */
    public static Table table(Table table, String who, String role) {
        if (table == null) {
            throw new IllegalArgumentException(who + ": the " + role + " table is null");
        }
        return table;
    }

    /** The table has the column; the message lists the columns it does have. */
    public static Column<?> column(Table table, String column, String who) {
        Objects.requireNonNull(table, who + ": table is null");
        if (column == null || !table.containsColumn(column)) {
            throw new IllegalArgumentException(String.format(
                    "%s: no column '%s' in table '%s' (has: %s)",
                    who, column, table.name(), String.join(", ", table.columnNames())));
        }
        return table.column(column);
    }

    /** The table has at least one row. */
    public static Table nonEmpty(Table table, String who) {
        Objects.requireNonNull(table, who + ": table is null");
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(String.format("%s: table '%s' has no rows", who, table.name()));
        }
        return table;
    }

    /** A general condition; {@code message} is a format string completed by {@code args}. */
    public static void that(boolean condition, String who, String message, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(who + ": " + String.format(message, args));
        }
    }
}
