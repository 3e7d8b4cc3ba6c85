package org.mlcycle.toolkit.counterfactual;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.metrics.Bootstrap;
import org.mlcycle.toolkit.metrics.Interval;
import org.mlcycle.toolkit.metrics.Intervals;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * Clicks by position. In a ranked log the first slot holds the ads the policy liked best, so its
 * higher CTR mixes two causes: better ads and a better place. Showing the same three ads in a
 * random order on each request (a randomized swap, as in Joachims's eye-tracking and swap studies)
 * leaves only the place, and the ratio of each slot's CTR to the first slot's estimates the
 * position bias.
 */
public final class PositionBias {
    private PositionBias() {}

    /**
     * {@code requests} fresh requests (stream {@code stream}); on each, the three candidates that
     * {@code model} rates highest are shown in a random order ({@code seed}), and the simulator
     * draws the clicks. The rows with all three ads shown are kept (KDD's columns, Depth 3).
     */
    public static Table shuffledTopThree(AdWorld world, AdCtrModel model, String stream, int requests, long seed) {
        Require.that(world != null && model != null, "position bias", "world and model are required");
        Table candidates = world.freshCandidates(stream, requests);
        int[] ad = candidates.intColumn("ad_id").asIntArray();
        double[] past = candidates.doubleColumn("past_ctr").asDoubleArray();
        double[] scores = new double[ad.length];
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int k = Candidates.PER_REQUEST;
        for (int r = 0; r < requests; r++) {
            Integer[] order = new Integer[k];
            for (int j = 0; j < k; j++) order[j] = j;
            final int base = r * k;
            java.util.Arrays.sort(
                    order,
                    (a, b) -> Double.compare(
                            model.estimate(ad[base + b], past[base + b]),
                            model.estimate(ad[base + a], past[base + a])));
            for (int j = 0; j < k; j++) scores[base + order[j]] = j < 3 ? 1 + random.nextDouble() : -1;
        }
        Table log = world.freshImpressions(stream, "shuffled top three", scores, 0.0, requests);
        return log.where(log.intColumn("Depth").isEqualTo(3));
    }

    /** Clicks per impression in positions 1, 2 and 3 of {@code log} (KDD's columns), with bootstrap intervals over its rows. */
    public static Intervals ctrByPosition(Table log, String title) {
        Require.that(log != null, "position bias", "log is null");
        int[] pos = log.intColumn("Position").asIntArray(),
                click = log.intColumn("Click").asIntArray(),
                imp = log.intColumn("Impression").asIntArray();
        List<Interval> out = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            final int at = p;
            long clicks = 0;
            for (int i = 0; i < pos.length; i++) clicks += pos[i] == at ? click[i] : 0;
            out.add(Bootstrap.over(
                            String.format(Locale.ROOT, "CTR in position %d", p),
                            pos.length,
                            idx -> ratio(idx, pos, click, imp, at, 0))
                    .withPositives(clicks));
        }
        return Interval.of(title, out);
    }

    /** CTR in positions 2 and 3 over CTR in position 1, with bootstrap intervals over the rows. */
    public static Intervals relativeToFirst(Table log, String title) {
        Require.that(log != null, "position bias", "log is null");
        int[] pos = log.intColumn("Position").asIntArray(),
                click = log.intColumn("Click").asIntArray(),
                imp = log.intColumn("Impression").asIntArray();
        List<Interval> out = new ArrayList<>();
        for (int p = 2; p <= 3; p++) {
            final int at = p;
            out.add(Bootstrap.over(
                    String.format(Locale.ROOT, "CTR in position %d / position 1", p),
                    pos.length,
                    idx -> ratio(idx, pos, click, imp, at, 1)));
        }
        return Interval.of(title, out);
    }

    private static double ratio(int[] idx, int[] pos, int[] click, int[] imp, int at, int over) {
        double c = 0, n = 0, c1 = 0, n1 = 0;
        for (int i : idx) {
            if (pos[i] == at) {
                c += click[i];
                n += imp[i];
            }
            if (pos[i] == over) {
                c1 += click[i];
                n1 += imp[i];
            }
        }
        if (n == 0) return Double.NaN;
        return over == 0 ? c / n : (c1 == 0 ? Double.NaN : (c / n) / (c1 / n1));
    }
}
