package org.mlcycle.toolkit.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.bridge.ServingModel;
import tech.tablesaw.api.Table;

class ShadowAndRetrainingTest {

    @Test
    void theShadowCandidateIsComparedOnTheSameTrafficWhileProductionDecides() {
        ServingModel production = Traffic.train(Traffic.days(1, 3, 800, 7, 31));
        ServingModel candidate = Traffic.train(Traffic.days(7, 9, 800, 7, 32));
        Table traffic = Traffic.days(10, 11, 700, 7, 33);
        ShadowReport report = Shadow.replay(
                "ads@1",
                production,
                "ads@2",
                candidate,
                traffic,
                ShowRule.defaults().withClicks("clicked", "cpc"));
        double[] p = production.predict(traffic).doubleColumn("p_1").asDoubleArray();
        double[] c = candidate.predict(traffic).doubleColumn("p_1").asDoubleArray();
        int same = 0;
        for (int i = 0; i < p.length; i++) {
            same += (p[i] >= 0.5) == (c[i] >= 0.5) ? 1 : 0;
            assertEquals(p[i] >= 0.5, report.decisions().booleanColumn("served").get(i), "row " + i);
        }
        assertEquals(same / (double) p.length, report.agreement(), 1e-12);
        assertTrue(
                report.candidateMetrics().rocAuc() > report.productionMetrics().rocAuc() + 0.2, report.toText());
        assertTrue(report.toHtml().contains("<img"), "the comparison is plotted");
    }

    @Test
    void aLegacyRuleInProductionIsComparedByItsDecisions() {
        ServingModel candidate = Traffic.train(Traffic.days(1, 3, 800, 99, 34));
        Table traffic = Traffic.days(4, 4, 600, 99, 35);
        boolean[] legacy = new boolean[traffic.rowCount()];
        for (int i = 0; i < legacy.length; i++)
            legacy[i] = traffic.intColumn("slot").get(i) == 1; // show in the top slot only
        ShadowReport report =
                Shadow.againstRule("legacy rule", legacy, "ads@1", candidate, traffic, ShowRule.defaults());
        int onlyLegacy = 0;
        double[] c = candidate.predict(traffic).doubleColumn("p_1").asDoubleArray();
        for (int i = 0; i < legacy.length; i++) onlyLegacy += legacy[i] && c[i] < 0.5 ? 1 : 0;
        assertEquals(onlyLegacy, report.onlyProduction());
        assertTrue(
                report.candidateMetrics().confusion().precision()
                        > report.productionMetrics().confusion().precision(),
                report.toText());
    }

    @Test
    void retrainingOnAScheduleOrOnAlertIsReplayedAgainstNeverRetraining() {
        Table train = Traffic.days(1, 3, 500, 7, 41);
        Table traffic = Traffic.days(4, 14, 500, 7, 42);
        MonitorOptions options =
                MonitorOptions.by("day").withAlert("roc_auc", 0.65).withRetrainWindows(2);
        RetrainComparison comparison = Retraining.compare(
                Traffic.train(train),
                traffic,
                Traffic::train,
                options,
                List.of(RetrainPolicy.never(), RetrainPolicy.every(3), RetrainPolicy.onAlert(3)));
        assertEquals(List.of(), comparison.run("never").retrainedAfter());
        assertEquals(
                List.of("day 6", "day 9", "day 12"),
                comparison.run("every 3 windows").retrainedAfter());
        assertEquals("day 7", comparison.run("on alert").retrainedAfter().get(0), comparison.toText());
        assertTrue(
                comparison.run("on alert").meanOfLast(5)
                        > comparison.run("never").meanOfLast(5) + 0.2,
                comparison.toText());
        assertTrue(comparison.toHtml().contains("<img"));
    }
}
