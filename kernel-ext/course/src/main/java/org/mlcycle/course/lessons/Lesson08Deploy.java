package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.close;
import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.course.variant.StudentRows;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.metrics.Bootstrap;

/** The exercises of lessons/08-deploy.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson08Deploy {
    /** Rows in each learner's draw of the validation rows and of the shadow traffic. */
    static final int DRAW = 5_000;
    /** Rows a threshold must show on the validation draw before its precision counts (as in the lesson). */
    static final int MIN_SHOWN = 50;
    /** The thresholds the learner may choose from: 0.30, 0.35, ..., 0.90. */
    static final double[] GRID = java.util.stream.IntStream.rangeClosed(6, 18)
            .mapToDouble(i -> i / 20.0)
            .toArray();

    private Lesson08Deploy() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson08-only-model",
                        "08-deploy",
                        "candidates only the model shows",
                        1,
                        Lesson08Deploy::onlyModel,
                        """
                        long onlyModel = 0;
                        for (int i = 0; i < n; i++) if (modelShows[i] && !legacyShows[i]) onlyModel++;"""),
                Exercise.of(
                        "lesson08-promote",
                        "08-deploy",
                        "a threshold whose precision interval keeps the bar",
                        2,
                        Lesson08Deploy::promote,
                        """
                        double myThreshold = Double.NaN;
                        for (double g : new double[] {0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90})
                            if (Double.isNaN(myThreshold) && Bootstrap.shownAt(g).of(myValChecked, myValP) * 5_000 >= 50
                                    && Bootstrap.interval("v", myValChecked, myValP, Bootstrap.precisionAt(g)).low() >= bar)
                                myThreshold = g;
                        double myShadowLow = Bootstrap.interval("t", myTrafficChecked, myTrafficP,
                                Bootstrap.precisionAt(myThreshold)).low();
                        boolean promote = myShadowLow >= bar;
                        The point estimate at the bar is a coin flip on new traffic; the interval's lower end is
                        the promise that holds, on enough rows (a threshold that shows five rows has a perfect
                        precision and an interval that means nothing). Promote only when the shadow keeps it too."""));
    }

    static Verdict onlyModel(Answers a) {
        long only = a.whole("onlyModel");
        boolean[] model = a.value("modelShows", boolean[].class, "a boolean[]");
        boolean[] legacy = a.value("legacyShows", boolean[].class, "a boolean[]");
        long expected = 0;
        long both = 0;
        long onlyLegacy = 0;
        for (int i = 0; i < model.length; i++) {
            expected += model[i] && !legacy[i] ? 1 : 0;
            both += model[i] && legacy[i] ? 1 : 0;
            onlyLegacy += !model[i] && legacy[i] ? 1 : 0;
        }
        return NumberAnswer.of(only, 0)
                .right(expected, only + " candidates would get an ad only under the model.")
                .mistake(both, "you counted rows where both show; the question is the model showing and legacy not.")
                .mistake(onlyLegacy, "you counted it the wrong way round: legacy showing and the model not.")
                .otherwise("onlyModel is " + only + ": count rows where modelShows[i] is true and legacyShows[i] is"
                        + " false.");
    }

    /** The learner's draws: validation rows from the seed, shadow traffic from the next seed. */
    static int[][] draws(long seed, int validationRows, int trafficRows) {
        return new int[][] {
            StudentRows.sample(seed, validationRows, Math.min(DRAW, validationRows)),
            StudentRows.sample(seed + 1, trafficRows, Math.min(DRAW, trafficRows))
        };
    }

    /** Rows shown at {@code threshold}, computed as the notebook does (a share times the rows). */
    static double shown(boolean[] actual, double[] p, double threshold) {
        return Bootstrap.shownAt(threshold).of(actual, p) * p.length;
    }

    static double low(boolean[] actual, double[] p, double threshold) {
        return Bootstrap.interval("precision", actual, p, Bootstrap.precisionAt(threshold))
                .low();
    }

    static Verdict promote(Answers a) {
        double chosen = a.number("myThreshold");
        double shadowLow = a.number("myShadowLow");
        boolean promote = a.value("promote", Boolean.class, "a boolean");
        double bar = a.number("bar");
        boolean[] vc = a.value("validationChecked", boolean[].class, "the boolean[] of checked validation labels");
        double[] vp = a.value("pValidation", double[].class, "the double[] of validation scores");
        boolean[] tc = a.value("trafficChecked", boolean[].class, "the boolean[] of checked traffic labels");
        double[] tp = a.value("pTraffic", double[].class, "the double[] of traffic scores");
        int[][] rows = draws(a.seed(), vc.length, tc.length);
        boolean[] myVc = StudentRows.pick(vc, rows[0]);
        double[] myVp = StudentRows.pick(vp, rows[0]);
        double expected = Double.NaN;
        double byEstimate = Double.NaN;
        for (double g : GRID) {
            if (shown(myVc, myVp, g) < MIN_SHOWN) {
                continue;
            }
            if (Double.isNaN(byEstimate) && Bootstrap.precisionAt(g).of(myVc, myVp) >= bar) {
                byEstimate = g;
            }
            if (Double.isNaN(expected) && low(myVc, myVp, g) >= bar) {
                expected = g;
            }
        }
        if (Double.isNaN(expected)) {
            if (Double.isNaN(chosen) && !promote) {
                return Verdict.pass("on your draw no threshold of the grid keeps the bar at the lower end of its"
                        + " interval: nothing to promote.");
            }
            return Verdict.hint("on your draw no threshold of the grid keeps the bar at the lower end of its interval;"
                    + " say so with myThreshold = Double.NaN and promote = false.");
        }
        if (!close(chosen, expected, 1e-6)) {
            if (close(chosen, byEstimate, 1e-6)) {
                return Verdict.hint(text(
                        "at %.2f the precision *estimate* reaches the bar, but the lower end of its"
                                + " 95%% interval does not: choose by the interval's lower end.",
                        chosen));
            }
            if (!Double.isNaN(chosen) && shown(myVc, myVp, chosen) < MIN_SHOWN) {
                return Verdict.hint(text(
                        "at %.2f your validation draw shows fewer than %d rows: its precision and its"
                                + " interval rest on too few rows to count.",
                        chosen, MIN_SHOWN));
            }
            if (chosen > expected) {
                return Verdict.hint(text(
                        "%.2f keeps the bar, but a lower threshold of the grid does too and shows more"
                                + " ads: take the lowest.",
                        chosen));
            }
            return Verdict.hint(text(
                    "at %.2f the lower end of the precision interval on your validation draw is"
                            + " below the bar %.2f (use myValChecked and myValP, not the whole validation set).",
                    chosen, bar));
        }
        boolean[] myTc = StudentRows.pick(tc, rows[1]);
        double[] myTp = StudentRows.pick(tp, rows[1]);
        double shadow = low(myTc, myTp, expected);
        if (!close(shadowLow, shadow, 1e-6)) {
            if (close(shadowLow, low(myVc, myVp, expected), 1e-6)) {
                return Verdict.hint("myShadowLow is the validation draw's lower end; the shadow check uses the traffic"
                        + " draw (myTrafficChecked, myTrafficP).");
            }
            return Verdict.hint(text(
                    "myShadowLow is %.4f: the lower end of the 95%% bootstrap interval of precision at"
                            + " myThreshold on your traffic draw (Bootstrap.interval with its defaults).",
                    shadowLow));
        }
        if (promote != shadow >= bar) {
            return Verdict.hint(text(
                    "the shadow lower end %.3f %s the bar %.2f: promote only when it keeps the bar.",
                    shadow, shadow >= bar ? "keeps" : "is below", bar));
        }
        return Verdict.pass(text(
                "threshold %.2f; on the shadow traffic precision's lower end is %.3f, so %s.",
                expected,
                shadow,
                promote ? "promote it" : "keep it in the shadow (or raise the threshold) and gather more"));
    }
}
