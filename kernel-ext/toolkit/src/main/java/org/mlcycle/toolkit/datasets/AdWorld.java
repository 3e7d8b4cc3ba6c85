package org.mlcycle.toolkit.datasets;

import java.util.Arrays;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A simulated search-ads world with a known answer: should this ad be shown for this query? Shaped
 * like KDD Cup 2012 Track 2, deterministic for a seed, and fast enough to make a million candidate
 * rows in a notebook cell.
 *
 * <pre>{@code
 * AdWorld world = AdWorld.create(AdWorldOptions.defaults());
 * Table old = world.candidates(Source.RANDOM, Period.TWO_MONTHS_AGO, 1_000_000);
 * Table truth = world.truth(Source.RANDOM, Period.TWO_MONTHS_AGO, 1_000_000); // to check your work
 * }</pre>
 *
 * <p>Each table comes from its own named random stream, so asking for more rows of one collection
 * never changes another, and the first n rows of a collection do not depend on how many are asked.
 * The generating process, every parameter and every injected problem are in {@code
 * datasets/DATASHEET.md}. Do not use it to estimate anything about real advertising: its numbers are
 * chosen to teach, not measured.
 */
public final class AdWorld {
    /** Version of the generating process; bump it when any output byte changes. */
    public static final String GENERATOR_VERSION = "v1";
    /** Truth intercept calibrated on the default world (see {@link #calibrateB0(int)}). */
    public static final double DEFAULT_B0 = -11.985;
    /** Click intercept calibrated on the default world (see {@link #calibrateC0(int)}). */
    public static final double DEFAULT_C0 = -5.67;
    /** Largest number of rows one call may generate. */
    public static final int MAX_ROWS = 50_000_000;

    private final World world;

    private AdWorld(World world) {
        this.world = world;
    }

    /** Builds the fixed entities of the world (about 0.1 s for the defaults). */
    public static AdWorld create(AdWorldOptions options) {
        Require.that(options != null, "ad world", "options are null");
        return new AdWorld(new World(options));
    }

    /** The default world: the one the committed files and the lessons use. */
    public static AdWorld standard() {
        return create(AdWorldOptions.defaults());
    }

    public AdWorldOptions options() {
        return world.options;
    }

    /** Candidate pairs as in the committed files: request, pair features and the labelers' answers. */
    public Table candidates(Source source, Period period, int rows) {
        return batch(source, period.firstDay(), period.lastDay(), rows, "candidates")
                .candidates(tableName(source, period));
    }

    /** Candidate pairs over any days in -60..-1, for daily monitoring. */
    public Table candidates(Source source, int firstDay, int lastDay, int rows) {
        return batch(source, firstDay, lastDay, rows, "candidates")
                .candidates(source.name().toLowerCase(java.util.Locale.ROOT) + "_" + firstDay + "_" + lastDay);
    }

    /**
     * The candidates joined with everything observable about request, query, ad and user, and a
     * {@code weight} column: the inverse-probability weight that makes a targeted collection stand
     * for random traffic (1 for random collections).
     */
    public Table features(Source source, Period period, int rows) {
        return batch(source, period.firstDay(), period.lastDay(), rows, "features")
                .features(world, tableName(source, period));
    }

    /**
     * The hidden answers for the same rows: topic and category match, whether the row sits in the
     * slice labeler A gets wrong (navigational query, competitor's ad, same topic), the true
     * probability, the drawn truth, and labeler A's answer after the guideline fix.
     */
    public Table truth(Source source, Period period, int rows) {
        return batch(source, period.firstDay(), period.lastDay(), rows, "truth")
                .truth(tableName(source, period) + "_truth");
    }

    /** The hidden answers for {@link #candidates(Source, int, int, int)}'s rows, row for row. */
    public Table truth(Source source, int firstDay, int lastDay, int rows) {
        return batch(source, firstDay, lastDay, rows, "truth")
                .truth(source.name().toLowerCase(java.util.Locale.ROOT) + "_" + firstDay + "_" + lastDay + "_truth");
    }

    CandidateBatch batch(Source source, int firstDay, int lastDay, int rows, String who) {
        Require.that(source != null, who, "source is null");
        checkRows(rows, who);
        Require.that(
                firstDay >= -60 && lastDay <= -1 && firstDay <= lastDay,
                who,
                "days must satisfy -60 <= firstDay <= lastDay <= -1, got %d..%d",
                firstDay,
                lastDay);
        return CandidateBatch.generate(world, source, firstDay, lastDay, rows);
    }

    static void checkRows(int rows, String who) {
        Require.that(rows >= 0 && rows <= MAX_ROWS, who, "rows must be between 0 and %,d, got %,d", MAX_ROWS, rows);
    }

    static String tableName(Source source, Period period) {
        return "candidates_" + source.name().toLowerCase(java.util.Locale.ROOT) + "_" + period.tag();
    }

    /** Queries: query_id, category, topic, intent, brand_id (-1 if none), n_tokens. */
    public Table queries() {
        int n = world.queries();
        int[] ids = new int[n];
        String[] intent = new String[n];
        for (int q = 0; q < n; q++) {
            ids[q] = q;
            intent[q] = World.INTENTS[world.qIntent[q]];
        }
        return Table.create(
                "queries",
                IntColumn.create("query_id", ids),
                IntColumn.create("category", world.qCategory.clone()),
                IntColumn.create("topic", world.qTopic.clone()),
                StringColumn.create("intent", intent),
                IntColumn.create("brand_id", world.qBrand.clone()),
                IntColumn.create("n_tokens", world.qTokens.clone()));
    }

    /** Ads: ad_id, advertiser_id, category, topic, brand_id, keyword_id, landing_score, bid_cpc, past_ctr. */
    public Table ads() {
        int n = world.adAdvertiser.length;
        int[] ids = new int[n];
        Arrays.setAll(ids, i -> i);
        return Table.create(
                "ads",
                IntColumn.create("ad_id", ids),
                IntColumn.create("advertiser_id", world.adAdvertiser.clone()),
                IntColumn.create("category", world.adCategory.clone()),
                IntColumn.create("topic", world.adTopic.clone()),
                IntColumn.create("brand_id", world.adBrand.clone()),
                IntColumn.create("keyword_id", world.adKeyword.clone()),
                DoubleColumn.create("landing_score", world.adLandingObserved.clone()),
                DoubleColumn.create("bid_cpc", world.adBid.clone()),
                DoubleColumn.create("past_ctr", world.adPastCtr.clone()));
    }

    /** Users: user_id, gender (0 unknown, 1 male, 2 female), age (1..6, KDD's buckets), device. */
    public Table users() {
        int n = world.uGender.length;
        int[] ids = new int[n];
        String[] device = new String[n];
        for (int u = 0; u < n; u++) {
            ids[u] = u;
            device[u] = world.uMobile[u] == 1 ? "mobile" : "desktop";
        }
        return Table.create(
                "users",
                IntColumn.create("user_id", ids),
                IntColumn.create("gender", world.uGender.clone()),
                IntColumn.create("age", world.uAge.clone()),
                StringColumn.create("device", device));
    }

    /**
     * Yesterday's (or two months ago's) search requests replayed through a serving policy: one row
     * per (request, ad, position) in KDD Cup 2012 Track 2's column order (Click, Impression,
     * DisplayURL, AdID, AdvertiserID, Depth, Position, QueryID, KeywordID, TitleID, DescriptionID,
     * UserID), then Day and Policy. The same requests feed both policies. Revenue is clicks times the
     * ad's bid_cpc (first-price).
     */
    public Table impressions(Policy policy, Period period, int requests) {
        Require.that(policy != null, "impressions", "policy is null");
        Require.that(period != null, "impressions", "period is null");
        checkRows(requests, "impressions");
        return log(policy, period.firstDay(), period.lastDay(), requests, world.options.c0())
                .table(world, policy, "impressions_" + policy.label() + "_" + period.tag());
    }

    /**
     * Requests from any days in -60..-1 replayed through a policy, for daily monitoring (CTR by
     * day, an alert when it falls). Requests are spread uniformly over the days.
     */
    public Table impressions(Policy policy, int firstDay, int lastDay, int requests) {
        Require.that(policy != null, "impressions", "policy is null");
        checkRows(requests, "impressions");
        Require.that(
                firstDay >= -60 && lastDay <= -1 && firstDay <= lastDay,
                "impressions",
                "days must satisfy -60 <= firstDay <= lastDay <= -1, got %d..%d",
                firstDay,
                lastDay);
        return log(policy, firstDay, lastDay, requests, world.options.c0())
                .table(world, policy, "impressions_" + policy.label() + "_" + firstDay + "_" + lastDay);
    }

    /**
     * The candidates that {@link #impressions(Policy, Period, int)} retrieves for the same
     * requests, eight a request in order ({@code request}, {@code slot}), with what a model
     * observes of each: the match (kw_match, text_sim, brand_rel), the query (intent,
     * query_category, n_tokens), the ad (landing_score, past_ctr, bid_cpc) and the device. Score
     * them with any model and replay the requests through its scores with {@link
     * #impressions(String, double[], double, Period, int)}.
     */
    public Table servedCandidates(Period period, int requests) {
        Require.that(period != null, "served candidates", "period is null");
        checkRows(requests, "served candidates");
        Require.that(
                requests <= MAX_ROWS / ImpressionLog.CANDIDATES,
                "served candidates",
                "at most %,d requests",
                MAX_ROWS / ImpressionLog.CANDIDATES);
        ImpressionLog.Served served = new ImpressionLog.Served(requests * ImpressionLog.CANDIDATES);
        ImpressionLog.generate(
                world,
                Policy.LEGACY,
                Policy.LEGACY.label(),
                null,
                Double.NaN,
                period.firstDay(),
                period.lastDay(),
                requests,
                world.options.c0(),
                served);
        return served.table(world, "served_" + period.tag());
    }

    /**
     * The same requests as {@link #impressions(Policy, Period, int)} replayed through a model:
     * {@code scores} holds one score per row of {@link #servedCandidates(Period, int)} (same
     * period, same number of requests); the policy shows the candidates scoring at least {@code
     * threshold}, best first, at most three a request. Clicks are drawn by the simulator as for its
     * own policies, and the Policy column reads {@code policy}.
     */
    public Table impressions(String policy, double[] scores, double threshold, Period period, int requests) {
        Require.that(policy != null && !policy.isBlank(), "impressions", "the policy needs a name");
        Require.that(period != null, "impressions", "period is null");
        checkRows(requests, "impressions");
        Require.that(
                scores != null && scores.length == requests * ImpressionLog.CANDIDATES,
                "impressions",
                "scores must hold one score per served candidate: %,d requests x %d = %,d, got %s",
                requests,
                ImpressionLog.CANDIDATES,
                requests * ImpressionLog.CANDIDATES,
                scores == null ? "null" : String.format("%,d", scores.length));
        Require.that(!Double.isNaN(threshold), "impressions", "the threshold is NaN");
        return ImpressionLog.generate(
                        world,
                        Policy.LEGACY,
                        policy,
                        scores,
                        threshold,
                        period.firstDay(),
                        period.lastDay(),
                        requests,
                        world.options.c0(),
                        null)
                .table(world, policy, "impressions_" + policy + "_" + period.tag());
    }

    /**
     * The click log of a policy as one row per impression, for training a click model: click (1
     * for the first Click impressions of a log row), position, depth, past_ctr, bid_cpc,
     * landing_score, intent and device. The same requests and clicks as {@link
     * #impressions(Policy, Period, int)}.
     */
    public Table clickExamples(Policy policy, Period period, int requests) {
        Require.that(policy != null, "click examples", "policy is null");
        Require.that(period != null, "click examples", "period is null");
        checkRows(requests, "click examples");
        return log(policy, period.firstDay(), period.lastDay(), requests, world.options.c0())
                .clickExamples(world, "clicks_" + policy.label() + "_" + period.tag());
    }

    /**
     * Fresh traffic: {@code requests} search requests of today (day 0) that no other method
     * draws, one stream per {@code stream} name, retrieved as by {@link #servedCandidates(Period,
     * int)} (eight candidates a request, column {@code request} numbering the requests from 0).
     */
    public Table freshCandidates(String stream, int requests) {
        return fresh(stream, requests).table(world, "fresh_" + stream);
    }

    private ImpressionLog.Served fresh(String stream, int requests) {
        Require.that(stream != null && !stream.isBlank(), "fresh candidates", "the stream needs a name");
        checkRows(requests, "fresh candidates");
        Require.that(
                requests <= MAX_ROWS / ImpressionLog.CANDIDATES,
                "fresh candidates",
                "at most %,d requests",
                MAX_ROWS / ImpressionLog.CANDIDATES);
        ImpressionLog.Served served = new ImpressionLog.Served(requests * ImpressionLog.CANDIDATES);
        ImpressionLog.generate(
                world,
                freshName(stream),
                Policy.LEGACY,
                Policy.LEGACY.label(),
                null,
                Double.NaN,
                0,
                0,
                requests,
                world.options.c0(),
                served);
        return served;
    }

    /**
     * The candidates of {@link #freshCandidates(String, int)} (same stream, same requests) with
     * one more column, {@code true_ctr}: the chance that the user clicks the ad when it is shown
     * alone in the first slot. No log holds this number; it is the simulator's privilege, for
     * measuring how far an estimate made from logged clicks is from the truth.
     */
    public Table freshCandidatesWithClickTruth(String stream, int requests) {
        ImpressionLog.Served served = fresh(stream, requests);
        return served.table(world, "fresh_" + stream).addColumns(DoubleColumn.create("true_ctr", served.pClick));
    }

    /**
     * How much less likely a click is in the first, second and third slot than in the first (the
     * simulator multiplies the click chance by these): the simulator's privilege, which a team can
     * only estimate, for instance by showing the same ads in random order.
     */
    public static double[] positionBias() {
        return ImpressionLog.POSITION_BIAS.clone();
    }

    /**
     * The fresh requests of {@link #freshCandidates(String, int)} served by scores, one per
     * candidate row: the candidates scoring at least {@code threshold} are shown, best first, at most
     * three a request, and the simulator draws the clicks. The columns are those of {@link
     * #impressions(Policy, Period, int)} and Request, the request each row was served for.
     */
    public Table freshImpressions(String stream, String policy, double[] scores, double threshold, int requests) {
        Require.that(stream != null && !stream.isBlank(), "fresh impressions", "the stream needs a name");
        Require.that(policy != null && !policy.isBlank(), "fresh impressions", "the policy needs a name");
        checkRows(requests, "fresh impressions");
        Require.that(
                scores != null && scores.length == requests * ImpressionLog.CANDIDATES,
                "fresh impressions",
                "scores must hold one score per candidate: %,d requests x %d = %,d, got %s",
                requests,
                ImpressionLog.CANDIDATES,
                requests * ImpressionLog.CANDIDATES,
                scores == null ? "null" : String.format("%,d", scores.length));
        Require.that(!Double.isNaN(threshold), "fresh impressions", "the threshold is NaN");
        return ImpressionLog.generate(
                        world,
                        freshName(stream),
                        Policy.LEGACY,
                        policy,
                        scores,
                        threshold,
                        0,
                        0,
                        requests,
                        world.options.c0(),
                        null)
                .tableWithRequests(world, policy, "fresh_impressions_" + policy);
    }

    private static String freshName(String stream) {
        return "fresh/" + stream;
    }

    ImpressionLog log(Policy policy, int firstDay, int lastDay, int requests, double c0) {
        return ImpressionLog.generate(world, policy, firstDay, lastDay, requests, c0);
    }

    /**
     * Finds the click intercept c0 that gives the legacy policy a CTR of 3.5% (KDD Cup 2012 Track 2's
     * 3.49%) on {@code requests} requests from two months ago.
     */
    public double calibrateC0(int requests) {
        checkRows(requests, "calibrate c0");
        Require.that(requests > 0, "calibrate c0", "requests must be positive");
        double lo = -12;
        double hi = 2;
        for (int it = 0; it < 30; it++) {
            double mid = (lo + hi) / 2;
            ImpressionLog log = log(
                    Policy.LEGACY, Period.TWO_MONTHS_AGO.firstDay(), Period.TWO_MONTHS_AGO.lastDay(), requests, mid);
            double ctr = log.clicks() / (double) log.impressions();
            if (ctr > 0.035) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (lo + hi) / 2;
    }

    World world() {
        return world;
    }

    /**
     * Finds the truth intercept b0 that makes uniformly random pairs two months ago positive at a
     * rate of exactly 1 in 10,000, on a pilot of {@code pairs} pairs (the mean true probability, not
     * the drawn labels, so the pilot's noise is small).
     */
    public double calibrateB0(int pairs) {
        checkRows(pairs, "calibrate b0");
        Require.that(pairs > 0, "calibrate b0", "pairs must be positive");
        CandidateBatch b = CandidateBatch.generate(
                world, Source.RANDOM, Period.TWO_MONTHS_AGO.firstDay(), Period.TWO_MONTHS_AGO.lastDay(), pairs);
        double b0 = world.options.b0();
        double[] scores = new double[pairs];
        int kept = 0;
        for (int i = 0; i < pairs; i++) {
            // recover the score from the stored probability: p = sigmoid(3 (s + b0))
            double p = b.pTrue[i];
            if (p > 1e-300 && p < 1) {
                double s = StrictMath.log(p / (1 - p)) / Truth.SLOPE - b0;
                scores[kept++] = s;
            }
        }
        double lo = -40;
        double hi = 10;
        for (int it = 0; it < 80; it++) {
            double mid = (lo + hi) / 2;
            double sum = 0;
            for (int i = 0; i < kept; i++) {
                sum += Truth.probability(scores[i], mid);
            }
            if (sum / pairs > 1e-4) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
