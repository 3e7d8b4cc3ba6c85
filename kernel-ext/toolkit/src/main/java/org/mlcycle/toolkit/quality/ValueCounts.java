package org.mlcycle.toolkit.quality;

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
        Map<Integer, long[]> byKey = new HashMap<>();
        int n = column.size();
        int lastKey = Integer.MIN_VALUE;
        long[] last = null;
        for (int i = 0; i < n; i++) {
            int key = dict.getKeyForIndex(i);
            if (key != lastKey || last == null) {
                last = byKey.computeIfAbsent(key, k -> new long[1]);
                lastKey = key;
            }
            last[0]++;
        }
        Map<String, Long> counts = new HashMap<>();
        long missing = 0;
        for (Map.Entry<Integer, long[]> e : byKey.entrySet()) {
            String value = dict.getValueForKey(e.getKey());
            if (value == null || value.isEmpty()) {
                missing += e.getValue()[0];
            } else {
                counts.merge(value, e.getValue()[0], Long::sum);
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
