package org.mlcycle.toolkit.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;

class ChartsTest {

    @Test
    void aSharesPairHasAReferenceAndACurrentSeriesAndEncodesAsPng() {
        CategoryChart chart =
                Charts.sharesPair("bid", List.of("(-inf, 1]", "(1, inf)"), List.of(0.5, 0.5), List.of(0.2, 0.8));
        assertEquals(
                List.of("reference", "current"),
                List.copyOf(chart.getSeriesMap().keySet()));
        byte[] png = Charts.png(chart);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void notApplicableScoresAreDrawnAsZeroRatherThanFailing() {
        CategoryChart chart = Charts.scoreBars("scores", List.of("a", "b"), List.of(0.3, Double.NaN), 0.1);
        assertEquals("scores (threshold 0.100)", chart.getTitle());
        assertTrue(Charts.img(chart).startsWith("<img style=\"max-width:100%\" alt=\"scores (threshold 0.100)\""));
    }

    @Test
    void labelsAndValuesOfDifferentLengthAreAOneLineError() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Charts.sharesPair("bid", List.of("a", "b"), List.of(1.0), List.of(1.0, 0.0)));
        assertEquals(
                "charts: 'bid' needs as many values as labels and at least one (labels 2, values 1 and 2)",
                e.getMessage());
    }
}
