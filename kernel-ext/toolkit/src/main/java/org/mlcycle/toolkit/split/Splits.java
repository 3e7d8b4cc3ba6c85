package org.mlcycle.toolkit.split;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Seeded splits of a table. Every method draws from its own {@code java.util.Random(seed)}, whose
 * sequence the JDK specification fixes, so the same table and seed give the same rows on any
 * machine. Stratified methods shuffle each class apart and deal it out, so every part keeps the
 * class shares to within one row per class.
 */
public final class Splits {
    private Splits() {}

    /** A random split: {@code round(n * testFraction)} rows go to test. */
    public static Split random(Table table, double testFraction, long seed) {
        Require.nonEmpty(Require.table(table, "random split", "split"), "random split");
        checkFraction("random split", testFraction);
        int n = table.rowCount();
        int[] order = shuffled(range(n), new Random(seed));
        int nTest = (int) Math.round(n * testFraction);
        return make(
                "random",
                n,
                Arrays.copyOfRange(order, nTest, n),
                Arrays.copyOf(order, nTest),
                String.format(Locale.ROOT, "test fraction %s, seed %d", testFraction, seed));
    }

    /**
     * A split that keeps each class's share: of each class, {@code round(count * testFraction)} rows go
     * to test (at least one when the class has two rows or more and the fraction is above 0).
     */
    public static Split stratified(Table table, String label, double testFraction, long seed) {
        Require.nonEmpty(Require.table(table, "stratified split", "split"), "stratified split");
        checkFraction("stratified split", testFraction);
        String[] y = LabelColumn.values(table, label, "stratified split");
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int[] rows : byClass(y).values()) {
            int[] order = shuffled(rows, random);
            int nTest = (int) Math.round(order.length * testFraction);
            if (nTest == 0 && testFraction > 0 && order.length >= 2) nTest = 1;
            for (int i = 0; i < order.length; i++) (i < nTest ? test : train).add(order[i]);
        }
        return make(
                "stratified",
                y.length,
                toArray(train),
                toArray(test),
                String.format(Locale.ROOT, "by '%s', test fraction %s, seed %d", label, testFraction, seed));
    }

    /** Rows before {@code cutoff} train, rows at or after it test (a date column). */
    public static Split outOfTime(Table table, String timeColumn, LocalDate cutoff) {
        return outOfTime(table, timeColumn, (Object) cutoff);
    }

    /** Rows before {@code cutoff} train, rows at or after it test (a date-time column). */
    public static Split outOfTime(Table table, String timeColumn, LocalDateTime cutoff) {
        return outOfTime(table, timeColumn, (Object) cutoff);
    }

    /** Rows before {@code cutoff} train, rows at or after it test (an instant column). */
    public static Split outOfTime(Table table, String timeColumn, Instant cutoff) {
        return outOfTime(table, timeColumn, (Object) cutoff);
    }

    /** Rows before {@code cutoff} train, rows at or after it test (a numeric column, e.g. a day number). */
    public static Split outOfTime(Table table, String timeColumn, double cutoff) {
        return outOfTime(table, timeColumn, (Object) cutoff);
    }

    private static Split outOfTime(Table table, String timeColumn, Object cutoff) {
        String who = "out-of-time split";
        Require.nonEmpty(Require.table(table, who, "split"), who);
        Column<?> c = Require.column(table, timeColumn, who);
        Require.that(cutoff != null, who, "the cutoff is null");
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            if (c.isMissing(i)) {
                throw new IllegalArgumentException(String.format(
                        "%s: time '%s' is missing in row %d of table '%s'", who, timeColumn, i, table.name()));
            }
            (before(c, i, cutoff, who, table) ? train : test).add(i);
        }
        return make(
                "out-of-time",
                table.rowCount(),
                toArray(train),
                toArray(test),
                String.format(Locale.ROOT, "'%s' before %s trains, from %s on tests", timeColumn, cutoff, cutoff));
    }

    private static boolean before(Column<?> c, int i, Object cutoff, String who, Table table) {
        if (c instanceof DateColumn d && cutoff instanceof LocalDate t)
            return d.get(i).isBefore(t);
        if (c instanceof DateTimeColumn d && cutoff instanceof LocalDateTime t)
            return d.get(i).isBefore(t);
        if (c instanceof InstantColumn d && cutoff instanceof Instant t)
            return d.get(i).isBefore(t);
        if (c instanceof NumericColumn<?> d && cutoff instanceof Double t) return d.getDouble(i) < t;
        throw new IllegalArgumentException(String.format(
                "%s: column '%s' in table '%s' is %s; a %s cutoff does not fit it",
                who, c.name(), table.name(), c.type().name(), cutoff.getClass().getSimpleName()));
    }

    /**
     * Stratified k-fold: each class is shuffled and dealt round-robin into the folds, continuing from
     * the fold where the previous class stopped, so fold sizes differ by at most one row and a class
     * with at least k rows has a row in every fold.
     */
    public static Folds stratifiedKFold(Table table, String label, int k, long seed) {
        String who = "stratified k-fold";
        Require.nonEmpty(Require.table(table, who, "split"), who);
        String[] y = LabelColumn.values(table, label, who);
        Require.that(k >= 2 && k <= y.length, who, "k must be between 2 and the %d rows, got %d", y.length, k);
        Random random = new Random(seed);
        int[] foldOf = new int[y.length];
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int f = 0; f < k; f++) counts.add(new HashMap<>());
        int next = 0;
        for (Map.Entry<String, int[]> e : byClass(y).entrySet()) {
            for (int row : shuffled(e.getValue(), random)) {
                foldOf[row] = next;
                counts.get(next).merge(e.getKey(), 1, Integer::sum);
                next = (next + 1) % k;
            }
        }
        return new Folds(k, seed, label, foldOf, counts);
    }

    /** Plain k-fold: rows shuffled and dealt round-robin; no class balance (for comparison with the stratified one). */
    public static Folds kFold(Table table, int k, long seed) {
        String who = "k-fold";
        Require.nonEmpty(Require.table(table, who, "split"), who);
        int n = table.rowCount();
        Require.that(k >= 2 && k <= n, who, "k must be between 2 and the %d rows, got %d", n, k);
        int[] foldOf = new int[n];
        int[] order = shuffled(range(n), new Random(seed));
        for (int i = 0; i < n; i++) foldOf[order[i]] = i % k;
        return new Folds(k, seed, "", foldOf, List.of());
    }

    /** Whether {@code table} is the test part handed out by a {@link Split} (the very object, not a copy). */
    public static boolean isTestSet(Table table) {
        return TestSets.contains(table);
    }

    /** Rows of each class in first-seen order of the classes, rows ascending within a class. */
    static Map<String, int[]> byClass(String[] y) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < y.length; i++)
            rows.computeIfAbsent(y[i], c -> new ArrayList<>()).add(i);
        // sorted class order: the result must not depend on which class happens to come first
        Map<String, int[]> out = new LinkedHashMap<>();
        rows.keySet().stream().sorted().forEach(c -> out.put(c, toArray(rows.get(c))));
        return out;
    }

    private static Split make(String method, int n, int[] train, int[] test, String how) {
        Arrays.sort(train);
        Arrays.sort(test);
        return new Split(method, n, train, test, how);
    }

    private static void checkFraction(String who, double f) {
        Require.that(f > 0 && f < 1, who, "test fraction must be between 0 and 1 (exclusive), got %s", f);
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    /** A Fisher-Yates shuffle of a copy. */
    static int[] shuffled(int[] rows, Random random) {
        int[] a = rows.clone();
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static int[] toArray(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) a[i] = list.get(i);
        return a;
    }
}
