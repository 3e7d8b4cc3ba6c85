package org.mlcycle.toolkit.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.BitmapBackedSelection;

/**
 * Online experiments on the ad world: plan the size, run the test, and see what peeking costs.
 *
 * <pre>{@code
 * SampleSize plan = Experiments.sampleSize(0.02, 0.10, 0.05, 0.8);   // +10% of a 2% CTR
 * AbResult ab = Experiments.run(world, control, treatment, AbOptions.of(5_000, 14));
 * PeekingReport peek = Experiments.peeking(0.02, plan.perArm() / 14, 14, 2_000, 0.05, 7);
 * }</pre>
 */
public final class Experiments {
    private Experiments() {}

    /**
     * Impressions per arm to detect a relative lift of {@code relativeLift} over a {@code
     * baseline} CTR (two-sided test at {@code alpha}, with probability {@code power}).
     */
    public static SampleSize sampleSize(double baseline, double relativeLift, double alpha, double power) {
        Require.that(
                baseline > 0 && baseline < 1, "sample size", "the baseline CTR must be in (0, 1), got %s", baseline);
        double target = baseline * (1 + relativeLift);
        Require.that(
                relativeLift != 0 && target > 0 && target < 1,
                "sample size",
                "the lift must be non-zero and keep the CTR in (0, 1), got %s of %s",
                relativeLift,
                baseline);
        Require.that(alpha > 0 && alpha < 1, "sample size", "alpha must be in (0, 1), got %s", alpha);
        Require.that(power > 0 && power < 1, "sample size", "power must be in (0, 1), got %s", power);
        double p = (baseline + target) / 2;
        double a = Normal.quantile(1 - alpha / 2) * Math.sqrt(2 * p * (1 - p));
        double b = Normal.quantile(power) * Math.sqrt(baseline * (1 - baseline) + target * (1 - target));
        double n = (a + b) * (a + b) / ((target - baseline) * (target - baseline));
        return new SampleSize(baseline, target, alpha, power, n, (long) Math.ceil(n));
    }

    /** The two-sided p-value of the pooled two-proportion z-test. */
    public static double pValue(long clicksA, long trialsA, long clicksB, long trialsB) {
        return Normal.twoSided(z(clicksA, trialsA, clicksB, trialsB));
    }

    static double z(long clicksA, long trialsA, long clicksB, long trialsB) {
        double pa = clicksA / (double) trialsA, pb = clicksB / (double) trialsB;
        double pooled = (clicksA + clicksB) / (double) (trialsA + trialsB);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / trialsA + 1.0 / trialsB));
        return se == 0 ? 0 : (pb - pa) / se;
    }

    /** The arm of a request: treatment when a seeded hash of its id falls below the share. */
    public static boolean treated(long seed, long request, double treatmentShare) {
        long h = mix(mix(seed) ^ request);
        return (h >>> 11) * 0x1.0p-53 < treatmentShare;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * A randomized A/B test on fresh traffic of the ad world: each request goes to one arm by the
     * hash of its id ({@link #treated}), is served by that arm's policy, and the simulator draws the
     * clicks. Both arms see the same stream of new requests, none of which any earlier table holds.
     * The world has no days after today, so every request is drawn from today's traffic mix; the
     * days of the test group the requests ({@code requestsPerDay} at a time), nothing more. No arm
     * ever sees the clicks the other arm's ads would have had.
     */
    public static AbResult run(AdWorld world, Arm control, Arm treatment, AbOptions options) {
        Require.that(
                world != null && control != null && treatment != null && options != null,
                "A/B test",
                "world, arms and options are required");
        Require.that(
                !control.name().equals(treatment.name()),
                "A/B test",
                "the arms need different names, both are '%s'",
                control.name());
        int n = options.requests();
        String stream = "ab-" + options.seed();
        Table candidates = world.freshCandidates(stream, n);
        int[] request = candidates.intColumn("request").asIntArray();
        boolean[] treated = new boolean[n];
        for (int r = 0; r < n; r++) treated[r] = treated(options.seed(), r, options.treatmentShare());
        double[] shifted = new double[request.length];
        double[] micros = new double[2];
        long[] requests = new long[2];
        for (int r = 0; r < n; r++) requests[treated[r] ? 1 : 0]++;
        for (int k = 0; k < 2; k++) {
            Arm arm = k == 0 ? control : treatment;
            BitmapBackedSelection rows = new BitmapBackedSelection();
            for (int i = 0; i < request.length; i++) if (treated[request[i]] == (k == 1)) rows.add(i);
            int[] index = rows.toArray();
            Table part = candidates.where(rows);
            long t0 = System.nanoTime();
            double[] s = arm.scores().apply(part);
            micros[k] = (System.nanoTime() - t0) / 1e3 / Math.max(1, requests[k]);
            Require.that(
                    s != null && s.length == index.length,
                    "A/B test",
                    "arm %s: scores must hold one score per candidate row (%,d), got %s",
                    arm.name(),
                    index.length,
                    s == null ? "null" : String.format("%,d", s.length));
            for (int j = 0; j < index.length; j++) {
                shifted[index[j]] = Double.isNaN(s[j]) ? Double.NEGATIVE_INFINITY : s[j] - arm.threshold();
            }
        }
        Table log = world.freshImpressions(stream, "ab", shifted, 0.0, n);
        double[] bid = world.ads().doubleColumn("bid_cpc").asDoubleArray();
        double[] revenue = new double[n];
        long[] impressions = new long[2], clicks = new long[2];
        for (int i = 0; i < log.rowCount(); i++) {
            int r = log.intColumn("Request").getInt(i),
                    k = treated[r] ? 1 : 0,
                    c = log.intColumn("Click").getInt(i);
            impressions[k] += log.intColumn("Impression").getInt(i);
            clicks[k] += c;
            revenue[r] += c * bid[log.intColumn("AdID").getInt(i)];
        }
        double zq = Normal.quantile(1 - options.alpha() / 2);
        ArmResult[] arms = new ArmResult[2];
        double[] mean = new double[2], var = new double[2];
        for (int k = 0; k < 2; k++) {
            double s = 0, ss = 0;
            for (int r = 0; r < n; r++)
                if (treated[r] == (k == 1)) {
                    s += revenue[r];
                    ss += revenue[r] * revenue[r];
                }
            long m = requests[k];
            mean[k] = s / m;
            var[k] = m > 1 ? (ss - s * s / m) / (m - 1) : 0;
            double half = zq * Math.sqrt(var[k] / m);
            double[] wilson = wilson(clicks[k], impressions[k], zq);
            arms[k] = new ArmResult(
                    k == 0 ? control.name() : treatment.name(),
                    m,
                    impressions[k],
                    clicks[k],
                    impressions[k] == 0 ? Double.NaN : clicks[k] / (double) impressions[k],
                    wilson[0],
                    wilson[1],
                    s,
                    1000 * mean[k],
                    1000 * (mean[k] - half),
                    1000 * (mean[k] + half),
                    micros[k]);
        }
        // CTR per request: the request was randomized, so it is the independent unit (delta method)
        double[][] x = new double[2][], y = new double[2][];
        for (int k = 0; k < 2; k++) {
            x[k] = new double[(int) requests[k]];
            y[k] = new double[(int) requests[k]];
        }
        int[] slot = new int[n];
        int[] next = new int[2];
        for (int r = 0; r < n; r++) slot[r] = next[treated[r] ? 1 : 0]++;
        for (int i = 0; i < log.rowCount(); i++) {
            int r = log.intColumn("Request").getInt(i), k = treated[r] ? 1 : 0;
            x[k][slot[r]] += log.intColumn("Click").getInt(i);
            y[k][slot[r]] += log.intColumn("Impression").getInt(i);
        }
        RatioMetric c0 = RatioMetric.of(control.name(), x[0], y[0]), c1 = RatioMetric.of(treatment.name(), x[1], y[1]);
        double diff = c1.ratio() - c0.ratio(), se = Math.sqrt(c0.variance() + c1.variance());
        double z = RatioMetric.z(c0, c1);
        double rd = 1000 * (mean[1] - mean[0]), rse = 1000 * Math.sqrt(var[0] / requests[0] + var[1] / requests[1]);
        return new AbResult(
                arms[0],
                arms[1],
                diff,
                diff - zq * se,
                diff + zq * se,
                z,
                Normal.twoSided(z),
                rd,
                rd - zq * rse,
                rd + zq * rse,
                options);
    }

    /** The Wilson score interval of a proportion. */
    static double[] wilson(long successes, long trials, double z) {
        if (trials == 0) return new double[] {Double.NaN, Double.NaN};
        double p = successes / (double) trials, z2 = z * z;
        double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        double half = z / (1 + z2 / trials) * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return new double[] {centre - half, centre + half};
    }

    /**
     * The share of {@code tests} simulated tests of the planned size (clicks drawn directly as
     * binomial counts at the plan's baseline and target CTRs) that reach p < alpha: the realised
     * power, which should be near the planned one.
     */
    public static double realisedPower(SampleSize plan, int tests, long seed) {
        Require.that(plan != null, "realised power", "plan is null");
        Require.that(tests > 0, "realised power", "tests must be positive, got %d", tests);
        SplittableRandom random = new SplittableRandom(seed);
        int rejected = 0;
        for (int t = 0; t < tests; t++) {
            long a = binomial(random, plan.perArm(), plan.baseline()),
                    b = binomial(random, plan.perArm(), plan.target());
            rejected += pValue(a, plan.perArm(), b, plan.perArm()) < plan.alpha() ? 1 : 0;
        }
        return rejected / (double) tests;
    }

    /**
     * The realised power of a CTR test randomized by request, by simulation: each of {@code tests}
     * tests draws {@code requestsPerArm} requests per arm with replacement from a log's requests
     * ({@code impressions[i]} and {@code clicks[i]} of request i, so the clustering of clicks in
     * requests is kept); in the treatment arm each unclicked impression is clicked with the chance
     * that lifts the CTR by {@code relativeLift}. Each test is read once with the delta-method z-test
     * ({@link RatioMetric}); the result is the share with p < alpha.
     */
    public static double realisedPower(
            int[] impressions,
            int[] clicks,
            double relativeLift,
            long requestsPerArm,
            double alpha,
            int tests,
            long seed) {
        Require.that(
                impressions != null && clicks != null && impressions.length == clicks.length && impressions.length > 1,
                "realised power",
                "impressions and clicks need one value per request each");
        Require.that(tests > 0 && requestsPerArm > 1, "realised power", "tests and requests per arm must be positive");
        Require.that(alpha > 0 && alpha < 1, "realised power", "alpha must be in (0, 1), got %s", alpha);
        long shown = 0, clicked = 0;
        for (int i = 0; i < impressions.length; i++) {
            Require.that(
                    clicks[i] >= 0 && clicks[i] <= impressions[i],
                    "realised power",
                    "request %d: %d clicks on %d impressions",
                    i,
                    clicks[i],
                    impressions[i]);
            shown += impressions[i];
            clicked += clicks[i];
        }
        double ctr = clicked / (double) shown, extra = relativeLift * ctr / (1 - ctr);
        Require.that(
                extra >= 0 && extra < 1,
                "realised power",
                "the lift must be non-negative and keep the CTR below 1, got %s",
                relativeLift);
        SplittableRandom random = new SplittableRandom(seed);
        int m = Math.toIntExact(requestsPerArm), pool = impressions.length, rejected = 0;
        double[] x0 = new double[m], y0 = new double[m], x1 = new double[m], y1 = new double[m];
        for (int t = 0; t < tests; t++) {
            for (int j = 0; j < m; j++) {
                int a = random.nextInt(pool), b = random.nextInt(pool);
                x0[j] = clicks[a];
                y0[j] = impressions[a];
                x1[j] = clicks[b] + binomial(random, impressions[b] - clicks[b], extra);
                y1[j] = impressions[b];
            }
            if (RatioMetric.pValue(RatioMetric.of("control", x0, y0), RatioMetric.of("treatment", x1, y1)) < alpha) {
                rejected++;
            }
        }
        return rejected / (double) tests;
    }

    /**
     * {@code tests} A/A tests with the same {@code ctr} in both arms, {@code impressionsPerArmPerDay}
     * impressions an arm a day for {@code days} days (clicks drawn directly as binomial counts),
     * each checked with the z-test every day and once at the end.
     */
    public static PeekingReport peeking(
            double ctr, long impressionsPerArmPerDay, int days, int tests, double alpha, long seed) {
        Require.that(ctr > 0 && ctr < 1, "peeking", "the CTR must be in (0, 1), got %s", ctr);
        Require.that(
                impressionsPerArmPerDay > 0 && days > 0 && tests > 0,
                "peeking",
                "impressions a day, days and tests must be positive, got %d, %d, %d",
                impressionsPerArmPerDay,
                days,
                tests);
        Require.that(alpha > 0 && alpha < 1, "peeking", "alpha must be in (0, 1), got %s", alpha);
        SplittableRandom random = new SplittableRandom(seed);
        int[] stoppedOn = new int[days];
        int once = 0;
        for (int t = 0; t < tests; t++) {
            long a = 0, b = 0, trials = 0;
            int stop = -1;
            for (int d = 0; d < days; d++) {
                a += binomial(random, impressionsPerArmPerDay, ctr);
                b += binomial(random, impressionsPerArmPerDay, ctr);
                trials += impressionsPerArmPerDay;
                if (stop < 0 && pValue(a, trials, b, trials) < alpha) stop = d;
            }
            if (stop >= 0) stoppedOn[stop]++;
            once += pValue(a, trials, b, trials) < alpha ? 1 : 0;
        }
        List<Integer> cumulative = new ArrayList<>();
        int sum = 0;
        for (int d = 0; d < days; d++) cumulative.add(sum += stoppedOn[d]);
        return new PeekingReport(tests, days, alpha, impressionsPerArmPerDay, ctr, cumulative, once);
    }

    /** An exact binomial draw: count the successes by jumping from one to the next (geometric gaps). */
    static long binomial(SplittableRandom random, long n, double p) {
        if (p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - binomial(random, n, 1 - p);
        double log1p = Math.log1p(-p);
        long count = 0, position = 0;
        while (true) {
            position += (long) Math.floor(Math.log(1 - random.nextDouble()) / log1p) + 1;
            if (position > n) return count;
            count++;
        }
    }
}
