package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.close;
import static org.mlcycle.toolkit.exercises.Verdict.text;

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
                        "F1 of always showing, on your pairs",
                        1,
                        Lesson06RarePositives::alwaysShowF1,
                        """
                        Precision is the share of positives among all rows, recall is 1:
                            boolean[] a = Lesson06Data.actual(mine);
                            long pos = 0;  for (boolean x : a) if (x) pos++;
                            double p = pos / (double) a.length;  double alwaysShowF1 = 2 * p / (p + 1);"""),
                Exercise.of(
                        "lesson06-cost-threshold",
                        "06-rare-positives",
                        "a threshold chosen on some rows, judged on others",
                        2,
                        Lesson06RarePositives::costThreshold,
                        """
                        Choose on chooseOn: try every score as a threshold and keep the cheapest (bad shows x
                        costBad - good shows x gainGood, per 1,000 pairs; showing nothing costs 0):
                            double[] p = plain.predict(chooseOn).doubleColumn("p_1").asDoubleArray();
                            boolean[] a = Lesson06Data.actual(chooseOn);
                            for (double t : p) if (Lesson06Data.costPer1000(a, p, t, gainGood, costBad) < best) ...
                        Judge on judgeOn only: the saving against 0.5 per 1,000 pairs, resampled with
                        Bootstrap.over(name, rows, idx -> cost at 0.5 - cost at myThreshold, on the rows idx);
                        claimSaving = savingLow > 0 (the whole interval above zero)."""));
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
                        text(
                                "always 'show' has F1 %.5f on your pairs, although 'never show' is %.2f%%"
                                        + " accurate.",
                                f1, 100 * (1 - always.precision())))
                .mistake(always.precision(), "that is the precision; F1 = 2PR / (P + R) with R = 1.")
                .mistake(
                        2 * (1 - always.precision()) / (2 - always.precision()),
                        "that is the F1 of 'never show' with"
                                + " 'don't show' as the positive class; here 'show' is positive.")
                .otherwise(text(
                        "alwaysShowF1 is %.6g: F1 = 2PR / (P + R) with P = positives / rows of your pairs"
                                + " (mine) and R = 1.",
                        f1));
    }

    private static double[] scores(ServingModel plain, Table t) {
        return plain.predict(t).doubleColumn("p_1").asDoubleArray();
    }

    static Verdict costThreshold(Answers a) {
        double threshold = a.number("myThreshold");
        double low = a.number("savingLow"), high = a.number("savingHigh");
        boolean claim = a.value("claimSaving", Boolean.class, "true or false");
        double gain = a.number("gainGood"), cost = a.number("costBad");
        ServingModel plain = a.value("plain", ServingModel.class, "the lesson's plain ServingModel");
        Table choose = Lesson06Data.chooseOn(a.seed()), judge = Lesson06Data.judgeOn(a.seed());
        boolean[] ac = Lesson06Data.actual(choose), aj = Lesson06Data.actual(judge);
        double[] pc = scores(plain, choose), pj = scores(plain, judge);
        double best = Lesson06Data.cheapestThreshold(ac, pc, gain, cost);
        double bestCost = Lesson06Data.costPer1000(ac, pc, best, gain, cost);
        double yours = Lesson06Data.costPer1000(ac, pc, threshold, gain, cost);
        if (yours > bestCost + 0.02 * Math.abs(bestCost) + 1e-9) {
            if (close(threshold, Lesson06Data.cheapestThreshold(aj, pj, gain, cost), 1e-12)) {
                return Verdict.hint("that threshold is the cheapest on judgeOn: the rows you judge on must not also"
                        + " choose, or the judgement flatters the choice. Choose on chooseOn.");
            }
            if (threshold == 0.5) {
                return Verdict.hint("0.5 is the default threshold, not a choice: try every score of chooseOn as a"
                        + " threshold and keep the cheapest.");
            }
            if (close(threshold, Thresholds.maximiseF1(ac, pc).threshold(), 1e-9)) {
                return Verdict.hint("that threshold maximises F1, which weighs a bad show like a missed good one;"
                        + " the cost matrix does not. Minimise the cost on chooseOn instead.");
            }
            return Verdict.hint(text(
                    "a threshold that costs less than %.3f per 1,000 pairs exists on chooseOn: try every score"
                            + " as a threshold (all of them, not a coarse grid) and keep the cheapest.",
                    yours));
        }
        Interval saving = Lesson06Data.saving(aj, pj, threshold, gain, cost);
        if (!close(low, saving.low(), 1e-9) || !close(high, saving.high(), 1e-9)) {
            Interval onChoose = Lesson06Data.saving(ac, pc, threshold, gain, cost);
            if (close(low, onChoose.low(), 1e-9) && close(high, onChoose.high(), 1e-9)) {
                return Verdict.hint("that interval is measured on chooseOn, the rows that chose the threshold; judge"
                        + " it on judgeOn.");
            }
            if (close(low, -saving.high(), 1e-9) && close(high, -saving.low(), 1e-9)) {
                return Verdict.hint(
                        "the saving has the wrong sign: it is the cost at 0.5 minus the cost at your" + " threshold.");
            }
            return Verdict.hint(text(
                    "[savingLow, savingHigh] = [%.4g, %.4g] is not the 95%% interval of the saving on judgeOn:"
                            + " Bootstrap.over(name, rows, idx -> cost at 0.5 - cost at myThreshold on those rows).",
                    low, high));
        }
        if (claim != saving.low() > 0) {
            return Verdict.hint(
                    claim
                            ? text(
                                    "the interval [%.4f, %.4f] reaches zero or below: on rows it was not chosen on, the"
                                            + " saving is not shown. Do not claim it.",
                                    low, high)
                            : text(
                                    "the whole interval [%.4f, %.4f] lies above zero: the saving holds on rows it was not"
                                            + " chosen on. Claim it.",
                                    low, high));
        }
        return Verdict.pass(text(
                "threshold %.4f, chosen on chooseOn, saves %.4f [%.4f, %.4f] per 1,000 pairs against 0.5 on"
                        + " judgeOn: %s.",
                threshold,
                saving.estimate(),
                low,
                high,
                claim
                        ? "the interval excludes 0, a saving you can claim"
                        : "the interval includes 0, no saving to claim"));
    }
}
