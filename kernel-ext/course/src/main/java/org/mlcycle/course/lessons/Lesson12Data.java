package org.mlcycle.course.lessons;

import java.util.Locale;
import org.mlcycle.toolkit.counterfactual.AdCtrModel;
import org.mlcycle.toolkit.counterfactual.BanditLog;
import org.mlcycle.toolkit.counterfactual.Candidates;
import org.mlcycle.toolkit.counterfactual.EpsilonGreedy;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Policy;
import tech.tablesaw.api.Table;

/**
 * The data of lessons/12-feedback-loops.ipynb that its exercises rebuild: the model the team starts
 * from (legacy's first-slot clicks of two months ago), and each student's own exploration log and
 * budget, made from the student's variant seed.
 */
public final class Lesson12Data {
    /** Requests of legacy's log that the starting model learns from. */
    public static final int LEGACY_REQUESTS = 20_000;
    /** Pseudo-impressions of the prior in the per-ad model. */
    public static final double PRIOR_STRENGTH = 10;
    /** The serving policies show an ad only when its estimated first-slot CTR is at least this. */
    public static final double THRESHOLD = 0.03;
    /** Requests in a student's exploration log. */
    public static final int STUDENT_REQUESTS = 5_000;

    private static AdWorld world;
    private static AdCtrModel start;
    private static Table legacy;

    private Lesson12Data() {}

    /** The standard ad world, built once. */
    public static synchronized AdWorld world() {
        if (world == null) world = AdWorld.standard();
        return world;
    }

    /** Legacy's impressions of two months ago, {@link #LEGACY_REQUESTS} requests, in KDD's columns. */
    public static synchronized Table legacyLog() {
        if (legacy == null) legacy = world().impressions(Policy.LEGACY, Period.TWO_MONTHS_AGO, LEGACY_REQUESTS);
        return legacy.copy();
    }

    /** The model the team starts from: per-ad CTRs from legacy's first-slot clicks, the prior scaled to match them. */
    public static synchronized AdCtrModel startModel() {
        if (start == null) {
            start = AdCtrModel.fromFirstSlot(
                    legacyLog(), world().ads().doubleColumn("past_ctr").asDoubleArray(), PRIOR_STRENGTH);
        }
        return start;
    }

    /** The student's exploration share: 0.05 to 0.15. */
    public static double studentEpsilon(long seed) {
        return 0.05 + 0.01 * Math.floorMod(seed, 11);
    }

    /** The student's budget for exploration, in clicks per request: 0.0004 to 0.0012. */
    public static double budget(long seed) {
        return 0.0004 + 0.0001 * Math.floorMod(seed >> 8, 9);
    }

    /** The student's own log: fresh requests served epsilon-greedy by the starting model, with propensities. */
    public static BanditLog studentLog(long seed) {
        Candidates requests =
                Candidates.fresh(world(), String.format(Locale.ROOT, "exploration-%016x", seed), STUDENT_REQUESTS);
        return BanditLog.serve(
                requests,
                new EpsilonGreedy("ad-click, exploring", startModel(), THRESHOLD, studentEpsilon(seed)),
                seed);
    }

    /** The new policy of the lesson: the starting model's favourite ad on every request, whatever its estimate. */
    public static EpsilonGreedy alwaysShow() {
        return EpsilonGreedy.greedy("always show the best", startModel(), 0);
    }
}
