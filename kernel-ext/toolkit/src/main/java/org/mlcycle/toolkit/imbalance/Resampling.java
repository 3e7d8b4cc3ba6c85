package org.mlcycle.toolkit.imbalance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.split.Splits;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Seeded random resampling of training rows (imbalanced-learn's {@code RandomOverSampler} and
 * {@code RandomUnderSampler} with {@code sampling_strategy="auto"}). Resampling belongs inside the
 * training part of a split or fold: a resampled test set no longer measures the world the model will
 * meet, and duplicated rows on both sides of a split leak. Test splits are refused.
 */
public final class Resampling {
    private Resampling() {}

    /**
     * Every class but the largest is topped up to the largest class's count with rows drawn with
     * replacement from that class; the original rows come first, in order, then the drawn ones.
     */
    public static Table randomOver(Table train, String label, long seed) {
        String who = "random over-sampling";
        Map<String, int[]> byClass = classes(train, label, who);
        int target = byClass.values().stream().mapToInt(r -> r.length).max().orElse(0);
        Random random = new Random(seed);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < train.rowCount(); i++) rows.add(i);
        for (int[] members : byClass.values()) {
            for (int d = members.length; d < target; d++) rows.add(members[random.nextInt(members.length)]);
        }
        return take(train, rows, String.format(Locale.ROOT, "%s (over-sampled, seed %d)", train.name(), seed));
    }

    /**
     * Every class but the rarest is cut down to the rarest class's count, keeping rows drawn without
     * replacement; kept rows stay in their original order.
     */
    public static Table randomUnder(Table train, String label, long seed) {
        String who = "random under-sampling";
        Map<String, int[]> byClass = classes(train, label, who);
        int target = byClass.values().stream().mapToInt(r -> r.length).min().orElse(0);
        Random random = new Random(seed);
        List<Integer> rows = new ArrayList<>();
        for (int[] members : byClass.values()) {
            int[] shuffled = members.clone();
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            for (int i = 0; i < target; i++) rows.add(shuffled[i]);
        }
        rows.sort(null);
        return take(train, rows, String.format(Locale.ROOT, "%s (under-sampled, seed %d)", train.name(), seed));
    }

    private static Map<String, int[]> classes(Table train, String label, String who) {
        Require.nonEmpty(Require.table(train, who, "training"), who);
        if (Splits.isTestSet(train)) {
            throw new IllegalArgumentException(String.format(
                    "%s: table '%s' is a test split; resample the training rows only, and evaluate on the rows as they"
                            + " are",
                    who, train.name()));
        }
        String[] y = LabelColumn.values(train, label, who);
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < y.length; i++)
            rows.computeIfAbsent(y[i], c -> new ArrayList<>()).add(i);
        Map<String, int[]> out = new LinkedHashMap<>();
        rows.keySet().stream()
                .sorted()
                .forEach(c -> out.put(
                        c, rows.get(c).stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** The given rows in the given order, duplicates kept (Tablesaw's {@code rows(int...)} would sort and merge them). */
    private static Table take(Table table, List<Integer> rows, String name) {
        int[] idx = rows.stream().mapToInt(Integer::intValue).toArray();
        Table out = Table.create(name);
        for (Column<?> c : table.columns()) out.addColumns(c.subset(idx));
        return out;
    }
}
