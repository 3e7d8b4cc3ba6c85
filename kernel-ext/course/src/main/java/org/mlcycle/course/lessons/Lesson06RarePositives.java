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
                        "a threshold from the cost matrix",
                        2,
                        Lesson06RarePositives::costThreshold,
                        """
                        Score your pairs with the plain model and try every score as a threshold; keep the one
                        with the lowest cost (bad shows x costBad - good shows x gainGood, per 1,000 pairs):
                            double[] p = plain.predict(mine).doubleColumn("p_1").asDoubleArray();
                            boolean[] a = Lesson06Data.actual(mine);
                            myCostPer1000 = 0;   // showing nothing costs nothing
                            myThreshold = 1.01;
                            for (double t : p) {
                                double c = Lesson06Data.costPer1000(a, p, t, gainGood, costBad);
                                if (c < myCostPer1000) { myCostPer1000 = c; myThreshold = t; }
                            }
                        With a bad show costing four good ones, the threshold sits where the model's precision
                        at the margin reaches 0.8, far above the best-F1 threshold."""));
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

    static Verdict costThreshold(Answers a) {
        double threshold = a.number("myThreshold");
        double stated = a.number("myCostPer1000");
        double gain = a.number("gainGood"), cost = a.number("costBad");
        ServingModel plain = a.value("plain", ServingModel.class, "the lesson's plain ServingModel");
        Table mine = Lesson06Data.validation(a.seed());
        boolean[] actual = Lesson06Data.actual(mine);
        double[] p = plain.predict(mine).doubleColumn("p_1").asDoubleArray();
        double best = Lesson06Data.cheapestThreshold(actual, p, gain, cost);
        double bestCost = Lesson06Data.costPer1000(actual, p, best, gain, cost);
        double yours = Lesson06Data.costPer1000(actual, p, threshold, gain, cost);
        if (!close(stated, yours, 1e-6)) {
            if (close(stated, -yours, 1e-6) && yours != 0) {
                return Verdict.hint("myCostPer1000 has the wrong sign: a cost is bad shows x costBad minus good shows"
                        + " x gainGood, so a profitable threshold has a negative cost.");
            }
            if (close(stated * 1000, yours, 1e-6) && yours != 0) {
                return Verdict.hint("myCostPer1000 is the cost per pair; the exercise asks per 1,000 pairs.");
            }
            return Verdict.hint(text(
                    "myCostPer1000 (%.4g) is not the cost of your own threshold on your pairs (mine):"
                            + " count the shown pairs (score >= myThreshold) that should and should not be shown, then"
                            + " (bad x costBad - good x gainGood) x 1000 / rows.",
                    stated));
        }
        double slack = 0.02 * Math.abs(bestCost) + 1e-9;
        if (yours <= bestCost + slack) {
            return Verdict.pass(text(
                    "at threshold %.4f your pairs cost %.3f per 1,000 (%s), the lowest any threshold"
                            + " reaches on them.",
                    threshold, yours, yours < 0 ? "a gain" : "a loss"));
        }
        if (threshold == 0.5) {
            return Verdict.hint("0.5 is the default threshold, not a choice: try every score as a threshold and keep"
                    + " the cheapest.");
        }
        double f1 = Thresholds.maximiseF1(actual, p).threshold();
        if (close(threshold, f1, 1e-9)) {
            return Verdict.hint("that threshold maximises F1, which weighs a bad show like a missed good one; the"
                    + " cost matrix makes a bad show four times as expensive. Minimise the cost instead.");
        }
        return Verdict.hint(text(
                "a threshold that costs less than %.3f per 1,000 exists on your pairs: try every"
                        + " score as a threshold (scan them all, not a coarse grid) and keep the cheapest.",
                yours));
    }
}
