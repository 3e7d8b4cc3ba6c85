package org.mlcycle.toolkit.split;

import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a label column of any type as one string per row ("1", "true", "spam"), the form the split,
 * label and imbalance tools compare classes in. A missing label is the caller's mistake: it is
 * reported with its row rather than silently treated as a class.
 */
public final class LabelColumn {
    private LabelColumn() {}

    /** The label of every row as a string; {@code who} names the entry point for error messages. */
    public static String[] values(Table table, String column, String who) {
        Column<?> c = Require.column(table, column, who);
        String[] out = new String[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            if (c.isMissing(i)) {
                throw new IllegalArgumentException(String.format(
                        "%s: label '%s' is missing in row %d of table '%s'", who, column, i, table.name()));
            }
            out[i] = c.getString(i);
        }
        return out;
    }
}
