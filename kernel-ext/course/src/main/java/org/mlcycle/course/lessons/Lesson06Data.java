package org.mlcycle.course.lessons;

import org.mlcycle.course.variant.StudentDraw;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.metrics.Bootstrap;
import org.mlcycle.toolkit.metrics.Interval;
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

    /** The first half of {@link #validation}: the rows a threshold is chosen on. */
    public static Table chooseOn(long seed) {
        return validation(seed).inRange(0, ROWS / 2).setName("your pairs to choose on");
    }

    /** The second half of {@link #validation}: the rows a chosen threshold is judged on. */
    public static Table judgeOn(long seed) {
        return validation(seed).inRange(ROWS / 2, ROWS).setName("your pairs to judge on");
    }

    /**
     * The money {@code threshold} saves per 1,000 pairs against the default threshold of 0.5 (the cost
     * at 0.5 minus the cost at {@code threshold}), with its 95% bootstrap interval over the pairs.
     */
    public static Interval saving(boolean[] actual, double[] p, double threshold, double gainGood, double costBad) {
        return Bootstrap.over("saved per 1,000 pairs against threshold 0.5", p.length, idx -> {
            boolean[] a = new boolean[idx.length];
            double[] q = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                a[i] = actual[idx[i]];
                q[i] = p[idx[i]];
            }
            return costPer1000(a, q, 0.5, gainGood, costBad) - costPer1000(a, q, threshold, gainGood, costBad);
        });
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
