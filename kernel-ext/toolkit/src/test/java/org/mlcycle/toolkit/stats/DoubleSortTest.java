package org.mlcycle.toolkit.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DoubleSortTest {

    @Test
    void sortsLikeArraysSortIncludingNegativesSignedZerosAndInfinities() {
        Random random = new Random(42);
        double[] v = new double[50_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (i % 7) {
                case 0 -> random.nextGaussian() * 1e6;
                case 1 -> -random.nextInt(100);
                case 2 -> i % 2 == 0 ? 0.0 : -0.0;
                case 3 -> i % 3 == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 4 -> Double.MIN_VALUE * random.nextInt(5);
                default -> Math.rint(random.nextDouble() * 50);
            };
        }
        double[] expected = v.clone();
        Arrays.sort(expected);
        DoubleSort.sort(v);
        assertArrayEquals(expected, v);
    }

    @Test
    void aColumnOfOneRepeatedWholeNumberStaysSorted() {
        double[] v = new double[10_000];
        Arrays.fill(v, 3.0);
        v[17] = 2.0;
        double[] expected = v.clone();
        Arrays.sort(expected);
        DoubleSort.sort(v);
        assertArrayEquals(expected, v);
    }
}
