package org.mlcycle.course.interview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.course.variant.StudentDraw;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Policy;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A candidate's data for the walkthrough, drawn with {@link StudentDraw}: a sample of the ad world's
 * legacy click log (one row per impression, as lesson 10 trains on), the delays between impressions
 * and their clicks, and the candidate ads of one request.
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
        Table sample = StudentDraw.of(seed * 31 + period.ordinal(), 0).keep(all, KEPT);
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
        StudentDraw draw = StudentDraw.of(seed, 0xDE1A7L);
        double tail = 0.05 + 0.01 * draw.between(0, 10); // 5% to 15% of clicks come late
        double lateMedian = 60 * draw.between(5, 20); // their median: 5 to 20 minutes
        double[] delays = new double[CLICKS];
        for (int i = 0; i < CLICKS; i++) {
            double median = draw.chance(tail) ? lateMedian : draw.between(8, 20);
            delays[i] = StudentDraw.round(median * StrictMath.exp(draw.gaussian()), 1);
        }
        return delays;
    }

    /** The names of the ads in {@link #candidateAds}. */
    public static final List<String> ADS = List.of("A", "B", "C");

    /**
     * The ads retrieval found for one search request: ad, bid_cpc (what the advertiser pays per
     * click) and p_click (the model's click probability). The likeliest click is never the ad that
     * earns the most, and neither is the highest bid: the ranking needs both numbers, multiplied.
     */
    public static Table candidateAds(long seed) {
        StudentDraw draw = StudentDraw.of(seed, 0xAD5L);
        while (true) {
            double[] bid = new double[ADS.size()], p = new double[ADS.size()], earns = new double[ADS.size()];
            for (int k = 0; k < bid.length; k++) {
                bid[k] = StudentDraw.round(draw.uniform(0.20, 2.00), 2);
                p[k] = StudentDraw.round(draw.uniform(0.010, 0.080), 3);
                earns[k] = bid[k] * p[k];
            }
            int best = argmax(earns);
            double runnerUp = java.util.Arrays.stream(earns)
                    .filter(e -> e < earns[best])
                    .max()
                    .orElse(0);
            if (best != argmax(bid) && best != argmax(p) && runnerUp < 0.9 * earns[best]) {
                return Table.create(
                        "the candidate ads of one request",
                        StringColumn.create("ad", ADS),
                        DoubleColumn.create("bid_cpc", bid),
                        DoubleColumn.create("p_click", p));
            }
        }
    }

    /** The index of the largest value (the first of equals). */
    public static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
