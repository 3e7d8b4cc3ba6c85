package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

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
                        "SNIPS by hand on your own log",
                        1,
                        Lesson12FeedbackLoops::snips,
                        """
                        Weight each request where the new policy would show the logged ad by 1 / propensity, then divide
                        the weighted clicks by the sum of the weights:
                            double wc = 0, w = 0;
                            for (int r = 0; r < myLog.requests(); r++) {
                                if (always.best(myLog.candidates(), r) != myLog.slot(r)) continue;
                                wc += myLog.click(r) / myLog.propensity(r);
                                w += 1 / myLog.propensity(r);
                            }
                            double mySnips = wc / w;"""),
                Exercise.of(
                        "lesson12-epsilon",
                        "12-feedback-loops",
                        "the largest exploration share your budget allows",
                        2,
                        Lesson12FeedbackLoops::epsilon,
                        """
                        The cost grows in proportion to the share: at share e it is e / epsilon times the cost measured at
                        the log's own epsilon. Decide on the upper end of the interval, so the budget holds even if the
                        cost is as high as the data allow:
                            Interval cost = myLog.explorationCost();
                            double myEpsilon = 0;
                            for (int k = 30; k >= 1 && myEpsilon == 0; k--)
                                if (k / 100.0 / myLog.epsilon() * cost.high() <= myBudget) myEpsilon = k / 100.0;"""));
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
                .right(
                        right,
                        text(
                                "SNIPS = %.5f clicks per request for the always-show policy, from your log's %,d requests.",
                                right, n))
                .mistake(
                        OffPolicy.ips(w, y, all),
                        "that is IPS: the weighted clicks over the number of requests. SNIPS divides by the sum of the weights instead.")
                .mistake(
                        matchedClicks / matched,
                        "that is the naive replay: each matching request needs the weight 1 / propensity.")
                .mistake(
                        log.ctr(),
                        "that is your log's own click rate, the old policy's; the question is about the always-show policy.")
                .otherwise(text(
                        "mySnips is %.5f. Keep the requests where the always-show policy would pick the logged slot, weight each"
                                + " by 1 / propensity, and divide the weighted clicks by the sum of the weights.",
                        answer));
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
                        text(
                                "%.2f: the cost at that share is at most %.5f clicks per request (the upper end), within your"
                                        + " budget of %.5f%s.",
                                right,
                                right / log.epsilon() * cost.high(),
                                budget,
                                right < 0.30 ? text("; %.2f would not be", right + 0.01) : ""))
                .mistakeIf(
                        right != central && Math.abs(answer - central) < 1e-9,
                        "that keeps the central estimate within the budget;"
                                + " the decision should hold even if the cost is at the upper end of its interval.")
                .mistakeIf(
                        right != ownShare && Math.abs(answer - ownShare) < 1e-9,
                        "the interval is the cost at your log's own share;"
                                + " scale it by (share / your log's epsilon) before comparing it with the budget.")
                .otherwise(text(
                        "myEpsilon is %s: pick the largest share on the grid 0.01, 0.02, ..., 0.30 whose cost, at the"
                                + " upper end of the interval, is within myBudget.",
                        answer));
    }

    /** The largest share on the grid 0.01..0.30 whose cost, scaled from the log's share, is within the budget (0 when none is). */
    static double largest(double costAtLogShare, double logShare, double budget) {
        for (int k = 30; k >= 1; k--) {
            if (k / 100.0 / logShare * costAtLogShare <= budget) return k / 100.0;
        }
        return 0;
    }
}
