package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;
import static org.mlcycle.toolkit.exercises.Verdict.close;

import java.util.Arrays;
import java.util.List;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.imbalance.Thresholds;
import org.mlcycle.toolkit.metrics.Confusion;
import org.mlcycle.toolkit.metrics.Interval;
import tech.tablesaw.api.Table;

/**
 * The exercises of lessons/06-rare-positives.ipynb, on the learner's own pairs
 * ({@link Lesson06Data#validation}): each check makes those pairs again from the variant seed.
 */
final class Lesson06RarePositives {
    private Lesson06RarePositives() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson06-always-show-f1",
                        "06-rare-positives",
                        tr("lesson06-always-show-f1.title"),
                        1,
                        Lesson06RarePositives::alwaysShowF1,
                        lines(tr("lesson06-always-show-f1.answer"), code("""
                                boolean[] a = Lesson06Data.actual(mine);
                                long pos = 0;  for (boolean x : a) if (x) pos++;
                                double p = pos / (double) a.length;  double alwaysShowF1 = 2 * p / (p + 1);"""))),
                Exercise.of(
                        "lesson06-cost-threshold",
                        "06-rare-positives",
                        tr("lesson06-cost-threshold.title"),
                        2,
                        Lesson06RarePositives::costThreshold,
                        lines(
                                tr("lesson06-cost-threshold.answer"),
                                code("""
                                double[] p = plain.predict(chooseOn).doubleColumn("p_1").asDoubleArray();
                                boolean[] a = Lesson06Data.actual(chooseOn);
                                for (double t : p) if (Lesson06Data.costPer1000(a, p, t, gainGood, costBad) < best) ..."""),
                                tr("lesson06-cost-threshold.answer.2"))));
    }

    static Verdict alwaysShowF1(Answers a) {
        double f1 = a.number("alwaysShowF1");
        boolean[] actual = Lesson06Data.actual(Lesson06Data.validation(a.seed()));
        boolean[] everything = new boolean[actual.length];
        Arrays.fill(everything, true);
        Confusion always = Confusion.of(actual, everything);
        return NumberAnswer.of(f1, 1e-9)
                .right(
                        always.f1(),
                        tr("lesson06-always-show-f1.pass.always-show-has", f1, 100 * (1 - always.precision())))
                .mistake(always.precision(), tr("lesson06-always-show-f1.mistake.precision-f1-pr"))
                .mistake(
                        2 * (1 - always.precision()) / (2 - always.precision()),
                        tr("lesson06-always-show-f1.mistake.f1-never-show"))
                .otherwise(tr("lesson06-always-show-f1.otherwise.alwaysshowf1-f1-pr", f1));
    }

    private static double[] scores(ServingModel plain, Table t) {
        return plain.predict(t).doubleColumn("p_1").asDoubleArray();
    }

    static Verdict costThreshold(Answers a) {
        double threshold = a.number("myThreshold");
        double low = a.number("savingLow"), high = a.number("savingHigh");
        boolean claim = a.value("claimSaving", Boolean.class, tr("lesson06-cost-threshold.asks.true-false"));
        double gain = a.number("gainGood"), cost = a.number("costBad");
        ServingModel plain =
                a.value("plain", ServingModel.class, tr("lesson06-cost-threshold.asks.lesson-plain-servingmodel"));
        Table choose = Lesson06Data.chooseOn(a.seed()), judge = Lesson06Data.judgeOn(a.seed());
        boolean[] ac = Lesson06Data.actual(choose), aj = Lesson06Data.actual(judge);
        double[] pc = scores(plain, choose), pj = scores(plain, judge);
        double best = Lesson06Data.cheapestThreshold(ac, pc, gain, cost);
        double bestCost = Lesson06Data.costPer1000(ac, pc, best, gain, cost);
        double yours = Lesson06Data.costPer1000(ac, pc, threshold, gain, cost);
        if (yours > bestCost + 0.02 * Math.abs(bestCost) + 1e-9) {
            if (close(threshold, Lesson06Data.cheapestThreshold(aj, pj, gain, cost), 1e-12)) {
                return Verdict.hint(tr("lesson06-cost-threshold.hint.threshold-cheapest-judgeon"));
            }
            if (threshold == 0.5) {
                return Verdict.hint(tr("lesson06-cost-threshold.hint.default-threshold-choice"));
            }
            if (close(threshold, Thresholds.maximiseF1(ac, pc).threshold(), 1e-9)) {
                return Verdict.hint(tr("lesson06-cost-threshold.hint.threshold-maximises-f1"));
            }
            return Verdict.hint(tr("lesson06-cost-threshold.hint.threshold-costs-less", yours));
        }
        Interval saving = Lesson06Data.saving(aj, pj, threshold, gain, cost);
        if (!close(low, saving.low(), 1e-9) || !close(high, saving.high(), 1e-9)) {
            Interval onChoose = Lesson06Data.saving(ac, pc, threshold, gain, cost);
            if (close(low, onChoose.low(), 1e-9) && close(high, onChoose.high(), 1e-9)) {
                return Verdict.hint(tr("lesson06-cost-threshold.hint.interval-measured-chooseon"));
            }
            if (close(low, -saving.high(), 1e-9) && close(high, -saving.low(), 1e-9)) {
                return Verdict.hint(tr("lesson06-cost-threshold.hint.saving-has-wrong"));
            }
            return Verdict.hint(tr("lesson06-cost-threshold.hint.savinglow-savinghigh-interval", low, high));
        }
        if (claim != saving.low() > 0) {
            return Verdict.hint(
                    claim
                            ? tr("lesson06-cost-threshold.hint.interval-reaches-zero", low, high)
                            : tr("lesson06-cost-threshold.hint.whole-interval-lies", low, high));
        }
        return Verdict.pass(tr(
                "lesson06-cost-threshold.pass.threshold-chosen-chooseon",
                threshold,
                saving.estimate(),
                low,
                high,
                claim
                        ? tr("lesson06-cost-threshold.pass.interval-excludes-saving")
                        : tr("lesson06-cost-threshold.pass.interval-includes-saving")));
    }
}
