package org.mlcycle.toolkit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.journal.Journal;
import tech.tablesaw.api.Table;

class MonitorTest {
    static final int FLIP_DAY = 7;

    @Test
    void anInjectedChangeRaisesTheAlertOnItsDayNotBeforeAndItIsJournalled(@TempDir Path dir) {
        Table train = Traffic.days(1, 3, 1000, FLIP_DAY, 21);
        Table traffic = Traffic.days(4, 10, 1000, FLIP_DAY, 22);
        try (Journal journal = Journal.open(dir.resolve("journal.sqlite"))) {
            ModelRegistry registry = ModelRegistry.in(journal);
            registry.register("ads", Traffic.train(train), train, Map.of(), null);
            MonitorReport report = Monitor.replay(
                    registry,
                    "ads@1",
                    traffic,
                    MonitorOptions.by("day")
                            .withAlert("roc_auc", 0.65)
                            .withRetrainWindows(3)
                            .withRule(ShowRule.defaults().withClicks("clicked", "cpc")));
            assertEquals(7, report.windows().size());
            assertEquals("day 7", report.firstAlert().orElseThrow().label(), report.toText());
            for (WindowStats w : report.windows()) {
                boolean changed = w.start() >= FLIP_DAY;
                assertEquals(changed, w.alert(), w.label() + " " + w.metric("roc_auc"));
                assertEquals(changed, w.driftedInputs().contains("bid"), w.label() + " " + w.driftedInputs());
            }
            assertEquals(1, report.alerts().size(), "one alert per fall, not one per window below the level");
            assertEquals(1, journal.alerts().size());
            assertTrue(
                    journal.alerts().get(0).message().contains("in window day 7, below 0.6500"),
                    journal.alerts().get(0).message());
            RetrainSuggestion retrain = report.retrainSuggestion().orElseThrow();
            assertEquals("day 8", retrain.from());
            assertEquals("day 10", retrain.to());
            assertEquals(
                    List.of(8, 9, 10),
                    retrain.data(traffic).intColumn("day").unique().asList().stream()
                            .sorted()
                            .toList());
            assertTrue(report.toHtml().contains("<img"), "the dashboard is drawn");
        }
    }

    @Test
    void businessNumbersCountShownAdsClicksAndTheirPrices() {
        Table train = Traffic.days(1, 2, 800, 99, 23);
        Table traffic = Traffic.days(3, 4, 500, 99, 24);
        ShowRule rule = ShowRule.defaults().withThreshold(0.4).withClicks("clicked", "cpc");
        MonitorReport report = Monitor.replay(
                "ads",
                Traffic.train(train),
                train,
                traffic,
                MonitorOptions.by("day").withRule(rule),
                null);
        double[] p = Traffic.train(train).predict(traffic).doubleColumn("p_1").asDoubleArray();
        long shown = 0, clicks = 0;
        double revenue = 0;
        for (int i = 0; i < 500; i++) { // the first day's rows
            if (p[i] >= 0.4) {
                shown++;
                if (traffic.intColumn("clicked").get(i) == 1) {
                    clicks++;
                    revenue += traffic.doubleColumn("cpc").get(i);
                }
            }
        }
        WindowStats first = report.windows().get(0);
        assertEquals(shown, first.business().impressions());
        assertEquals(clicks, first.business().clicks());
        assertEquals(revenue, first.business().revenue(), 1e-9);
        assertTrue(report.alerts().isEmpty());
        assertFalse(report.retrainSuggestion().isPresent(), "no alert, no retrain suggestion");
    }

    @Test
    void smoothingWaitsForEnoughWindowsAndStillFiresOnlyAfterTheChange() {
        Table train = Traffic.days(1, 3, 600, FLIP_DAY, 25);
        Table traffic = Traffic.days(4, 10, 600, FLIP_DAY, 26);
        MonitorReport report = Monitor.replay(
                "ads",
                Traffic.train(train),
                train,
                traffic,
                MonitorOptions.by("day").withAlert("roc_auc", 0.65).withSmoothing(3),
                null);
        assertTrue(Double.isNaN(report.windows().get(1).watched()), "two windows are not a mean of three");
        double first = report.firstAlert().orElseThrow().start();
        assertTrue(first >= FLIP_DAY && first <= FLIP_DAY + 2, report.toText());
    }

    @Test
    void labelsTwoWindowsLateDelayTheAlertByTwoWindows() {
        Table train = Traffic.days(1, 3, 600, FLIP_DAY, 25);
        Table traffic = Traffic.days(4, 10, 600, FLIP_DAY, 26);
        MonitorOptions options = MonitorOptions.by("day").withAlert("roc_auc", 0.65);
        MonitorReport now = Monitor.replay("ads", Traffic.train(train), train, traffic, options, null);
        MonitorReport late =
                Monitor.replay("ads", Traffic.train(train), train, traffic, options.withLabelDelay(2), null);
        assertTrue(Double.isNaN(late.windows().get(1).watched()), "on the second day no labelled day is in yet");
        assertEquals(
                now.windows().get(0).watched(), late.windows().get(2).watched(), 1e-12, "day 3 sees day 1's labels");
        assertEquals(
                now.firstAlert().orElseThrow().start() + 2,
                late.firstAlert().orElseThrow().start(),
                1e-9,
                late.toText());
        assertTrue(options.withLabelDelay(2).alertText().contains("2 windows late"));
    }
}
