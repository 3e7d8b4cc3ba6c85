package org.mlcycle.toolkit.split;

import java.util.HashMap;
import java.util.Map;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a label column of any type as one string per row ("1", "true", "spam"), the form the split,
 * label and imbalance tools compare classes in. A missing label is the caller's mistake: it is
 * reported with its row rather than silently treated as a class.
 */
public final class LabelColumn {
    private LabelColumn() {}

    /**
     * Whether a cell is missing. Tablesaw 0.44.4's {@code StringColumn} reports an empty string read from
     * a file as missing, but not one written later by {@code set(i, "")} or {@code setMissing(i)}; here
     * an empty string always counts as missing.
     */
    public static boolean isMissing(Column<?> column, int row) {
        return column.isMissing(row)
                || (column instanceof StringColumn s && s.get(row).isEmpty());
    }

    /** The label of every row as a string; {@code who} names the entry point for error messages. */
    public static String[] values(Table table, String column, String who) {
        Column<?> c = Require.column(table, column, who);
        String[] out = new String[table.rowCount()];
        Map<Object, String> text = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            if (isMissing(c, i)) {
                throw new IllegalArgumentException(String.format(
                        "%s: label '%s' is missing in row %d of table '%s'", who, column, i, table.name()));
            }
            // a numeric column formats each value through DecimalFormat: do it once per distinct value
            final int row = i;
            out[i] = text.computeIfAbsent(c.get(i), v -> c.getString(row));
        }
        return out;
    }
}
