package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.metrics.Metrics;
import org.mlcycle.toolkit.split.Split;
import tech.tablesaw.api.Table;

/** The exercises of lessons/03-features-and-splits.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson03FeaturesAndSplits {
    private static final String TABLE = "a Tablesaw Table";
    /** The last day of the old week. */
    private static final int OLD_WEEK_END = -54;
    /** The click-log rows in a learner's sample. */
    static final int CLICK_ROWS = 6_000;
    /** The click log's numeric columns, the candidates for a feature of the show model. */
    static final List<String> NUMERIC = List.of("position", "depth", "past_ctr", "bid_cpc", "landing_score");
    /** The columns that exist only after the decision to show: where the ad landed, and how many ads the page got. */
    static final Set<String> AFTER_DECISION = Set.of("position", "depth");

    private Lesson03FeaturesAndSplits() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson03-late-split",
                        "03-features-and-splits",
                        "an out-of-time split with a later cutoff",
                        1,
                        Lesson03FeaturesAndSplits::lateSplit,
                        """
                        Rows with day >= cutoff test, so the cutoff is the first test day: the old week ends on
                        day -54, so its last lateDays days start at -54 - lateDays + 1:
                            Split lateSplit = Splits.outOfTime(all, "day", -54.0 - lateDays + 1);"""),
                Exercise.of(
                        "lesson03-leaky-columns",
                        "03-features-and-splits",
                        "which click-log columns leak",
                        2,
                        Lesson03FeaturesAndSplits::leakyColumns,
                        """
                        position and depth are settled only once the ads are chosen, so they cannot be inputs of the
                        model that chooses them; of the rest, measure each column's ROC-AUC against click:
                            dropped = Set.of("position", "depth");
                            boolean[] clicked = ...;   // myClicks.intColumn("click") == 1
                            for (String c : List.of("past_ctr", "bid_cpc", "landing_score"))
                                honestAuc = Math.max(honestAuc, Metrics.rocAuc(clicked, myClicks.doubleColumn(c).asDoubleArray()));"""));
    }

    static Verdict lateSplit(Answers a) {
        Split split = a.value("lateSplit", Split.class, "a Split (Splits.outOfTime)");
        Table all = a.value("all", Table.class, TABLE);
        int late = StudentVariants.lateDays(a.seed());
        Set<Integer> asked = new TreeSet<>();
        for (int d = OLD_WEEK_END - late + 1; d <= OLD_WEEK_END; d++) {
            asked.add(d);
        }
        asked.add(-1);
        Table test = split.test(all);
        Table train = split.train(all);
        Set<Integer> testDays = new TreeSet<>(test.intColumn("day").asList());
        if (!testDays.equals(asked)) {
            return Verdict.hint("the test part covers days " + testDays + ", not the " + asked.size() + " days your"
                    + " variant asks for. Rows with day < cutoff train, rows with day >= cutoff test.");
        }
        int cutoff = OLD_WEEK_END - late + 1;
        if (train.intColumn("day").max() >= cutoff || train.rowCount() + test.rowCount() != all.rowCount()) {
            return Verdict.hint("the training part must hold every row before day " + cutoff + " and nothing else.");
        }
        return Verdict.pass(
                train.rowCount() + " rows train, " + test.rowCount() + " rows test, days " + testDays + ".");
    }

    /** The ROC-AUC of each numeric column against click on the learner's sample of {@code clickLog}. */
    static double[] aucs(Table clickLog, long seed) {
        Table mine = StudentVariants.sample(clickLog, seed, 3, CLICK_ROWS);
        boolean[] clicked = new boolean[mine.rowCount()];
        for (int i = 0; i < clicked.length; i++) {
            clicked[i] = mine.intColumn("click").getInt(i) == 1;
        }
        double[] auc = new double[NUMERIC.size()];
        for (int c = 0; c < auc.length; c++) {
            auc[c] = Metrics.rocAuc(clicked, mine.doubleColumn(NUMERIC.get(c)).asDoubleArray());
        }
        return auc;
    }

    static Verdict leakyColumns(Answers a) {
        Set<?> dropped = a.value("dropped", Set.class, "a Set of column names");
        double honest = a.number("honestAuc");
        for (Object column : dropped) {
            if (!NUMERIC.contains(String.valueOf(column))) {
                return Verdict.hint("\"" + column + "\" is not one of the numeric columns " + NUMERIC + ".");
            }
        }
        Set<String> names = new TreeSet<>();
        dropped.forEach(c -> names.add(String.valueOf(c)));
        if (names.contains("past_ctr")) {
            return Verdict.hint("past_ctr is the ad's click rate on earlier traffic: it is known before the decision,"
                    + " so it may stay.");
        }
        if (!names.containsAll(AFTER_DECISION)) {
            return Verdict.hint("a column you kept is decided together with the show itself: ask of each column"
                    + " whether it exists before the ad server has chosen which ads to show.");
        }
        if (!names.equals(AFTER_DECISION)) {
            return Verdict.hint("you dropped a column that the ad server knows before it decides: only columns"
                    + " settled by the decision itself leak.");
        }
        double[] auc = aucs(a.value("clickLog", Table.class, TABLE), a.seed());
        double best = 0;
        for (int c = 0; c < auc.length; c++) {
            if (!AFTER_DECISION.contains(NUMERIC.get(c))) {
                best = Math.max(best, auc[c]);
            }
        }
        return NumberAnswer.of(honest, 1e-9)
                .right(
                        best,
                        text(
                                "position and depth go; the best column a show model may use reaches ROC-AUC %.3f"
                                        + " on your %,d rows.",
                                best, CLICK_ROWS))
                .mistake(auc[NUMERIC.indexOf("position")], "that is position's ROC-AUC, a column you dropped.")
                .mistake(auc[NUMERIC.indexOf("depth")], "that is depth's ROC-AUC, a column you dropped.")
                .mistakeIf(
                        honest > 0.5 && Math.abs(1 - honest - best) > 1e-9 && honest < best,
                        "a kept column scores higher than that; take the largest ROC-AUC among the kept columns.")
                .otherwise(text(
                        "honestAuc is %.4f: compute Metrics.rocAuc(clicked, column) on myClicks for each"
                                + " kept column and take the largest.",
                        honest));
    }
}
