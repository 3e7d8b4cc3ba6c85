package org.mlcycle.toolkit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class TimeWindowsTest {

    /** Day 1: the model ranks perfectly; day 3: backwards. Four rows a day. */
    static Table scored() {
        DateColumn day = DateColumn.create("day");
        LocalDate d1 = LocalDate.of(2024, 3, 1);
        int[] y = {1, 0, 1, 0, 1, 0, 1, 0};
        double[] p = {0.9, 0.1, 0.8, 0.2, 0.1, 0.9, 0.2, 0.8};
        for (int i = 0; i < 8; i++) day.append(i < 4 ? d1 : d1.plusDays(2));
        return Table.create("scored", day, IntColumn.create("clicked", y), DoubleColumn.create("p", p));
    }

    @Test
    void showsAModelThatWasFineThenAndIsPoorNow() {
        TimeWindowReport r = TimeWindows.evaluate(scored(), "day", "clicked", "p", 1, MetricsOptions.defaults());
        assertEquals(2, r.windows().size());
        assertEquals(LocalDate.of(2024, 3, 1), r.windows().get(0).start());
        assertEquals(1.0, r.windows().get(0).metrics().rocAuc(), 1e-12);
        assertEquals(0.0, r.windows().get(1).metrics().rocAuc(), 1e-12);
        assertTrue(
                r.verdict().startsWith("metrics over time: 2 windows of 1 day by 'day'; ROC-AUC 1.0000 -> 0.0000"),
                r.verdict());
    }

    @Test
    void theChartDrawsEachScorePerWindowAndAGapWhereOneIsUndefined() {
        Table t = scored();
        t.intColumn("clicked").set(4, 0); // day 3 keeps only negatives: no ROC-AUC there
        t.intColumn("clicked").set(6, 0);
        TimeWindowReport r = TimeWindows.evaluate(t, "day", "clicked", "p", 1, MetricsOptions.defaults());

        var series = r.chart().getSeriesMap();

        assertEquals(List.of("ROC-AUC", "PR-AUC (AP)", "base rate"), List.copyOf(series.keySet()));
        List<Number> auc = new ArrayList<>();
        series.get("ROC-AUC").getYData().forEach(auc::add);
        assertEquals(1.0, auc.get(0));
        assertEquals(null, auc.get(1));
        assertTrue(r.toHtml().contains("data:image/png;base64,"));
    }

    @Test
    void aThreeDayWindowHoldsBothDays() {
        TimeWindowReport r = TimeWindows.evaluate(scored(), "day", "clicked", "p", 3, MetricsOptions.defaults());
        assertEquals(1, r.windows().size());
        assertEquals(8, r.windows().get(0).metrics().confusion().n());
        assertEquals(LocalDate.of(2024, 3, 3), r.windows().get(0).end());
    }

    @Test
    void refusesATimeColumnThatIsNotADate() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TimeWindows.evaluate(scored(), "clicked", "clicked", "p", 1, MetricsOptions.defaults()));
        assertEquals(
                "metrics over time: column 'clicked' in table 'scored' is INTEGER, not a date, date-time or instant",
                e.getMessage());
    }
}
