package org.mlcycle.course.interview;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Policy;
import tech.tablesaw.api.Table;

/**
 * A candidate's data for the walkthrough: a sample of the ad world's legacy click log (one row per
 * impression, as lesson 10 trains on) and the delays between impressions and their clicks.
 */
public final class ClickDesignData {
    /** Search requests drawn from the ad world per period, before the candidate's sample. */
    public static final int REQUESTS = 20_000;
    /** The share of those impressions in a candidate's sample. */
    public static final double KEPT = 0.8;
    /** Clicks in {@link #clickDelays}. */
    public static final int CLICKS = 2_000;

    // the checks ask for the same sample as the notebook; a few recent ones are kept
    private static final Map<String, Table> RECENT = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Table> eldest) {
            return size() > 4;
        }
    };

    private ClickDesignData() {}

    /**
     * The candidate's click examples of {@code period}: the legacy policy's log of {@value #REQUESTS}
     * requests, one row per impression (click, position, depth, past_ctr, bid_cpc, landing_score,
     * intent, device), of which each candidate keeps a different {@value #KEPT} share.
     */
    public static Table clicks(long seed, Period period) {
        String key = seed + "/" + period;
        synchronized (RECENT) {
            Table cached = RECENT.get(key);
            if (cached != null) {
                return cached.copy();
            }
        }
        Table all = AdWorld.standard().clickExamples(Policy.LEGACY, period, REQUESTS);
        SplittableRandom r = new SplittableRandom(seed * 31 + period.ordinal());
        int[] keep = java.util.stream.IntStream.range(0, all.rowCount()).filter(i -> r.nextDouble() < KEPT).toArray();
        Table sample = all.rows(keep);
        sample.setName("clicks " + period.tag());
        synchronized (RECENT) {
            RECENT.put(key, sample);
        }
        return sample.copy();
    }

    /**
     * Seconds from impression to click for {@value #CLICKS} clicks: most come within a minute, a
     * tail comes back minutes to hours later (a user who opened the ad in a tab, or returned to it).
     */
    public static double[] clickDelays(long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ 0xDE1A7L);
        double tail = 0.05 + 0.01 * r.nextInt(0, 11);          // 5% to 15% of clicks come late
        double lateMedian = 60 * (5 + r.nextInt(0, 16));       // their median: 5 to 20 minutes
        double[] delays = new double[CLICKS];
        for (int i = 0; i < CLICKS; i++) {
            double median = r.nextDouble() < tail ? lateMedian : 8 + r.nextInt(0, 13);
            delays[i] = Math.round(median * StrictMath.exp(1.0 * gaussian(r)) * 10) / 10.0;
        }
        return delays;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        return StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()))
                * StrictMath.cos(2 * Math.PI * random.nextDouble());
    }
}
