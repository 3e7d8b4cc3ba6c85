package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;
import static org.mlcycle.toolkit.exercises.Verdict.close;
import static org.mlcycle.toolkit.exercises.Verdict.text;

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
    private static final String TABLE = "a Tablesaw Table";

    private Lesson10BusinessAnalysis() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson10-rpm-requests",
                        "10-business-analysis",
                        "keep the deployed model, or roll back to legacy?",
                        1,
                        Lesson10BusinessAnalysis::rpmRequests,
                        """
                        double rpmDeployed = 1000 * launched.revenue() / 25_000;
                        double rpmLegacy = 1000 * legacy.revenue() / 25_000;
                        boolean rollBack = rpmDeployed < rpmLegacy;
                        (revenue is clicks x bid_cpc over each policy's rows; the denominator is the 25,000
                        requests, not impressions; model_v1 is an upper bound, not what serves)"""),
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

    static Verdict rpmRequests(Answers a) {
        double deployed = a.number("rpmDeployed");
        double legacy = a.number("rpmLegacy");
        boolean rollBack = a.value("rollBack", Boolean.class, "a boolean");
        Table log = a.value("log", Table.class, TABLE);
        Table deployedLog = a.value("deployedLog", Table.class, TABLE);
        double[] bid = a.value("bid", double[].class, "the double[] of bids by AdID");
        double expectedLegacy = 1000 * revenue(log, "legacy", bid) / 25_000;
        double expectedDeployed = 1000 * revenue(deployedLog, null, bid) / 25_000;
        double upperBound = 1000 * revenue(log, "model_v1", bid) / 25_000;
        Verdict first = NumberAnswer.of(legacy, 1e-9)
                .right(expectedLegacy, "")
                .mistake(
                        1000 * revenue(log, "legacy", bid) / Math.max(1, impressions(log, "legacy")),
                        "that is per 1,000 impressions; finance asks per 1,000 requests (25,000 of them).")
                .otherwise(text(
                        "rpmLegacy is %.4f: legacy's revenue (clicks x bid_cpc) / 25,000 requests x 1,000.", legacy));
        if (!first.passed()) {
            return first;
        }
        Verdict second = NumberAnswer.of(deployed, 1e-9)
                .right(expectedDeployed, "")
                .mistake(
                        upperBound,
                        "that is model_v1, the upper bound that knows the true P(show); what serves is the"
                                + " deployed model, in deployedLog (launched).")
                .mistake(
                        1000 * revenue(deployedLog, null, bid) / Math.max(1, impressions(deployedLog, null)),
                        "that is per 1,000 impressions; finance asks per 1,000 requests (25,000 of them).")
                .otherwise(
                        text("rpmDeployed is %.4f: the deployed model's revenue / 25,000 requests x 1,000.", deployed));
        if (!second.passed()) {
            return second;
        }
        if (rollBack != (expectedDeployed < expectedLegacy)) {
            return Verdict.hint(text(
                    "the deployed model earns %.2f per 1,000 requests and legacy %.2f: which one should serve"
                            + " while the team works on the next turn?",
                    expectedDeployed, expectedLegacy));
        }
        return Verdict.pass(text(
                "the deployed model earns %.2f per 1,000 requests, legacy %.2f: %s.",
                expectedDeployed,
                expectedLegacy,
                rollBack ? "roll back to legacy while the click objective is built" : "keep the deployed model"));
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
