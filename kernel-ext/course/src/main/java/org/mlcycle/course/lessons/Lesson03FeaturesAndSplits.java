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
                        Rank the five columns by max(auc, 1 - auc) against click, strongest first. position and depth
                        are settled only once the ads are chosen, so they cannot be inputs of the model that chooses
                        them, whatever their rank; of the rest, keep the largest max(auc, 1 - auc):
                            boolean[] clicked = ...;   // myClicks.intColumn("click") == 1
                            separation of c = Math.max(auc, 1 - auc) with auc = Metrics.rocAuc(clicked, column c);
                            ranking = the five names sorted by separation, largest first;
                            dropped = Set.of("position", "depth");
                            honestAuc = the largest separation among past_ctr, bid_cpc, landing_score;"""));
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
    /** The numeric columns ordered by {@code value}, largest first. */
    static List<String> ranked(double[] value) {
        return NUMERIC.stream()
                .sorted(java.util.Comparator.comparingDouble((String c) -> -value[NUMERIC.indexOf(c)]))
                .toList();
    }

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
        double[] separation = new double[auc.length];
        for (int c = 0; c < auc.length; c++) {
            separation[c] = Math.max(auc[c], 1 - auc[c]);
        }
        List<String> expectedRanking = ranked(separation);
        List<?> ranking = a.value("ranking", List.class, "a List of the five column names, strongest first");
        List<String> given = ranking.stream().map(String::valueOf).toList();
        if (!given.equals(expectedRanking)) {
            if (given.equals(ranked(auc))) {
                return Verdict.hint("you ranked by ROC-AUC itself; a column whose ROC-AUC is below 0.5 separates"
                        + " clicks too, the other way round: rank by max(auc, 1 - auc).");
            }
            return Verdict.hint("ranking is not the five columns ordered by max(auc, 1 - auc) on myClicks, strongest"
                    + " first. Notice where the columns you dropped land: leakage is not the strongest column.");
        }
        double best = 0;
        for (int c = 0; c < auc.length; c++) {
            if (!AFTER_DECISION.contains(NUMERIC.get(c))) {
                best = Math.max(best, separation[c]);
            }
        }
        return NumberAnswer.of(honest, 1e-9)
                .right(
                        best,
                        text(
                                "position and depth go, although %s separates clicks better than position: they"
                                        + " leak because they exist only after the show, not because they are strong."
                                        + " The best column a show model may use reaches %.3f on your %,d rows.",
                                expectedRanking.get(expectedRanking.indexOf("position") - 1), best, CLICK_ROWS))
                .mistake(separation[NUMERIC.indexOf("position")], "that is position's, a column you dropped.")
                .mistake(separation[NUMERIC.indexOf("depth")], "that is depth's, a column you dropped.")
                .mistakeIf(
                        honest > 0.5 && Math.abs(1 - honest - best) > 1e-9 && honest < best,
                        "a kept column separates better than that; take the largest max(auc, 1 - auc) among the kept"
                                + " columns.")
                .otherwise(text(
                        "honestAuc is %.4f: compute max(auc, 1 - auc) with Metrics.rocAuc(clicked, column) on"
                                + " myClicks for each kept column and take the largest.",
                        honest));
    }
}
