package org.mlcycle.toolkit.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.DictionaryMap;

/**
 * How often each non-missing value of a column occurs, values as text. Numeric columns read as
 * categories use the shortest text of the number ("1", not "1.0"). Used by profiles, schemas and
 * categorical drift.
 */
public final class ValueCounts {
    private final Map<String, Long> counts;
    private final long missing;

    private ValueCounts(Map<String, Long> counts, long missing) {
        this.counts = counts;
        this.missing = missing;
    }

    /** Counts the values of {@code column}. */
    public static ValueCounts of(Column<?> column) {
        if (column instanceof StringColumn s) {
            return strings(s);
        }
        return generic(column);
    }

    private static ValueCounts generic(Column<?> column) {
        Map<String, Long> counts = new HashMap<>();
        long missing = 0;
        boolean numeric = column instanceof NumericColumn<?>;
        for (int i = 0; i < column.size(); i++) {
            if (column.isMissing(i)) {
                missing++;
            } else {
                String key = numeric ? text(((NumericColumn<?>) column).getDouble(i)) : column.getString(i);
                counts.merge(key, 1L, Long::sum);
            }
        }
        return new ValueCounts(counts, missing);
    }

    private static ValueCounts strings(StringColumn column) {
        DictionaryMap dict = column.getDictionary();
        int n = column.size();
        int[] keys = new int[n];
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int k = dict.getKeyForIndex(i);
            keys[i] = k;
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        Map<String, Long> counts = new HashMap<>();
        long missing = 0;
        if (n == 0) {
            return new ValueCounts(counts, 0);
        }
        if ((long) max - min > 4L * n + 1024) {
            return generic(column); // not the dense keys Tablesaw hands out: count by value
        }
        // dictionary keys are small consecutive integers, so an array indexed by key counts them
        long[] byKey = new long[max - min + 1];
        for (int k : keys) {
            byKey[k - min]++;
        }
        for (int k = 0; k < byKey.length; k++) {
            if (byKey[k] == 0) {
                continue;
            }
            String value = dict.getValueForKey(k + min);
            if (value == null || value.isEmpty()) {
                missing += byKey[k];
            } else {
                counts.merge(value, byKey[k], Long::sum);
            }
        }
        return new ValueCounts(counts, missing);
    }

    /** A number as the shortest text that reads back to it: 1.0 as "1", 0.5 as "0.5". */
    public static String text(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Value to count, non-missing values only. */
    public Map<String, Long> counts() {
        return counts;
    }

    /** Missing cells. */
    public long missing() {
        return missing;
    }

    /** Non-missing cells. */
    public long present() {
        long n = 0;
        for (long c : counts.values()) {
            n += c;
        }
        return n;
    }

    /** The {@code k} most frequent values, ties broken by value in ascending order. */
    public List<Map.Entry<String, Long>> top(int k) {
        List<Map.Entry<String, Long>> all = new ArrayList<>(counts.entrySet());
        all.sort(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        return List.copyOf(all.subList(0, Math.min(k, all.size())).stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList());
    }
}
