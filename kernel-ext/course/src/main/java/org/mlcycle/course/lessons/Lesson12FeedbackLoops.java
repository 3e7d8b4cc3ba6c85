package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;

import java.util.Arrays;
import java.util.List;
import org.mlcycle.toolkit.counterfactual.BanditLog;
import org.mlcycle.toolkit.counterfactual.EpsilonGreedy;
import org.mlcycle.toolkit.counterfactual.OffPolicy;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.metrics.Interval;

/**
 * The exercises of lessons/12-feedback-loops.ipynb. Each student has an own exploration log (from
 * the variant seed); the checks rebuild it from the seed, so the notebook holds no expected value.
 */
final class Lesson12FeedbackLoops {
    private Lesson12FeedbackLoops() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson12-snips",
                        "12-feedback-loops",
                        tr("lesson12-snips.title"),
                        1,
                        Lesson12FeedbackLoops::snips,
                        lines(tr("lesson12-snips.answer"), code("""
                                double wc = 0, w = 0;
                                for (int r = 0; r < myLog.requests(); r++) {
                                    if (always.best(myLog.candidates(), r) != myLog.slot(r)) continue;
                                    wc += myLog.click(r) / myLog.propensity(r);
                                    w += 1 / myLog.propensity(r);
                                }
                                double mySnips = wc / w;"""))),
                Exercise.of(
                        "lesson12-epsilon",
                        "12-feedback-loops",
                        tr("lesson12-epsilon.title"),
                        2,
                        Lesson12FeedbackLoops::epsilon,
                        lines(tr("lesson12-epsilon.answer"), code("""
                                Interval cost = myLog.explorationCost();
                                double myEpsilon = 0;
                                for (int k = 30; k >= 1 && myEpsilon == 0; k--)
                                    if (k / 100.0 / myLog.epsilon() * cost.high() <= myBudget) myEpsilon = k / 100.0;"""))));
    }

    static Verdict snips(Answers a) {
        double answer = a.number("mySnips");
        BanditLog log = Lesson12Data.studentLog(a.seed());
        EpsilonGreedy always = Lesson12Data.alwaysShow();
        int n = log.requests();
        double[] w = new double[n];
        int[] y = log.clicks(), all = new int[n];
        Arrays.setAll(all, i -> i);
        double matchedClicks = 0, matched = 0;
        for (int r = 0; r < n; r++) {
            if (always.best(log.candidates(), r) == log.slot(r)) {
                w[r] = 1 / log.propensity(r);
                matchedClicks += y[r];
                matched++;
            }
        }
        double right = OffPolicy.snips(w, y, all);
        return NumberAnswer.of(answer, 1e-9 + 1e-6 * right)
                .right(right, tr("lesson12-snips.pass.snips-clicks-per", right, n))
                .mistake(OffPolicy.ips(w, y, all), tr("lesson12-snips.mistake.ips-weighted-clicks"))
                .mistake(matchedClicks / matched, tr("lesson12-snips.mistake.naive-replay-each"))
                .mistake(log.ctr(), tr("lesson12-snips.mistake.log-click-rate"))
                .otherwise(tr("lesson12-snips.otherwise.mysnips-keep-requests", answer));
    }

    static Verdict epsilon(Answers a) {
        double answer = a.number("myEpsilon");
        long seed = a.seed();
        BanditLog log = Lesson12Data.studentLog(seed);
        double budget = Lesson12Data.budget(seed);
        Interval cost = log.explorationCost();
        double right = largest(cost.high(), log.epsilon(), budget);
        double central = largest(cost.estimate(), log.epsilon(), budget);
        double ownShare = largest(cost.high(), 1, budget);
        return NumberAnswer.of(answer, 1e-9)
                .right(
                        right,
                        tr(
                                "lesson12-epsilon.pass.cost-share-most",
                                right,
                                right / log.epsilon() * cost.high(),
                                budget,
                                right < 0.30 ? tr("lesson12-epsilon.pass.would", right + 0.01) : ""))
                .mistakeIf(
                        right != central && Math.abs(answer - central) < 1e-9,
                        tr("lesson12-epsilon.mistake.keeps-central-estimate"))
                .mistakeIf(
                        right != ownShare && Math.abs(answer - ownShare) < 1e-9,
                        tr("lesson12-epsilon.mistake.interval-cost-log"))
                .otherwise(tr("lesson12-epsilon.otherwise.myepsilon-pick-largest", answer));
    }

    /** The largest share on the grid 0.01..0.30 whose cost, scaled from the log's share, is within the budget (0 when none is). */
    static double largest(double costAtLogShare, double logShare, double budget) {
        for (int k = 30; k >= 1; k--) {
            if (k / 100.0 / logShare * costAtLogShare <= budget) return k / 100.0;
        }
        return 0;
    }
}
