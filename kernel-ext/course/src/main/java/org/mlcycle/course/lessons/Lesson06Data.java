package org.mlcycle.course.lessons;

import org.mlcycle.course.variant.StudentDraw;
import org.mlcycle.toolkit.datasets.Period;
import tech.tablesaw.api.Table;

/**
 * A learner's own data for lesson 6's exercises: targeted pairs of two months ago from a world
 * made from the learner's variant seed ({@link StudentDraw#world}), labeled with guideline v2. The checks call the same
 * methods with the same seed, so the expected values are made again, never stored.
 */
public final class Lesson06Data {
    /** Rows in {@link #validation}: enough for several hundred positives. */
    public static final int ROWS = 12_000;

    private Lesson06Data() {}

    /** {@value #ROWS} targeted pairs with the lesson's features and a {@code label} column (labeler A, guideline v2). */
    public static Table validation(long seed) {
        return StudentDraw.labeledPairs(StudentDraw.world(seed), Period.TWO_MONTHS_AGO, ROWS)
                .setName("your validation pairs");
    }

    /** The label column as booleans. */
    public static boolean[] actual(Table t) {
        boolean[] a = new boolean[t.rowCount()];
        for (int i = 0; i < a.length; i++) {
            a[i] = t.intColumn("label").getInt(i) == 1;
        }
        return a;
    }

    /**
     * The net cost per 1,000 pairs of showing every pair scored at or above {@code threshold}: each
     * shown pair that should not be shown costs {@code costBad}, each shown pair that should be
     * shown earns {@code gainGood} (a negative cost). Pairs not shown cost nothing.
     */
    public static double costPer1000(boolean[] actual, double[] p, double threshold, double gainGood, double costBad) {
        long good = 0, bad = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] >= threshold) {
                if (actual[i]) good++;
                else bad++;
            }
        }
        return 1000 * (bad * costBad - good * gainGood) / p.length;
    }

    /** The threshold among the scores themselves (and one above them all: show nothing) with the lowest cost. */
    static double cheapestThreshold(boolean[] actual, double[] p, double gainGood, double costBad) {
        double[] sorted = java.util.Arrays.stream(p).distinct().sorted().toArray();
        double best = Math.nextUp(sorted[sorted.length - 1]);
        double bestCost = 0; // show nothing
        // walking the scores from the top down: each step shows the pairs scored exactly that value
        long good = 0, bad = 0;
        java.util.Map<Double, long[]> at = new java.util.HashMap<>();
        for (int i = 0; i < p.length; i++) {
            at.computeIfAbsent(p[i], k -> new long[2])[actual[i] ? 0 : 1]++;
        }
        for (int k = sorted.length - 1; k >= 0; k--) {
            long[] c = at.get(sorted[k]);
            good += c[0];
            bad += c[1];
            double cost = 1000 * (bad * costBad - good * gainGood) / p.length;
            if (cost < bestCost) {
                bestCost = cost;
                best = sorted[k];
            }
        }
        return best;
    }
}
