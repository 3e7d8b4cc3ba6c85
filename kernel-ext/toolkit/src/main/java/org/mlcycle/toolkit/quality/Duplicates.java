package org.mlcycle.toolkit.quality;

import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Counts rows equal to an earlier row over the given columns (pandas' {@code duplicated().sum()}):
 * missing equals missing, 0.0 equals -0.0. One 64-bit hash per row, built column by column, so the
 * memory is one long and one int per row; rows with equal hashes are compared cell by cell.
 */
final class Duplicates {
    private Duplicates() {}

    static long count(List<Column<?>> columns, int rows) {
        if (rows < 2 || columns.isEmpty()) {
            return 0;
        }
        long[] hash = new long[rows];
        for (Column<?> c : columns) {
            if (c instanceof NumericColumn<?> n) {
                for (int i = 0; i < rows; i++) {
                    double v = n.isMissing(i) ? Double.NaN : n.getDouble(i);
                    long bits = v == 0 ? 0 : Double.doubleToLongBits(v);
                    hash[i] = mix(hash[i] * 31 + bits);
                }
            } else if (c instanceof StringColumn s) {
                for (int i = 0; i < rows; i++) {
                    hash[i] = mix(hash[i] * 31 + s.get(i).hashCode());
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    hash[i] = mix(hash[i] * 31 + (c.isMissing(i) ? 0 : c.getString(i).hashCode()));
                }
            }
        }
        int size = Integer.highestOneBit(Math.max(4, rows)) << 2;
        int mask = size - 1;
        int[] slots = new int[size]; // row + 1; 0 = empty
        long duplicates = 0;
        for (int r = 0; r < rows; r++) {
            int s = (int) hash[r] & mask;
            while (true) {
                int other = slots[s] - 1;
                if (other < 0) {
                    slots[s] = r + 1;
                    break;
                }
                if (hash[other] == hash[r] && equal(columns, other, r)) {
                    duplicates++;
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        return duplicates;
    }

    private static boolean equal(List<Column<?>> columns, int a, int b) {
        for (Column<?> c : columns) {
            boolean ma = c.isMissing(a), mb = c.isMissing(b);
            if (ma || mb) {
                if (ma != mb) {
                    return false;
                }
            } else if (c instanceof NumericColumn<?> n) {
                if (n.getDouble(a) != n.getDouble(b)) {
                    return false;
                }
            } else if (!Objects.equals(c.get(a), c.get(b))) {
                return false;
            }
        }
        return true;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
