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
                        tr("lesson08-only-model.title"),
                        1,
                        Lesson08Deploy::onlyModel,
                        """
                                long onlyModel = 0;
                                for (int i = 0; i < n; i++) if (modelShows[i] && !legacyShows[i]) onlyModel++;"""),
                Exercise.of(
                        "lesson08-promote",
                        "08-deploy",
                        tr("lesson08-promote.title"),
                        2,
                        Lesson08Deploy::promote,
                        lines("""
                                double myThreshold = Double.NaN;
                                for (double g : new double[] {0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90})
                                    if (Double.isNaN(myThreshold) && Bootstrap.shownAt(g).of(myValChecked, myValP) * 5_000 >= 50
                                            && Bootstrap.interval("v", myValChecked, myValP, Bootstrap.precisionAt(g)).low() >= bar)
                                        myThreshold = g;
                                double myShadowLow = Bootstrap.interval("t", myTrafficChecked, myTrafficP,
                                        Bootstrap.precisionAt(myThreshold)).low();
                                boolean promote = myShadowLow >= bar;""", tr("lesson08-promote.answer"))));
    }

    static Verdict onlyModel(Answers a) {
        long only = a.whole("onlyModel");
        boolean[] model = a.value("modelShows", boolean[].class, tr("lesson08-only-model.asks.boolean"));
        boolean[] legacy = a.value("legacyShows", boolean[].class, tr("lesson08-only-model.asks.boolean"));
        long expected = 0;
        long both = 0;
        long onlyLegacy = 0;
        for (int i = 0; i < model.length; i++) {
            expected += model[i] && !legacy[i] ? 1 : 0;
            both += model[i] && legacy[i] ? 1 : 0;
            onlyLegacy += !model[i] && legacy[i] ? 1 : 0;
        }
        return NumberAnswer.of(only, 0)
                .right(expected, tr("lesson08-only-model.pass.candidates-would-get", only))
                .mistake(both, tr("lesson08-only-model.mistake.counted-rows-both"))
                .mistake(onlyLegacy, tr("lesson08-only-model.mistake.counted-wrong-way"))
                .otherwise(tr("lesson08-only-model.otherwise.onlymodel-count-rows", only));
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
        boolean promote = a.value("promote", Boolean.class, tr("lesson08-promote.asks.boolean"));
        double bar = a.number("bar");
        boolean[] vc =
                a.value("validationChecked", boolean[].class, tr("lesson08-promote.asks.boolean-checked-validation"));
        double[] vp = a.value("pValidation", double[].class, tr("lesson08-promote.asks.double-validation-scores"));
        boolean[] tc = a.value("trafficChecked", boolean[].class, tr("lesson08-promote.asks.boolean-checked-traffic"));
        double[] tp = a.value("pTraffic", double[].class, tr("lesson08-promote.asks.double-traffic-scores"));
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
                return Verdict.pass(tr("lesson08-promote.pass.draw-threshold-grid"));
            }
            return Verdict.hint(tr("lesson08-promote.hint.draw-threshold-grid"));
        }
        if (!close(chosen, expected, 1e-6)) {
            if (close(chosen, byEstimate, 1e-6)) {
                return Verdict.hint(tr("lesson08-promote.hint.precision-estimate-reaches", chosen));
            }
            if (!Double.isNaN(chosen) && shown(myVc, myVp, chosen) < MIN_SHOWN) {
                return Verdict.hint(tr("lesson08-promote.hint.validation-draw-shows", chosen, MIN_SHOWN));
            }
            if (chosen > expected) {
                return Verdict.hint(tr("lesson08-promote.hint.keeps-bar-lower", chosen));
            }
            return Verdict.hint(tr("lesson08-promote.hint.lower-end-precision", chosen, bar));
        }
        boolean[] myTc = StudentRows.pick(tc, rows[1]);
        double[] myTp = StudentRows.pick(tp, rows[1]);
        double shadow = low(myTc, myTp, expected);
        if (!close(shadowLow, shadow, 1e-6)) {
            if (close(shadowLow, low(myVc, myVp, expected), 1e-6)) {
                return Verdict.hint(tr("lesson08-promote.hint.myshadowlow-validation-draw"));
            }
            return Verdict.hint(tr("lesson08-promote.hint.myshadowlow-lower-end", shadowLow));
        }
        if (promote != shadow >= bar) {
            return Verdict.hint(tr(
                    "lesson08-promote.hint.shadow-lower-end",
                    shadow,
                    shadow >= bar ? tr("lesson08-promote.hint.keeps") : tr("lesson08-promote.hint.below"),
                    bar));
        }
        return Verdict.pass(tr(
                "lesson08-promote.pass.threshold-shadow-traffic",
                expected,
                shadow,
                promote ? tr("lesson08-promote.pass.promote") : tr("lesson08-promote.pass.keep-shadow-raise")));
    }
}
