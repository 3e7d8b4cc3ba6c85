package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;

import java.util.List;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.mlcycle.course.variant.StudentRows;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;

/** The exercises of lessons/13-interview-walkthrough.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson13InterviewWalkthrough {
    /** Labels the raters give a day (lesson 9). */
    static final int LABELS_PER_DAY = 1_500;
    /** Positives an honest precision or recall needs (the course's rule). */
    static final int POSITIVES = 30;

    private Lesson13InterviewWalkthrough() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson13-f1-dont-show",
                        "13-interview-walkthrough",
                        tr("lesson13-f1-dont-show.title"),
                        1,
                        Lesson13InterviewWalkthrough::f1DontShow,
                        lines(tr("lesson13-f1-dont-show.answer"), code("""
                                double p = negatives / (double) rows;  double f1DontShow = 2 * p / (p + 1);"""))),
                Exercise.of(
                        "lesson13-label-budget",
                        "13-interview-walkthrough",
                        tr("lesson13-label-budget.title"),
                        2,
                        Lesson13InterviewWalkthrough::labelBudget,
                        lines("""
                                long positives = 0;
                                for (boolean s : myShow) positives += s ? 1 : 0;
                                double rate = new WilsonScoreInterval().createInterval(myShow.length, (int) positives, 0.95).getUpperBound();
                                long pairsFor30 = (long) Math.ceil(30 / rate);
                                long daysFor30 = (long) Math.ceil(pairsFor30 / 1500.0);
                                String collect = daysFor30 > 30 ? "targeted" : "random";""", tr("lesson13-label-budget.answer"))),
                Exercise.question(
                        "lesson13-q1-stages",
                        "13-interview-walkthrough",
                        tr("lesson13-q1-stages.title"),
                        tr("lesson13-q1-stages.answer")),
                Exercise.question(
                        "lesson13-q2-accuracy",
                        "13-interview-walkthrough",
                        tr("lesson13-q2-accuracy.title"),
                        tr("lesson13-q2-accuracy.answer")),
                Exercise.question(
                        "lesson13-q3-annotators",
                        "13-interview-walkthrough",
                        tr("lesson13-q3-annotators.title"),
                        tr("lesson13-q3-annotators.answer")),
                Exercise.question(
                        "lesson13-q4-same-distribution",
                        "13-interview-walkthrough",
                        tr("lesson13-q4-same-distribution.title"),
                        tr("lesson13-q4-same-distribution.answer")),
                Exercise.question(
                        "lesson13-q5-test-vs-production",
                        "13-interview-walkthrough",
                        tr("lesson13-q5-test-vs-production.title"),
                        tr("lesson13-q5-test-vs-production.answer")),
                Exercise.question(
                        "lesson13-q6-objectives",
                        "13-interview-walkthrough",
                        tr("lesson13-q6-objectives.title"),
                        tr("lesson13-q6-objectives.answer")));
    }

    static Verdict f1DontShow(Answers a) {
        double f1 = a.number("f1DontShow");
        boolean[] show = a.value("show", boolean[].class, tr("lesson13-f1-dont-show.asks.boolean-show-labels"));
        long negatives = 0;
        for (boolean s : show) {
            negatives += s ? 0 : 1;
        }
        double precision = negatives / (double) show.length; // every row is predicted "don't show"
        return NumberAnswer.of(f1, 1e-9)
                .right(2 * precision / (precision + 1), tr("lesson13-f1-dont-show.pass.f1-don-t", f1))
                .mistakeIf(f1 == 0, tr("lesson13-f1-dont-show.mistake.f1-show-positive"))
                .otherwise(tr("lesson13-f1-dont-show.otherwise.f1dontshow-don-t", f1));
    }

    /** How many of the random pairs the learner's draw holds: 15,000 to 35,000, from the seed. */
    static int drawSize(long seed, int rows) {
        return Math.min(rows, StudentRows.between(seed, 15_000, 35_000));
    }

    static Verdict labelBudget(Answers a) {
        long pairs = a.whole("pairsFor30");
        long days = a.whole("daysFor30");
        Object collect = a.value("collect");
        boolean[] show = a.value("show", boolean[].class, tr("lesson13-label-budget.asks.boolean-show-labels"));
        boolean[] mine =
                StudentRows.pick(show, StudentRows.sample(a.seed(), show.length, drawSize(a.seed(), show.length)));
        long positives = 0;
        for (boolean s : mine) {
            positives += s ? 1 : 0;
        }
        ConfidenceInterval wilson = new WilsonScoreInterval().createInterval(mine.length, (int) positives, 0.95);
        long expectedPairs = pairsFor(wilson.getUpperBound());
        long expectedDays = (long) Math.ceil(expectedPairs / (double) LABELS_PER_DAY);
        long allPositives = 0;
        for (boolean s : show) {
            allPositives += s ? 1 : 0;
        }
        ConfidenceInterval all = new WilsonScoreInterval().createInterval(show.length, (int) allPositives, 0.95);
        Verdict first = NumberAnswer.of(pairs, 0)
                .right(expectedPairs, "")
                .mistake(
                        pairsFor(Math.max(positives, 1) / (double) mine.length),
                        tr("lesson13-label-budget.mistake.uses-draw-point"))
                .mistake(
                        wilson.getLowerBound() > 0 ? pairsFor(wilson.getLowerBound()) : -1,
                        tr("lesson13-label-budget.mistake.lower-end-interval"))
                .mistake(pairsFor(all.getUpperBound()), tr("lesson13-label-budget.mistake.rate-all-randomold"))
                .mistake(
                        (long) Math.ceil(POSITIVES * wilson.getUpperBound()),
                        tr("lesson13-label-budget.mistake.x-rate-wrong"))
                .otherwise(tr("lesson13-label-budget.otherwise.pairsfor30-draw-has", pairs, positives, mine.length));
        if (!first.passed()) {
            return first;
        }
        if (days != expectedDays) {
            return Verdict.hint(tr("lesson13-label-budget.hint.daysfor30-raters-label", days, LABELS_PER_DAY));
        }
        String expected = expectedDays > 30 ? "targeted" : "random";
        if (!expected.equals(collect)) {
            return Verdict.hint(tr("lesson13-label-budget.hint.days-labels-thirty", expectedDays));
        }
        return Verdict.pass(tr(
                "lesson13-label-budget.pass.positives-draw-pairs",
                positives,
                mine.length,
                wilson.getUpperBound(),
                expectedPairs,
                expectedDays,
                expected));
    }

    private static long pairsFor(double rate) {
        return (long) Math.ceil(POSITIVES / rate);
    }
}
