package org.mlcycle.course.variant;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A learner's own draw of a lesson's rows: {@code k} of {@code n} row indices picked without
 * replacement from the learner's variant seed. The lesson's data stay the lesson's; each learner
 * answers on a different sample of them, and a check draws the same rows again from the same seed,
 * so the expected value is rebuilt, never stored.
 */
public final class StudentRows {
    private StudentRows() {}

    /** {@code k} distinct indices of {@code 0..n-1}, in increasing order, drawn from {@code seed}. */
    public static int[] sample(long seed, int n, int k) {
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("sample: cannot draw " + k + " rows out of " + n);
        }
        // a partial Fisher-Yates shuffle: the first k places of a seeded permutation
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, k);
        Arrays.sort(picked);
        return picked;
    }

    /** The values at {@code rows}. */
    public static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** The values at {@code rows}. */
    public static boolean[] pick(boolean[] values, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** The values at {@code rows}. */
    public static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    /** A whole number in {@code [low, high]} from {@code seed}, the same for the same seed and range. */
    public static int between(long seed, int low, int high) {
        if (high < low) {
            throw new IllegalArgumentException("between: " + low + " > " + high);
        }
        return low + new SplittableRandom(seed ^ 0x5DEECE66DL).nextInt(high - low + 1);
    }
}
