package org.mlcycle.toolkit.stats;

import java.util.Arrays;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/** The non-missing values of a numeric column as a plain array, and the test for "numeric". */
public final class NumericValues {
    private NumericValues() {}

    /** True for Tablesaw's number columns (double, float, int, long, short). */
    public static boolean isNumeric(Column<?> column) {
        return column instanceof NumericColumn<?>;
    }

    /** The non-missing values in row order (NaN and the integer missing markers are dropped). */
    public static double[] present(Column<?> column) {
        NumericColumn<?> c = (NumericColumn<?>) column;
        int n = c.size();
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!c.isMissing(i)) {
                double v = c.getDouble(i);
                if (!Double.isNaN(v)) {
                    out[k++] = v;
                }
            }
        }
        return k == n ? out : Arrays.copyOf(out, k);
    }

    /** The non-missing values, sorted ascending. */
    public static double[] sorted(Column<?> column) {
        double[] v = present(column);
        DoubleSort.sort(v);
        return v;
    }
}
