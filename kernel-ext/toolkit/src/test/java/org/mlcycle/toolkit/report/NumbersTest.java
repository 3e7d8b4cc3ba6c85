package org.mlcycle.toolkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    @DisplayName("a column gets six digits, trailing zeros trimmed by the same amount in every value, as pandas does")
    void fixedColumnsTrimTogether() {
        assertEquals(List.of("0.108089", "0.500000"), Numbers.column(new double[] {0.1080891910808919, 0.5}, 6));
        assertEquals(List.of("25003.0", "2491.0", "20000.0"), Numbers.column(new double[] {25003, 2491, 2e4}, 6));
        assertEquals(List.of("0.25", "1.50", "NaN"), Numbers.column(new double[] {0.25, 1.5, Double.NaN}, 6));
    }

    @Test
    @DisplayName("a value too small for six fixed digits turns the whole column scientific")
    void tinyValuesGoScientific() {
        assertEquals(
                List.of("3.000000e-09", "5.000000e-01"),
                Numbers.column(new double[] {0.0000000030000000000000004, 0.5}, 6));
        assertEquals("3.000000e-09", Numbers.format(0.0000000030000000000000004));
    }

    @Test
    @DisplayName("full precision on request; brief keeps six significant digits for printouts")
    void fullAndBrief() {
        assertEquals(List.of("0.1080891910808919"), Numbers.column(new double[] {0.1080891910808919}, Numbers.FULL));
        assertEquals("0.108089", Numbers.brief(0.1080891910808919));
        assertEquals("2491", Numbers.brief(2491.0));
        assertEquals("3e-09", Numbers.brief(0.0000000030000000000000004));
    }
}
