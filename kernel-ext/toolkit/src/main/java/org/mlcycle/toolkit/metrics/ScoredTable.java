package org.mlcycle.toolkit.metrics;

import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a scored table into the arrays the metrics work on: the actual class of each row and one
 * score column. Missing cells are errors naming the row and column: a metric computed on the rows
 * that happen to be complete would describe a different test set.
 */
final class ScoredTable {
    private ScoredTable() {}

    /** Whether each row's {@code labelColumn} value is {@code positive}. */
    static boolean[] actual(Table table, String labelColumn, String positive, String who) {
        Column<?> label = Require.column(table, labelColumn, who);
        boolean[] actual = new boolean[table.rowCount()];
        for (int i = 0; i < actual.length; i++) {
            if (label.isMissing(i)) throw missing(who, i, labelColumn, table);
            actual[i] = label.getString(i).equals(positive);
        }
        return actual;
    }

    /** The numeric column {@code scoreColumn} as doubles. */
    static double[] scores(Table table, String scoreColumn, String who) {
        Column<?> column = Require.column(table, scoreColumn, who);
        if (!(column instanceof NumericColumn<?> p)) {
            throw new IllegalArgumentException(String.format(
                    "%s: column '%s' in table '%s' is %s, not numeric",
                    who, scoreColumn, table.name(), column.type().name()));
        }
        double[] score = new double[table.rowCount()];
        for (int i = 0; i < score.length; i++) {
            if (p.isMissing(i)) throw missing(who, i, scoreColumn, table);
            score[i] = p.getDouble(i);
        }
        return score;
    }

    private static IllegalArgumentException missing(String who, int row, String column, Table table) {
        return new IllegalArgumentException(String.format(
                "%s: missing value in row %d of column '%s' in table '%s'", who, row, column, table.name()));
    }
}
