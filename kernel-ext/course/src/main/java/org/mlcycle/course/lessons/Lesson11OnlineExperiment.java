package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.close;
import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.experiment.Experiments;
import org.mlcycle.toolkit.experiment.RatioMetric;
import org.mlcycle.toolkit.experiment.SampleSize;

/**
 * The exercises of lessons/11-online-experiment.ipynb, on the learner's own plan and result
 * ({@link Lesson11Data}): each check makes them again from the variant seed.
 */
final class Lesson11OnlineExperiment {
    static final String LESSON = "11-online-experiment";

    private Lesson11OnlineExperiment() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson11-z",
                        LESSON,
                        "the z statistic of your test by hand",
                        1,
                        Lesson11OnlineExperiment::zByHand,
                        """
                        The pooled two-proportion z-test, from the per-arm counts:
                            var r = myResult;
                            double pooled = (r.controlClicks() + r.treatmentClicks()) / (double) (r.controlImpressions() + r.treatmentImpressions());
                            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / r.controlImpressions() + 1.0 / r.treatmentImpressions()));
                            myZ = (r.treatmentClicks() / (double) r.treatmentImpressions() - r.controlClicks() / (double) r.controlImpressions()) / se;"""),
                Exercise.of(
                        "lesson11-sample-size",
                        LESSON,
                        "size your next test",
                        2,
                        Lesson11OnlineExperiment::sampleSize,
                        """
                        The design effect of CTR on your plan's traffic (randomized by request), the lesson's
                        formula grown by it, then the days at half the traffic per arm, rounded up to whole weeks
                        (weekly seasonality: every weekday equally often):
                            myDesignEffect = RatioMetric.of("my CTR", myPlan.clicks(), myPlan.impressions()).designEffect();
                            SampleSize s = Experiments.sampleSize(myPlan.baselineCtr(), myPlan.relativeLift(), 0.05, myPlan.power());
                            myPerArm = s.perArm(myDesignEffect);
                            long days = (long) Math.ceil(2.0 * myPerArm / myPlan.impressionsPerDay());
                            myDays = (int) (7 * Math.max(1, (days + 6) / 7));"""),
                Exercise.of(
                        "lesson11-ship",
                        LESSON,
                        "ship or keep, from your test's result",
                        2,
                        Lesson11OnlineExperiment::ship,
                        """
                        The 95% interval of the CTR difference uses each arm's own CTR (no pooling: it does not
                        assume the arms are equal):
                            long cn = myResult.controlImpressions(), tn = myResult.treatmentImpressions();
                            double c = myResult.controlClicks() / (double) cn, t = myResult.treatmentClicks() / (double) tn;
                            double se = Math.sqrt(c * (1 - c) / cn + t * (1 - t) / tn);
                            myLow = t - c - 1.96 * se;  myHigh = t - c + 1.96 * se;
                        Ship only if myLow > 0 (CTR significantly higher) and the revenue interval's upper end is
                        above 0 (the guardrail holds): myShip = myLow > 0 && myResult.revenueHigh() > 0."""));
    }

    static Verdict zByHand(Answers a) {
        double z = a.number("myZ");
        Lesson11Data.Result r = Lesson11Data.result(a.seed());
        double cn = r.controlImpressions(), tn = r.treatmentImpressions();
        double c = r.controlClicks() / cn, t = r.treatmentClicks() / tn;
        double pooled = (r.controlClicks() + r.treatmentClicks()) / (cn + tn);
        double right = (t - c) / Math.sqrt(pooled * (1 - pooled) * (1 / cn + 1 / tn));
        double unpooled = (t - c) / Math.sqrt(c * (1 - c) / cn + t * (1 - t) / tn);
        return NumberAnswer.of(z, 1e-6 * Math.max(1, Math.abs(right)))
                .right(right, text("z = %.2f; |z| above 1.96 is p below 0.05.", z))
                .mistake(-right, "the sign is the wrong way round: take treatment minus control.")
                .mistake(
                        unpooled,
                        "that uses each arm's own CTR in the standard error (the interval's); the test"
                                + " assumes no difference, so it pools the clicks of both arms.")
                .otherwise(text(
                        "myZ is %.4f: (CTR treatment - CTR control) / sqrt(p (1 - p) (1/n1 + 1/n2)), p the"
                                + " pooled CTR and n the impressions of each arm of your test (myResult).",
                        z));
    }

    /** The design effect of CTR on the plan's day of traffic, randomized by request. */
    static double designEffect(Lesson11Data.Plan plan) {
        return RatioMetric.of("today's CTR", plan.clicks(), plan.impressions()).designEffect();
    }

    static Verdict sampleSize(Answers a) {
        double deff = a.number("myDesignEffect");
        long perArm = a.whole("myPerArm");
        long days = a.whole("myDays");
        Lesson11Data.Plan plan = Lesson11Data.plan(a.seed());
        double rightDeff = designEffect(plan);
        if (!close(deff, rightDeff, 0.01)) {
            if (close(deff, 1 / rightDeff, 0.01)) {
                return Verdict.hint("that is the per-impression variance over the per-request one: the design effect is"
                        + " the delta-method variance divided by the binomial one, so it is above 1 here.");
            }
            if (close(deff, 1.0, 0.001)) {
                return Verdict.hint("a design effect of 1 says the impressions are independent; measure it on your"
                        + " plan's traffic (RatioMetric.of with myPlan.clicks() and myPlan.impressions()).");
            }
            return Verdict.hint(text(
                    "myDesignEffect is %.3f: the delta-method variance of CTR per request over the binomial"
                            + " variance, from your plan's traffic (RatioMetric.of(name, myPlan.clicks(),"
                            + " myPlan.impressions()).designEffect()).",
                    deff));
        }
        SampleSize s = Experiments.sampleSize(plan.baselineCtr(), plan.relativeLift(), 0.05, plan.power());
        long right = s.perArm(rightDeff);
        double tolerance = 0.005; // relative: z values rounded by hand move n a little
        if (!close(perArm, right, tolerance)) {
            if (close(perArm, s.perArm(), tolerance)) {
                return Verdict.hint("that is the size per impression, as if impressions were independent trials;"
                        + " the test randomizes requests, so the size must grow by the design effect.");
            }
            if (close(perArm, 2.0 * right, tolerance) || close(perArm, 2.0 * s.perArm(), tolerance)) {
                return Verdict.hint("that is both arms together; the exercise asks per arm.");
            }
            SampleSize oneSided = Experiments.sampleSize(plan.baselineCtr(), plan.relativeLift(), 0.10, plan.power());
            if (close(perArm, oneSided.perArm(rightDeff), tolerance) || close(perArm, oneSided.perArm(), tolerance)) {
                return Verdict.hint("that is a one-sided test (z 1.645); the plan is two-sided, z(1 - 0.05/2) = 1.96.");
            }
            double absoluteTarget = plan.baselineCtr() + plan.relativeLift();
            if (absoluteTarget < 1) {
                SampleSize absolute = Experiments.sampleSize(
                        plan.baselineCtr(), absoluteTarget / plan.baselineCtr() - 1, 0.05, plan.power());
                if (close(perArm, absolute.perArm(rightDeff), tolerance)
                        || close(perArm, absolute.perArm(), tolerance)) {
                    return Verdict.hint(
                            "the lift is relative: the target CTR is baseline x (1 + lift), not baseline + lift.");
                }
            }
            return Verdict.hint(text(
                    "myPerArm is %,d: use n = (z(1-alpha/2) sqrt(2 p q) + z(power) sqrt(p1 q1 + p2 q2))^2"
                            + " / (p2 - p1)^2 with your plan's baseline and target CTR (or Experiments.sampleSize),"
                            + " times the design effect.",
                    perArm));
        }
        long raw = (long) Math.ceil(2.0 * perArm / plan.impressionsPerDay());
        long needed = wholeWeeks(raw);
        if (days == needed) {
            return Verdict.pass(text(
                    "design effect %.2f, so %,d impressions per arm (%,d if impressions were independent): %,d days"
                            + " of traffic at %,d impressions a day, run for %,d days (whole weeks, so every"
                            + " weekday counts equally).",
                    rightDeff, perArm, s.perArm(), raw, plan.impressionsPerDay(), days));
        }
        long halfTraffic = (long) Math.ceil((double) perArm / plan.impressionsPerDay());
        if (days == raw || (days > 0 && days < raw + 7 && days % 7 != 0 && days >= raw)) {
            return Verdict.hint(text(
                    "%,d days reach the size, but traffic has a weekly rhythm (weekdays differ from weekends):"
                            + " run whole weeks, rounding up, so each weekday weighs the same in both arms.",
                    days));
        }
        if (days == halfTraffic || days == wholeWeeks(halfTraffic)) {
            return Verdict.hint("each arm gets only half of the day's impressions: both arms need myPerArm each.");
        }
        if (days < raw) {
            return Verdict.hint("too few days: a test stopped short of its size has less than the planned power.");
        }
        return Verdict.hint(text(
                "myDays is %,d: the days both arms need to collect myPerArm impressions each at your"
                        + " plan's traffic, rounded up to whole weeks.",
                days));
    }

    /** Days rounded up to whole weeks (at least one). */
    static long wholeWeeks(long days) {
        return 7 * Math.max(1, (days + 6) / 7);
    }

    static Verdict ship(Answers a) {
        double low = a.number("myLow"), high = a.number("myHigh");
        Object decided = a.value("myShip");
        if (!(decided instanceof Boolean ship)) {
            return Verdict.hint("myShip should be true (ship the treatment) or false (keep the control).");
        }
        Lesson11Data.Result r = Lesson11Data.result(a.seed());
        double cn = r.controlImpressions(), tn = r.treatmentImpressions();
        double c = r.controlClicks() / cn, t = r.treatmentClicks() / tn, d = t - c;
        double se = Math.sqrt(c * (1 - c) / cn + t * (1 - t) / tn);
        double pooled = (r.controlClicks() + r.treatmentClicks()) / (cn + tn);
        double pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / cn + 1 / tn));
        double tol = 1e-3 * se;
        if (!(close(low, d - 1.96 * se, tol) && close(high, d + 1.96 * se, tol))) {
            if (close(low, -d - 1.96 * se, tol)) {
                return Verdict.hint("the interval is for control minus treatment; take treatment minus control.");
            }
            if (close(low, d - 1.645 * se, tol)) {
                return Verdict.hint("1.645 gives a 90% interval; a 95% two-sided interval uses 1.96.");
            }
            if (close(low, d - 1.96 * pooledSe, tol)) {
                return Verdict.hint("the pooled standard error belongs to the test of no difference; the interval uses"
                        + " each arm's own CTR.");
            }
            return Verdict.hint("myLow and myHigh should be the 95% interval of CTR(treatment) - CTR(control) in your"
                    + " result: difference +- 1.96 standard errors.");
        }
        boolean rule = low > 0 && r.revenueHigh() > 0;
        if (ship == rule) {
            return Verdict.pass(text(
                    "CTR difference %+.5f [%.5f, %.5f], revenue guardrail [%.1f, %.1f]: %s.",
                    d, low, high, r.revenueLow(), r.revenueHigh(), ship ? "ship the treatment" : "keep the control"));
        }
        if (ship && low <= 0) {
            return Verdict.hint("your interval includes 0 (or lies below it): the CTR gain is not shown, so the rule"
                    + " keeps the control.");
        }
        if (ship) {
            return Verdict.hint(
                    "the CTR gain is real, but look at the guardrail: the revenue interval lies wholly below 0.");
        }
        return Verdict.hint("the CTR interval lies above 0 and the revenue guardrail holds: the rule written before the"
                + " test says ship.");
    }
}
