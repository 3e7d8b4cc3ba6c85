package org.mlcycle.course;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.course.variant.StudentDraw;
import org.mlcycle.course.variant.StudentRows;
import org.mlcycle.toolkit.exercises.Variant;

class StudentRowsTest {
    @Test
    @DisplayName("a seed draws the same distinct rows every time, in order; another seed draws others")
    void sample() {
        int[] a = StudentRows.sample(Variant.seed("alice"), 1_000, 300);
        assertArrayEquals(a, StudentRows.sample(Variant.seed("alice"), 1_000, 300));
        assertEquals(300, Arrays.stream(a).distinct().count());
        assertTrue(Arrays.stream(a).allMatch(i -> i >= 0 && i < 1_000));
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i - 1] < a[i], "sorted");
        }
        assertFalse(Arrays.equals(a, StudentRows.sample(Variant.seed("bob"), 1_000, 300)));
        assertArrayEquals(new int[] {0, 1, 2}, StudentRows.sample(7, 3, 3), "all rows when k = n");
        assertThrows(IllegalArgumentException.class, () -> StudentRows.sample(1, 3, 4));
    }

    @Test
    @DisplayName("pick keeps the values at the drawn rows; between stays in its range and follows the seed")
    void pickAndBetween() {
        int[] rows = {1, 3};
        assertArrayEquals(new double[] {0.2, 0.4}, StudentRows.pick(new double[] {0.1, 0.2, 0.3, 0.4}, rows));
        assertArrayEquals(
                new boolean[] {true, false}, StudentRows.pick(new boolean[] {false, true, true, false}, rows));
        assertArrayEquals(new int[] {-5, -3}, StudentRows.pick(new int[] {-6, -5, -4, -3}, rows));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int s = 0; s < 100; s++) {
            int v = StudentRows.between(s, 1, 3);
            assertTrue(v >= 1 && v <= 3);
            assertEquals(v, StudentRows.between(s, 1, 3));
            seen.add(v);
        }
        assertEquals(3, seen.size(), "every value of the range occurs");
    }

    @Test
    @DisplayName("a draw is fixed by its seed and salt: the same pair repeats it, another salt gives other numbers")
    void drawsFollowSeedAndSalt() {
        long alice = Variant.seed("alice");
        StudentDraw one = StudentDraw.of(alice, 0x14),
                again = StudentDraw.of(alice, 0x14),
                other = StudentDraw.of(alice, 0x15);
        double[] a = {
            one.uniform(0.2, 0.4), one.gaussian(), one.between(5, 9), one.oneOf(java.util.List.of(1.0, 2.0, 3.0))
        };
        double[] b = {
            again.uniform(0.2, 0.4),
            again.gaussian(),
            again.between(5, 9),
            again.oneOf(java.util.List.of(1.0, 2.0, 3.0))
        };
        assertArrayEquals(a, b, "a check must rebuild the notebook's numbers");
        assertTrue(a[0] >= 0.2 && a[0] < 0.4 && a[2] >= 5 && a[2] <= 9);
        assertFalse(a[0] == other.uniform(0.2, 0.4), "another lesson's salt must draw other numbers");
        assertEquals(0.035, StudentDraw.round(0.0349999, 3));
        long binomial = StudentDraw.of(alice, 1).binomial(100_000, 0.03);
        assertTrue(Math.abs(binomial - 3_000) < 5 * Math.sqrt(3_000 * 0.97), "a binomial draw near n p: " + binomial);
    }
}
