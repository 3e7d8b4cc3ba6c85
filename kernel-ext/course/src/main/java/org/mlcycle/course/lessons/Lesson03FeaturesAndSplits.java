package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;

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
                        tr("lesson03-late-split.title"),
                        1,
                        Lesson03FeaturesAndSplits::lateSplit,
                        lines(tr("lesson03-late-split.answer"), code("""
                                Split lateSplit = Splits.outOfTime(all, "day", -54.0 - lateDays + 1);"""))),
                Exercise.of(
                        "lesson03-leaky-columns",
                        "03-features-and-splits",
                        tr("lesson03-leaky-columns.title"),
                        2,
                        Lesson03FeaturesAndSplits::leakyColumns,
                        lines(tr("lesson03-leaky-columns.answer"), code("""
                                boolean[] clicked = ...;   // myClicks.intColumn("click") == 1
                                separation of c = Math.max(auc, 1 - auc) with auc = Metrics.rocAuc(clicked, column c);
                                ranking = the five names sorted by separation, largest first;
                                dropped = Set.of("position", "depth");
                                honestAuc = the largest separation among past_ctr, bid_cpc, landing_score;"""))));
    }

    static Verdict lateSplit(Answers a) {
        Split split = a.value("lateSplit", Split.class, tr("lesson03-late-split.asks.split-splits-outoftime"));
        Table all = a.value("all", Table.class, tr("lessons.asks.table"));
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
            return Verdict.hint(tr("lesson03-late-split.hint.test-part-covers", testDays, asked.size()));
        }
        int cutoff = OLD_WEEK_END - late + 1;
        if (train.intColumn("day").max() >= cutoff || train.rowCount() + test.rowCount() != all.rowCount()) {
            return Verdict.hint(tr("lesson03-late-split.hint.training-part-must", cutoff));
        }
        return Verdict.pass(
                tr("lesson03-late-split.pass.rows-train-rows", train.rowCount(), test.rowCount(), testDays));
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
        Set<?> dropped = a.value("dropped", Set.class, tr("lesson03-leaky-columns.asks.set-column-names"));
        double honest = a.number("honestAuc");
        for (Object column : dropped) {
            if (!NUMERIC.contains(String.valueOf(column))) {
                return Verdict.hint(tr("lesson03-leaky-columns.hint.numeric-columns", column, NUMERIC));
            }
        }
        Set<String> names = new TreeSet<>();
        dropped.forEach(c -> names.add(String.valueOf(c)));
        if (names.contains("past_ctr")) {
            return Verdict.hint(tr("lesson03-leaky-columns.hint.past-ctr-ad"));
        }
        if (!names.containsAll(AFTER_DECISION)) {
            return Verdict.hint(tr("lesson03-leaky-columns.hint.column-kept-decided"));
        }
        if (!names.equals(AFTER_DECISION)) {
            return Verdict.hint(tr("lesson03-leaky-columns.hint.dropped-column-ad"));
        }
        double[] auc = aucs(a.value("clickLog", Table.class, tr("lessons.asks.table")), a.seed());
        double[] separation = new double[auc.length];
        for (int c = 0; c < auc.length; c++) {
            separation[c] = Math.max(auc[c], 1 - auc[c]);
        }
        List<String> expectedRanking = ranked(separation);
        List<?> ranking = a.value("ranking", List.class, tr("lesson03-leaky-columns.asks.list-five-column"));
        List<String> given = ranking.stream().map(String::valueOf).toList();
        if (!given.equals(expectedRanking)) {
            if (given.equals(ranked(auc))) {
                return Verdict.hint(tr("lesson03-leaky-columns.hint.ranked-roc-auc"));
            }
            return Verdict.hint(tr("lesson03-leaky-columns.hint.ranking-five-columns"));
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
                        tr(
                                "lesson03-leaky-columns.pass.position-depth-go",
                                expectedRanking.get(expectedRanking.indexOf("position") - 1),
                                best,
                                CLICK_ROWS))
                .mistake(
                        separation[NUMERIC.indexOf("position")],
                        tr("lesson03-leaky-columns.mistake.position-column-dropped"))
                .mistake(
                        separation[NUMERIC.indexOf("depth")], tr("lesson03-leaky-columns.mistake.depth-column-dropped"))
                .mistakeIf(
                        honest > 0.5 && Math.abs(1 - honest - best) > 1e-9 && honest < best,
                        tr("lesson03-leaky-columns.mistake.kept-column-separates"))
                .otherwise(tr("lesson03-leaky-columns.otherwise.honestauc-compute-max", honest));
    }
}
