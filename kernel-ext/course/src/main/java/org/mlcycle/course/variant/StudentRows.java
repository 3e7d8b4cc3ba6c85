package org.mlcycle.course.variant;

import java.util.Arrays;

/**
 * Short names for the row draws the lesson notebooks make: {@code k} of a lesson's {@code n} rows,
 * picked from the learner's seed by {@link StudentDraw}. The lesson's data stay the lesson's; each
 * learner answers on a different sample of them, and a check draws the same rows again.
 */
public final class StudentRows {
    /** The salt of {@link #between}, so a number drawn beside a sample does not repeat its first draw. */
    static final long BETWEEN_SALT = 0x5DEECE66DL;

    private StudentRows() {}

    /** {@code k} distinct indices of {@code 0..n-1}, in increasing order, drawn from {@code seed}. */
    public static int[] sample(long seed, int n, int k) {
        return StudentDraw.of(seed, 0).sample(n, k);
    }

    /** A whole number in {@code [low, high]} from {@code seed}, the same for the same seed and range. */
    public static int between(long seed, int low, int high) {
        return StudentDraw.of(seed, BETWEEN_SALT).between(low, high);
    }

    /** The values at {@code rows}. */
    public static double[] pick(double[] values, int[] rows) {
        return Arrays.stream(rows).mapToDouble(r -> values[r]).toArray();
    }

    /** The values at {@code rows}. */
    public static int[] pick(int[] values, int[] rows) {
        return Arrays.stream(rows).map(r -> values[r]).toArray();
    }

    /** The values at {@code rows}. */
    public static boolean[] pick(boolean[] values, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
