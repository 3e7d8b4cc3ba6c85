package org.mlcycle.course.lessons;

import java.util.Locale;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A learner's own numbers for lesson 11's exercises, made from the variant seed: the plan of a next
 * test (baseline CTR, the lift to detect, power, traffic) and the result of another test (clicks
 * and impressions per arm, the revenue guardrail's interval). The checks make them again from the
 * same seed.
 */
public final class Lesson11Data {
    private Lesson11Data() {}

    /** What a test must detect: a relative CTR lift over a baseline, two-sided alpha 0.05, this power. */
    public record Plan(double baselineCtr, double relativeLift, double power, long impressionsPerDay) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "baseline CTR %.4f, detect a %+.0f%% relative lift, alpha 0.05 (two-sided),"
                    + " power %.2f; %,d impressions a day for both arms together", baselineCtr, 100 * relativeLift,
                    power, impressionsPerDay);
        }
    }

    /** A finished test: each arm's impressions and clicks; revenue per 1,000 requests, treatment minus control, with its 95% interval. */
    public record Result(long controlImpressions, long controlClicks, long treatmentImpressions, long treatmentClicks,
            double revenueDifference, double revenueLow, double revenueHigh) {
        public Table table() {
            return Table.create("your A/B test",
                    StringColumn.create("arm", "control", "treatment"),
                    LongColumn.create("impressions", controlImpressions, treatmentImpressions),
                    LongColumn.create("clicks", controlClicks, treatmentClicks),
                    DoubleColumn.create("CTR", controlClicks / (double) controlImpressions,
                            treatmentClicks / (double) treatmentImpressions));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "control %,d clicks of %,d impressions; treatment %,d of %,d; revenue per"
                    + " 1,000 requests %+.1f [%.1f, %.1f]", controlClicks, controlImpressions, treatmentClicks,
                    treatmentImpressions, revenueDifference, revenueLow, revenueHigh);
        }
    }

    public static Plan plan(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double baseline = Math.round((0.02 + 0.03 * r.nextDouble()) * 10_000) / 10_000.0;
        double[] lifts = {0.05, 0.08, 0.10, 0.15};
        double[] powers = {0.8, 0.9};
        long[] traffic = {20_000, 40_000, 60_000};
        return new Plan(baseline, lifts[r.nextInt(lifts.length)], powers[r.nextInt(powers.length)],
                traffic[r.nextInt(traffic.length)]);
    }

    public static Result result(long seed) {
        SplittableRandom r = new SplittableRandom(~seed);
        double baseline = 0.025 + 0.02 * r.nextDouble();
        double[] lifts = {-0.06, 0.0, 0.03, 0.08, 0.12};
        double lift = lifts[r.nextInt(lifts.length)];
        long n = 30_000 + r.nextInt(30_000);
        long m = n + r.nextInt(2_000) - 1_000;
        long cc = binomial(r, n, baseline), tc = binomial(r, m, baseline * (1 + lift));
        double revenue = Math.round((-3 + 10 * r.nextDouble()) * 10) / 10.0;
        double half = Math.round((2 + 3 * r.nextDouble()) * 10) / 10.0;
        return new Result(n, cc, m, tc, revenue, Math.round((revenue - half) * 10) / 10.0,
                Math.round((revenue + half) * 10) / 10.0);
    }

    private static long binomial(SplittableRandom r, long n, double p) {
        // the normal approximation is exact enough at these sizes (n p in the thousands)
        double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        return Math.max(0, Math.round(n * p + g * Math.sqrt(n * p * (1 - p))));
    }
}
