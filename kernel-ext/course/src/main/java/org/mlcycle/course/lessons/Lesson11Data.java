package org.mlcycle.course.lessons;

import java.util.List;
import java.util.Locale;
import org.mlcycle.course.variant.StudentDraw;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A learner's own numbers for lesson 11's exercises, made from the variant seed: the plan of a next
 * test (baseline CTR, the lift to detect, power, traffic) and the result of another test (clicks
 * and impressions per arm, the revenue guardrail's interval). The checks make them again from the
 * same seed, drawn with {@link StudentDraw}.
 */
public final class Lesson11Data {
    private Lesson11Data() {}

    /**
     * What a test must detect: a relative CTR lift over a baseline, two-sided alpha 0.05, this power;
     * and a day of today's traffic, per request: the clicks and impressions of each request (the
     * baseline CTR is their ratio). The test randomizes requests, so the design effect of CTR on this
     * day grows the size.
     */
    public record Plan(
            double baselineCtr,
            double relativeLift,
            double power,
            long impressionsPerDay,
            double[] clicks,
            double[] impressions) {
        @Override
        public String toString() {
            double shown = 0, clicked = 0;
            for (int r = 0; r < impressions.length; r++) {
                shown += impressions[r];
                clicked += clicks[r];
            }
            return String.format(
                    Locale.ROOT,
                    "baseline CTR %.4f, detect a %+.0f%% relative lift, alpha 0.05 (two-sided),"
                            + " power %.2f; %,d impressions a day for both arms together; today's"
                            + " traffic: %,d requests, %,.0f impressions, %,.0f clicks (clicks() and"
                            + " impressions(), one entry per request)",
                    baselineCtr,
                    100 * relativeLift,
                    power,
                    impressionsPerDay,
                    impressions.length,
                    shown,
                    clicked);
        }
    }

    /** A finished test: each arm's impressions and clicks; revenue per 1,000 requests, treatment minus control, with its 95% interval. */
    public record Result(
            long controlImpressions,
            long controlClicks,
            long treatmentImpressions,
            long treatmentClicks,
            double revenueDifference,
            double revenueLow,
            double revenueHigh) {
        public Table table() {
            return Table.create(
                    "your A/B test",
                    StringColumn.create("arm", "control", "treatment"),
                    LongColumn.create("impressions", controlImpressions, treatmentImpressions),
                    LongColumn.create("clicks", controlClicks, treatmentClicks),
                    DoubleColumn.create(
                            "CTR",
                            controlClicks / (double) controlImpressions,
                            treatmentClicks / (double) treatmentImpressions));
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "control %,d clicks of %,d impressions; treatment %,d of %,d; revenue per"
                            + " 1,000 requests %+.1f [%.1f, %.1f]",
                    controlClicks,
                    controlImpressions,
                    treatmentClicks,
                    treatmentImpressions,
                    revenueDifference,
                    revenueLow,
                    revenueHigh);
        }
    }

    /** Requests in the plan's day of traffic. */
    static final int REQUESTS = 8_000;

    public static Plan plan(long seed) {
        StudentDraw draw = StudentDraw.of(seed, 0);
        double target = draw.uniform(0.02, 0.05);
        double lift = draw.oneOf(List.of(0.05, 0.08, 0.10, 0.15));
        double power = draw.oneOf(List.of(0.8, 0.9));
        long perDay = draw.oneOf(List.of(20_000L, 40_000L, 60_000L));
        // a few engaged requests get most of the clicks: the impressions of a request are not independent
        double engaged = draw.oneOf(List.of(0.05, 0.08, 0.12)), share = 0.75;
        double pEngaged = Math.min(1, target * share / engaged), pOther = target * (1 - share) / (1 - engaged);
        double[] clicks = new double[REQUESTS], impressions = new double[REQUESTS];
        double shown = 0, clicked = 0;
        for (int r = 0; r < REQUESTS; r++) {
            impressions[r] = draw.between(0, 3);
            double p = draw.chance(engaged) ? pEngaged : pOther;
            for (int k = 0; k < impressions[r]; k++) clicks[r] += draw.chance(p) ? 1 : 0;
            shown += impressions[r];
            clicked += clicks[r];
        }
        return new Plan(clicked / shown, lift, power, perDay, clicks, impressions);
    }

    public static Result result(long seed) {
        StudentDraw draw = StudentDraw.of(seed, -1L); // the seed's complement: a stream apart from the plan's
        double baseline = draw.uniform(0.025, 0.045);
        double lift = draw.oneOf(List.of(-0.06, 0.0, 0.03, 0.08, 0.12));
        long n = draw.between(30_000, 59_999);
        long m = n + draw.between(-1_000, 999);
        long cc = draw.binomial(n, baseline), tc = draw.binomial(m, baseline * (1 + lift));
        double revenue = StudentDraw.round(draw.uniform(-3, 7), 1);
        double half = StudentDraw.round(draw.uniform(2, 5), 1);
        return new Result(
                n, cc, m, tc, revenue, StudentDraw.round(revenue - half, 1), StudentDraw.round(revenue + half, 1));
    }
}
