package org.mlcycle.toolkit.stats;

import java.util.Arrays;

/**
 * Sorts doubles (no NaN) in the order of {@link Arrays#sort(double[])} by LSD radix sort on their
 * bits, 16 bits a pass; a pass where every value has the same digit is skipped, which makes columns
 * of whole numbers or few values cheap. Profiles and drift sort every numeric column once, so this
 * is where their time goes.
 */
final class DoubleSort {
    private static final int SMALL = 2048;

    private DoubleSort() {}

    static void sort(double[] a) {
        int n = a.length;
        if (n < SMALL) {
            Arrays.sort(a);
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(a[i]);
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE); // unsigned order = numeric order
        }
        long[] buffer = new long[n];
        int[] counts = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(counts, 0);
            for (long k : keys) {
                counts[(int) (k >>> shift) & 0xFFFF]++;
            }
            if (counts[(int) (keys[0] >>> shift) & 0xFFFF] == n) {
                continue; // every key has this digit: nothing to move
            }
            int sum = 0;
            for (int d = 0; d < counts.length; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (long k : keys) {
                buffer[counts[(int) (k >>> shift) & 0xFFFF]++] = k;
            }
            long[] t = keys;
            keys = buffer;
            buffer = t;
        }
        for (int i = 0; i < n; i++) {
            long k = keys[i];
            long bits = k < 0 ? k ^ Long.MIN_VALUE : ~k;
            a[i] = Double.longBitsToDouble(bits);
        }
    }
}
