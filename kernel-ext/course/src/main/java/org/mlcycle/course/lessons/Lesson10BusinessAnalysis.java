package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;
import static org.mlcycle.toolkit.exercises.Verdict.close;

import java.util.List;
import org.mlcycle.course.variant.StudentRows;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.metrics.Bootstrap;
import org.mlcycle.toolkit.metrics.Metrics;
import tech.tablesaw.api.Table;

/** The exercises of lessons/10-business-analysis.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson10BusinessAnalysis {
    private Lesson10BusinessAnalysis() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson10-rpm-requests",
                        "10-business-analysis",
                        tr("lesson10-rpm-requests.title"),
                        1,
                        Lesson10BusinessAnalysis::rpmRequests,
                        lines("""
                                long myRequests = served.where(served.intColumn("query_id").isIn(myQueries))
                                        .intColumn("request").countUnique();
                                double rpmLegacy = 1000 * measure(log.where(log.intColumn("QueryID").isIn(myQueries)), "legacy")
                                        .revenue() / myRequests;
                                double rpmDeployed = 1000 * measure(deployedLog.where(deployedLog.intColumn("QueryID")
                                        .isIn(myQueries)), launched.policy()).revenue() / myRequests;
                                boolean rollBack = rpmDeployed < rpmLegacy;""", tr("lesson10-rpm-requests.answer"))),
                Exercise.of(
                        "lesson10-ne",
                        "10-business-analysis",
                        tr("lesson10-ne.title"),
                        2,
                        Lesson10BusinessAnalysis::ne,
                        lines("""
                                Bootstrap.Statistic ne = (y, p) -> {
                                    double rate = 0;
                                    for (boolean c : y) rate += c ? 1 : 0;
                                    rate /= y.length;
                                    double[] constant = new double[y.length];
                                    Arrays.fill(constant, rate);
                                    return Metrics.logLoss(y, p) / Metrics.logLoss(y, constant);
                                };
                                double myNE = ne.of(myClicked, myPClick);
                                double myNEHigh = Bootstrap.interval("NE", myClicked, myPClick, ne).high();
                                boolean beatsBaseRate = myNEHigh < 1;""", tr("lesson10-ne.answer"))));
    }

    /** Revenue (clicks x bid) of the rows of {@code log} served by {@code policy} (every row when null). */
    static double revenue(Table log, String policy, double[] bid) {
        Table rows = policy == null ? log : log.where(log.stringColumn("Policy").isEqualTo(policy));
        double revenue = 0;
        for (int i = 0; i < rows.rowCount(); i++) {
            revenue += rows.intColumn("Click").getInt(i)
                    * bid[rows.intColumn("AdID").getInt(i)];
        }
        return revenue;
    }

    static long impressions(Table log, String policy) {
        Table rows = policy == null ? log : log.where(log.stringColumn("Policy").isEqualTo(policy));
        long n = 0;
        for (int i = 0; i < rows.rowCount(); i++)
            n += rows.intColumn("Impression").getInt(i);
        return n;
    }

    /** The learner's half of the query ids, from the seed: the warm-up's requests are those of these queries. */
    static int[] myQueries(long seed, int queries) {
        return StudentRows.sample(seed, queries, queries / 2);
    }

    /** The rows of {@code t} whose int column {@code column} names one of {@code queries}. */
    static Table ofQueries(Table t, String column, int[] queries) {
        return t.where(t.intColumn(column).isIn(queries));
    }

    static Verdict rpmRequests(Answers a) {
        double requests = a.number("myRequests");
        double deployed = a.number("rpmDeployed");
        double legacy = a.number("rpmLegacy");
        boolean rollBack = a.value("rollBack", Boolean.class, tr("lesson10-ne.asks.boolean"));
        Table served = a.value("served", Table.class, tr("lessons.asks.table"));
        Table queries = a.value("queries", Table.class, tr("lessons.asks.table"));
        Table log = a.value("log", Table.class, tr("lessons.asks.table"));
        Table deployedLog = a.value("deployedLog", Table.class, tr("lessons.asks.table"));
        double[] bid = a.value("bid", double[].class, tr("lesson10-rpm-requests.asks.bids"));
        int[] mine = myQueries(a.seed(), queries.rowCount());
        Table myServed = ofQueries(served, "query_id", mine);
        long expectedRequests = myServed.intColumn("request").countUnique();
        long allRequests = served.intColumn("request").countUnique();
        Verdict count = NumberAnswer.of(requests, 0.5)
                .right(expectedRequests, "")
                .mistake(myServed.rowCount(), tr("lesson10-rpm-requests.mistake.counts-candidates"))
                .mistake(allRequests, tr("lesson10-rpm-requests.mistake.every-request"))
                .otherwise(tr("lesson10-rpm-requests.otherwise.my-requests", requests));
        if (!count.passed()) {
            return count;
        }
        Table myLog = ofQueries(log, "QueryID", mine), myDeployedLog = ofQueries(deployedLog, "QueryID", mine);
        double legacyRevenue = revenue(myLog, "legacy", bid), deployedRevenue = revenue(myDeployedLog, null, bid);
        double expectedLegacy = 1000 * legacyRevenue / expectedRequests;
        double expectedDeployed = 1000 * deployedRevenue / expectedRequests;
        String perImpression = tr("lesson10-rpm-requests.mistake.per-impression");
        Verdict first = NumberAnswer.of(legacy, 1e-9)
                .right(expectedLegacy, "")
                .mistake(1000 * legacyRevenue / Math.max(1, impressions(myLog, "legacy")), perImpression)
                .mistake(1000 * legacyRevenue / allRequests, tr("lesson10-rpm-requests.mistake.all-requests"))
                .mistake(
                        1000 * revenue(log, "legacy", bid) / expectedRequests,
                        tr("lesson10-rpm-requests.mistake.every-query"))
                .otherwise(tr("lesson10-rpm-requests.otherwise.rpm-legacy", legacy));
        if (!first.passed()) {
            return first;
        }
        Verdict second = NumberAnswer.of(deployed, 1e-9)
                .right(expectedDeployed, "")
                .mistake(
                        1000 * revenue(myLog, "model_v1", bid) / expectedRequests,
                        tr("lesson10-rpm-requests.mistake.upper-bound"))
                .mistake(1000 * deployedRevenue / Math.max(1, impressions(myDeployedLog, null)), perImpression)
                .mistake(1000 * deployedRevenue / allRequests, tr("lesson10-rpm-requests.mistake.all-requests"))
                .otherwise(tr("lesson10-rpm-requests.otherwise.rpm-deployed", deployed));
        if (!second.passed()) {
            return second;
        }
        if (rollBack != (expectedDeployed < expectedLegacy)) {
            return Verdict.hint(tr("lesson10-rpm-requests.hint.which-serves", expectedDeployed, expectedLegacy));
        }
        return Verdict.pass(tr(
                "lesson10-rpm-requests.pass.decision",
                expectedRequests,
                expectedDeployed,
                expectedLegacy,
                tr(rollBack ? "lesson10-rpm-requests.pass.roll-back" : "lesson10-rpm-requests.pass.keep")));
    }

    /** The learner's draw of the click test's impressions: half of them, from the seed. */
    static int[] draw(long seed, int rows) {
        return StudentRows.sample(seed, rows, rows / 2);
    }

    /** Normalized entropy: the log loss over that of predicting the rows' own click rate everywhere. */
    static double normalizedEntropy(boolean[] y, double[] p) {
        double rate = 0;
        for (boolean c : y) {
            rate += c ? 1 : 0;
        }
        return Metrics.normalizedEntropy(Metrics.logLoss(y, p), rate / y.length);
    }

    static Verdict ne(Answers a) {
        double ne = a.number("myNE");
        double high = a.number("myNEHigh");
        boolean beats = a.value("beatsBaseRate", Boolean.class, tr("lesson10-ne.asks.boolean"));
        boolean[] clicked = a.value("clicked", boolean[].class, tr("lesson10-ne.asks.boolean-clicks-test"));
        double[] p = a.value("pClick", double[].class, tr("lesson10-ne.asks.double-predicted-click"));
        int[] rows = draw(a.seed(), clicked.length);
        boolean[] y = StudentRows.pick(clicked, rows);
        double[] q = StudentRows.pick(p, rows);
        double expected = normalizedEntropy(y, q);
        double logLoss = Metrics.logLoss(y, q);
        double meanP = java.util.Arrays.stream(q).average().orElse(Double.NaN);
        double[] atMean = new double[q.length];
        java.util.Arrays.fill(atMean, meanP);
        Verdict first = NumberAnswer.of(ne, 1e-6)
                .right(expected, "")
                .mistake(normalizedEntropy(clicked, p), tr("lesson10-ne.mistake.ne-whole-test"))
                .mistake(logLoss, tr("lesson10-ne.mistake.log-loss-itself"))
                .mistake(1 / expected, tr("lesson10-ne.mistake.upside-down-model"))
                .mistake(logLoss / Metrics.logLoss(y, atMean), tr("lesson10-ne.mistake.divided-log-loss"))
                .otherwise(tr("lesson10-ne.otherwise.myne-model-log", ne));
        if (!first.passed()) {
            return first;
        }
        double expectedHigh = Bootstrap.interval("NE", y, q, Lesson10BusinessAnalysis::normalizedEntropy)
                .high();
        if (!close(high, expectedHigh, 2e-3)) {
            return Verdict.hint(tr("lesson10-ne.hint.mynehigh-upper-end", high));
        }
        if (beats != expectedHigh < 1) {
            return Verdict.hint(tr("lesson10-ne.hint.interval-upper-end", expectedHigh));
        }
        return Verdict.pass(tr(
                "lesson10-ne.pass.ne-up-model",
                expected,
                expectedHigh,
                beats ? tr("lesson10-ne.pass.beats") : tr("lesson10-ne.pass.does-not-beat")));
    }
}
