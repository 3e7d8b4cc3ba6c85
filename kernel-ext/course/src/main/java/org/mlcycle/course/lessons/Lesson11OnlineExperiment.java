package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;
import static org.mlcycle.toolkit.exercises.Verdict.close;

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
                        tr("lesson11-z.title"),
                        1,
                        Lesson11OnlineExperiment::zByHand,
                        lines(tr("lesson11-z.answer"), code("""
                                var r = myResult;
                                double pooled = (r.controlClicks() + r.treatmentClicks()) / (double) (r.controlImpressions() + r.treatmentImpressions());
                                double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / r.controlImpressions() + 1.0 / r.treatmentImpressions()));
                                myZ = (r.treatmentClicks() / (double) r.treatmentImpressions() - r.controlClicks() / (double) r.controlImpressions()) / se;"""))),
                Exercise.of(
                        "lesson11-sample-size",
                        LESSON,
                        tr("lesson11-sample-size.title"),
                        2,
                        Lesson11OnlineExperiment::sampleSize,
                        lines(tr("lesson11-sample-size.answer"), code("""
                                myDesignEffect = RatioMetric.of("my CTR", myPlan.clicks(), myPlan.impressions()).designEffect();
                                SampleSize s = Experiments.sampleSize(myPlan.baselineCtr(), myPlan.relativeLift(), 0.05, myPlan.power());
                                myPerArm = s.perArm(myDesignEffect);
                                long days = (long) Math.ceil(2.0 * myPerArm / myPlan.impressionsPerDay());
                                myDays = (int) (7 * Math.max(1, (days + 6) / 7));"""))),
                Exercise.of(
                        "lesson11-ship",
                        LESSON,
                        tr("lesson11-ship.title"),
                        2,
                        Lesson11OnlineExperiment::ship,
                        lines(tr("lesson11-ship.answer"), code("""
                                long cn = myResult.controlImpressions(), tn = myResult.treatmentImpressions();
                                double c = myResult.controlClicks() / (double) cn, t = myResult.treatmentClicks() / (double) tn;
                                double se = Math.sqrt(c * (1 - c) / cn + t * (1 - t) / tn);
                                myLow = t - c - 1.96 * se;  myHigh = t - c + 1.96 * se;"""), tr("lesson11-ship.answer.2"))));
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
                .right(right, tr("lesson11-z.pass.z-z-above", z))
                .mistake(-right, tr("lesson11-z.mistake.sign-wrong-way"))
                .mistake(unpooled, tr("lesson11-z.mistake.uses-each-arm"))
                .otherwise(tr("lesson11-z.otherwise.myz-ctr-treatment", z));
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
                return Verdict.hint(tr("lesson11-sample-size.hint.per-impression-variance"));
            }
            if (close(deff, 1.0, 0.001)) {
                return Verdict.hint(tr("lesson11-sample-size.hint.design-effect-says"));
            }
            return Verdict.hint(tr("lesson11-sample-size.hint.mydesigneffect-delta-method", deff));
        }
        SampleSize s = Experiments.sampleSize(plan.baselineCtr(), plan.relativeLift(), 0.05, plan.power());
        long right = s.perArm(rightDeff);
        double tolerance = 0.005; // relative: z values rounded by hand move n a little
        if (!close(perArm, right, tolerance)) {
            if (close(perArm, s.perArm(), tolerance)) {
                return Verdict.hint(tr("lesson11-sample-size.hint.size-per-impression"));
            }
            if (close(perArm, 2.0 * right, tolerance) || close(perArm, 2.0 * s.perArm(), tolerance)) {
                return Verdict.hint(tr("lesson11-sample-size.hint.both-arms-together"));
            }
            SampleSize oneSided = Experiments.sampleSize(plan.baselineCtr(), plan.relativeLift(), 0.10, plan.power());
            if (close(perArm, oneSided.perArm(rightDeff), tolerance) || close(perArm, oneSided.perArm(), tolerance)) {
                return Verdict.hint(tr("lesson11-sample-size.hint.sided-test-z"));
            }
            double absoluteTarget = plan.baselineCtr() + plan.relativeLift();
            if (absoluteTarget < 1) {
                SampleSize absolute = Experiments.sampleSize(
                        plan.baselineCtr(), absoluteTarget / plan.baselineCtr() - 1, 0.05, plan.power());
                if (close(perArm, absolute.perArm(rightDeff), tolerance)
                        || close(perArm, absolute.perArm(), tolerance)) {
                    return Verdict.hint(tr("lesson11-sample-size.hint.lift-relative-target"));
                }
            }
            return Verdict.hint(tr("lesson11-sample-size.hint.myperarm-use-n", perArm));
        }
        long raw = (long) Math.ceil(2.0 * perArm / plan.impressionsPerDay());
        long needed = wholeWeeks(raw);
        if (days == needed) {
            return Verdict.pass(tr(
                    "lesson11-sample-size.pass.design-effect-impressions",
                    rightDeff,
                    perArm,
                    s.perArm(),
                    raw,
                    plan.impressionsPerDay(),
                    days));
        }
        long halfTraffic = (long) Math.ceil((double) perArm / plan.impressionsPerDay());
        if (days == raw || (days > 0 && days < raw + 7 && days % 7 != 0 && days >= raw)) {
            return Verdict.hint(tr("lesson11-sample-size.hint.days-reach-size", days));
        }
        if (days == halfTraffic || days == wholeWeeks(halfTraffic)) {
            return Verdict.hint(tr("lesson11-sample-size.hint.each-arm-gets"));
        }
        if (days < raw) {
            return Verdict.hint(tr("lesson11-sample-size.hint.too-few-days"));
        }
        return Verdict.hint(tr("lesson11-sample-size.hint.mydays-days-both", days));
    }

    /** Days rounded up to whole weeks (at least one). */
    static long wholeWeeks(long days) {
        return 7 * Math.max(1, (days + 6) / 7);
    }

    static Verdict ship(Answers a) {
        double low = a.number("myLow"), high = a.number("myHigh");
        Object decided = a.value("myShip");
        if (!(decided instanceof Boolean ship)) {
            return Verdict.hint(tr("lesson11-ship.hint.myship-should-true"));
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
                return Verdict.hint(tr("lesson11-ship.hint.interval-control-minus"));
            }
            if (close(low, d - 1.645 * se, tol)) {
                return Verdict.hint(tr("lesson11-ship.hint.gives-interval-two"));
            }
            if (close(low, d - 1.96 * pooledSe, tol)) {
                return Verdict.hint(tr("lesson11-ship.hint.pooled-standard-error"));
            }
            return Verdict.hint(tr("lesson11-ship.hint.mylow-myhigh-should"));
        }
        boolean rule = low > 0 && r.revenueHigh() > 0;
        if (ship == rule) {
            return Verdict.pass(tr(
                    "lesson11-ship.pass.ctr-difference-revenue",
                    d,
                    low,
                    high,
                    r.revenueLow(),
                    r.revenueHigh(),
                    ship ? tr("lesson11-ship.pass.ship-treatment") : tr("lesson11-ship.pass.keep-control")));
        }
        if (ship && low <= 0) {
            return Verdict.hint(tr("lesson11-ship.hint.interval-includes-lies"));
        }
        if (ship) {
            return Verdict.hint(tr("lesson11-ship.hint.ctr-gain-real"));
        }
        return Verdict.hint(tr("lesson11-ship.hint.ctr-interval-lies"));
    }
}
