package org.mlcycle.toolkit.quality;

import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.DictionaryMap;

/**
 * Counts rows equal to an earlier row over the given columns (pandas' {@code duplicated().sum()}):
 * missing equals missing, 0.0 equals -0.0. One 64-bit hash per row, built column by column, so the
 * memory is one long and one int per row; rows with equal hashes are compared cell by cell (text by
 * dictionary key, so no string is touched).
 */
final class Duplicates {
    private Duplicates() {}

    static long count(List<Column<?>> columns, int rows) {
        if (rows < 2 || columns.isEmpty()) {
            return 0;
        }
        int k = columns.size();
        NumericColumn<?>[] numbers = new NumericColumn<?>[k];
        DictionaryMap[] texts = new DictionaryMap[k];
        Column<?>[] others = new Column<?>[k];
        long[] hash = new long[rows];
        for (int c = 0; c < k; c++) {
            Column<?> col = columns.get(c);
            if (col instanceof NumericColumn<?> n) {
                numbers[c] = n;
                for (int i = 0; i < rows; i++) {
                    double v = n.getDouble(i);
                    long bits = v == 0 ? 0 : Double.isNaN(v) ? 1 : Double.doubleToLongBits(v);
                    hash[i] = mix(hash[i] * 31 + bits);
                }
            } else if (col instanceof StringColumn s) {
                DictionaryMap dict = s.getDictionary();
                texts[c] = dict;
                for (int i = 0; i < rows; i++) {
                    hash[i] = mix(hash[i] * 31 + dict.getKeyForIndex(i));
                }
            } else {
                others[c] = col;
                for (int i = 0; i < rows; i++) {
                    hash[i] = mix(hash[i] * 31
                            + (col.isMissing(i) ? 0 : col.getString(i).hashCode()));
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
                if (hash[other] == hash[r] && equal(numbers, texts, others, other, r)) {
                    duplicates++;
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        return duplicates;
    }

    private static boolean equal(NumericColumn<?>[] numbers, DictionaryMap[] texts, Column<?>[] others, int a, int b) {
        for (int c = 0; c < numbers.length; c++) {
            if (numbers[c] != null) {
                double x = numbers[c].getDouble(a), y = numbers[c].getDouble(b);
                if (x != y && !(Double.isNaN(x) && Double.isNaN(y))) { // missing (NaN) equals missing
                    return false;
                }
            } else if (texts[c] != null) {
                if (texts[c].getKeyForIndex(a) != texts[c].getKeyForIndex(b)) {
                    return false;
                }
            } else {
                Column<?> col = others[c];
                boolean ma = col.isMissing(a), mb = col.isMissing(b);
                if (ma != mb || (!ma && !Objects.equals(col.get(a), col.get(b)))) {
                    return false;
                }
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
