package org.mlcycle.toolkit.datasets;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.mlcycle.toolkit.report.Progress;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Replays search requests through a serving policy and draws clicks, into rows shaped like KDD Cup
 * 2012 Track 2's training.txt. Both policies see the same requests and the same retrieved
 * candidates (one stream), so their difference is the policy's alone.
 */
final class ImpressionLog {
    static final int CANDIDATES = 8;
    static final double[] POSITION_BIAS = {1.0, 0.55, 0.35};
    static final double LEGACY_RESERVE = 0.025;
    static final double MODEL_THRESHOLD = 0.5;
    /** The click-through model shows an ad only when a click is at least this likely. */
    static final double CLICK_THRESHOLD = 0.04;
    /** Click logit per unit of relevance: modest, so that many relevant ads are rarely clicked. */
    static final double REL = 1.0;
    /** Click logit per unit of the ad's hidden attractiveness (centred at 0.3): it dominates clicks. */
    static final double ATTR = 8.0;

    static final double REPEAT_MEAN = 0.5; // impressions per row = 1 + Poisson(0.5), about 1.5 as in KDD

    int rows;
    int[] click = new int[1024];
    int[] impression = new int[1024];
    int[] ad = new int[1024];
    int[] depth = new int[1024];
    int[] position = new int[1024];
    int[] query = new int[1024];
    int[] user = new int[1024];
    int[] day = new int[1024];
    int[] relevant = new int[1024];
    int[] request = new int[1024];
    int requests;

    static ImpressionLog generate(World w, Policy policy, int firstDay, int lastDay, int requests, double c0) {
        return generate(w, policy, policy.label(), null, Double.NaN, firstDay, lastDay, requests, c0, null);
    }

    /**
     * The candidates each request retrieves (CANDIDATES a request, in order), with what a model
     * can observe of them, and the true probability for the simulator's own checks.
     */
    static final class Served {
        final int n;
        final int[] request, slot, day, user, query, ad, kw, brandRel, mobile;
        final double[] textSim, pTrue;
        /** The chance of a click on the ad shown alone in the first slot: the simulator's privilege. */
        final double[] pClick;

        Served(int n) {
            this.n = n;
            request = new int[n];
            slot = new int[n];
            day = new int[n];
            user = new int[n];
            query = new int[n];
            ad = new int[n];
            kw = new int[n];
            brandRel = new int[n];
            mobile = new int[n];
            textSim = new double[n];
            pTrue = new double[n];
            pClick = new double[n];
        }

        Table table(World w, String name) {
            String[] intent = new String[n];
            String[] device = new String[n];
            int[] category = new int[n];
            int[] tokens = new int[n];
            double[] landing = new double[n];
            double[] pastCtr = new double[n];
            double[] bid = new double[n];
            for (int i = 0; i < n; i++) {
                intent[i] = World.INTENTS[w.qIntent[query[i]]];
                device[i] = mobile[i] == 1 ? "mobile" : "desktop";
                category[i] = w.qCategory[query[i]];
                tokens[i] = w.qTokens[query[i]];
                landing[i] = w.adLandingObserved[ad[i]];
                pastCtr[i] = w.adPastCtr[ad[i]];
                bid[i] = w.adBid[ad[i]];
            }
            return Table.create(
                    name,
                    IntColumn.create("request", request),
                    IntColumn.create("slot", slot),
                    IntColumn.create("day", day),
                    IntColumn.create("user_id", user),
                    IntColumn.create("query_id", query),
                    IntColumn.create("ad_id", ad),
                    CandidateBatch.strings("kw_match", kw, Truth.KW),
                    tech.tablesaw.api.DoubleColumn.create("text_sim", textSim),
                    CandidateBatch.strings("brand_rel", brandRel, Truth.BRAND_REL),
                    StringColumn.create("intent", intent),
                    IntColumn.create("query_category", category),
                    IntColumn.create("n_tokens", tokens),
                    tech.tablesaw.api.DoubleColumn.create("landing_score", landing),
                    tech.tablesaw.api.DoubleColumn.create("past_ctr", pastCtr),
                    tech.tablesaw.api.DoubleColumn.create("bid_cpc", bid),
                    StringColumn.create("device", device));
        }
    }

    /**
     * The requests replayed through a policy. With {@code scores} (one per retrieved candidate,
     * request by request) the policy is external: show the candidates scoring at least {@code
     * threshold}, ranked by score, at most three; the click stream is named by {@code label}, so
     * the same scores under the same label give the same clicks. With {@code served} non-null the
     * retrieved candidates are recorded there as well.
     */
    static ImpressionLog generate(
            World w,
            Policy policy,
            String label,
            double[] scores,
            double threshold,
            int firstDay,
            int lastDay,
            int requests,
            double c0,
            Served served) {
        return generate(
                w,
                "impressions/" + firstDay + ".." + lastDay,
                policy,
                label,
                scores,
                threshold,
                firstDay,
                lastDay,
                requests,
                c0,
                served);
    }

    /** As above, with the request stream named by {@code name}: another name, other requests. */
    static ImpressionLog generate(
            World w,
            String name,
            Policy policy,
            String label,
            double[] scores,
            double threshold,
            int firstDay,
            int lastDay,
            int requests,
            double c0,
            Served served) {
        return Progress.during(
                String.format(java.util.Locale.ROOT, "generating %,d requests of %s", requests, name),
                requests,
                progress -> generate(
                        w, name, policy, label, scores, threshold, firstDay, lastDay, requests, c0, served, progress));
    }

    private static ImpressionLog generate(
            World w,
            String name,
            Policy policy,
            String label,
            double[] scores,
            double threshold,
            int firstDay,
            int lastDay,
            int requests,
            double c0,
            Served served,
            Progress progress) {
        long seed = w.options.seed();
        SplittableRandom req = Dist.stream(seed, name + "/requests");
        SplittableRandom truth = Dist.stream(seed, name + "/truth");
        SplittableRandom clicks = Dist.stream(seed, name + "/" + label + "/clicks");
        ImpressionLog log = new ImpressionLog();
        log.requests = requests;
        double b0 = w.options.b0();
        CandidateBatch pair = CandidateBatch.scratch(CANDIDATES);
        int[] cand = new int[CANDIDATES];
        double[] p = new double[CANDIDATES];
        int[] y = new int[CANDIDATES];
        double[] rank = new double[CANDIDATES];
        Integer[] order = new Integer[CANDIDATES];
        int span = lastDay - firstDay + 1;
        for (int r = 0; r < requests; r++) {
            progress.step();
            int d = firstDay + req.nextInt(span);
            World.Request rq = w.request(req, d);
            int q = rq.query();
            int intent = w.qIntent[q];
            for (int k = 0; k < CANDIDATES; k++) {
                int a = w.ad(req, q, Source.TARGETED);
                cand[k] = a;
                CandidateBatch.fillPair(w, req, pair, k, q, a);
                double s = Truth.score(
                        d,
                        pair.topicMatch[k],
                        pair.kw[k],
                        pair.textSim[k],
                        intent,
                        pair.brandRel[k],
                        w.adLanding[a],
                        w.qCategory[q]);
                p[k] = Truth.probability(s, b0);
                y[k] = truth.nextDouble() < p[k] ? 1 : 0;
                boolean duplicate = false;
                for (int j = 0; j < k; j++) {
                    duplicate |= cand[j] == a;
                }
                int row = r * CANDIDATES + k;
                if (served != null) {
                    served.request[row] = r;
                    served.slot[row] = k;
                    served.day[row] = d;
                    served.user[row] = rq.user();
                    served.query[row] = q;
                    served.ad[row] = a;
                    served.kw[row] = pair.kw[k];
                    served.brandRel[row] = pair.brandRel[k];
                    served.mobile[row] = rq.mobile();
                    served.textSim[row] = pair.textSim[k];
                    served.pTrue[row] = p[k];
                    served.pClick[row] = clickProbability(w, c0, y[k], a, intent, rq.mobile(), pair.brandRel[k]);
                }
                if (scores != null) {
                    rank[k] = scores[row] >= threshold && !duplicate ? scores[row] : -1;
                } else if (policy == Policy.CLICKS) {
                    double click = clickProbability(w, c0, y[k], a, intent, rq.mobile(), pair.brandRel[k]);
                    rank[k] = click > CLICK_THRESHOLD && !duplicate ? click * w.adBid[a] : -1;
                } else if (policy == Policy.LEGACY) {
                    boolean eligible = intent != World.INFORMATIONAL
                            && pair.kw[k] == Truth.KW_EXACT
                            && w.adBid[a] * w.adPastCtr[a] >= LEGACY_RESERVE;
                    rank[k] = eligible && !duplicate ? w.adBid[a] * w.adPastCtr[a] : -1;
                } else {
                    rank[k] = p[k] > MODEL_THRESHOLD && !duplicate ? p[k] : -1;
                }
                order[k] = k;
            }
            Arrays.sort(order, (i, j) -> Double.compare(rank[j], rank[i]));
            int shown = 0;
            while (shown < 3 && rank[order[shown]] >= 0) {
                shown++;
            }
            for (int pos = 0; pos < shown; pos++) {
                int k = order[pos];
                int a = cand[k];
                double pc = clickProbability(w, c0, y[k], a, intent, rq.mobile(), pair.brandRel[k])
                        * POSITION_BIAS[pos]
                        * (1 - 0.08 * (shown - 1));
                int imps = 1 + Dist.poisson(clicks, REPEAT_MEAN);
                int c = 0;
                for (int i = 0; i < imps; i++) {
                    c += clicks.nextDouble() < pc ? 1 : 0;
                }
                log.add(c, imps, a, shown, pos + 1, q, rq.user(), d, y[k], r);
            }
        }
        return log;
    }

    /** The chance that a user clicks the ad shown in the first position, before position effects. */
    private static double clickProbability(
            World w, double c0, int relevant, int a, int intent, int mobile, int brandRel) {
        return Dist.sigmoid(c0
                + REL * relevant
                + ATTR * (w.adAttractiveness[a] - 0.3)
                + (intent == World.COMMERCIAL ? 0.8 : 0.0)
                - (intent == World.INFORMATIONAL ? 1.2 : 0.0)
                - 0.3 * mobile
                + (brandRel == Truth.BRAND_SAME ? 0.5 : 0.0));
    }

    private void add(int c, int imps, int a, int dep, int pos, int q, int u, int d, int rel, int req) {
        if (rows == click.length) {
            int size = rows * 2;
            click = Arrays.copyOf(click, size);
            impression = Arrays.copyOf(impression, size);
            ad = Arrays.copyOf(ad, size);
            depth = Arrays.copyOf(depth, size);
            position = Arrays.copyOf(position, size);
            query = Arrays.copyOf(query, size);
            user = Arrays.copyOf(user, size);
            day = Arrays.copyOf(day, size);
            relevant = Arrays.copyOf(relevant, size);
            request = Arrays.copyOf(request, size);
        }
        click[rows] = c;
        impression[rows] = imps;
        ad[rows] = a;
        depth[rows] = dep;
        position[rows] = pos;
        query[rows] = q;
        user[rows] = u;
        day[rows] = d;
        relevant[rows] = rel;
        request[rows] = req;
        rows++;
    }

    long clicks() {
        long s = 0;
        for (int i = 0; i < rows; i++) {
            s += click[i];
        }
        return s;
    }

    long impressions() {
        long s = 0;
        for (int i = 0; i < rows; i++) {
            s += impression[i];
        }
        return s;
    }

    double revenue(World w) {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += click[i] * w.adBid[ad[i]];
        }
        return s;
    }

    /** KDD Track 2 column order, then Day and Policy. */
    Table table(World w, Policy policy, String tableName) {
        return table(w, policy.label(), tableName);
    }

    Table table(World w, String policy, String tableName) {
        int[] displayUrl = new int[rows];
        int[] advertiser = new int[rows];
        int[] keyword = new int[rows];
        int[] title = new int[rows];
        int[] description = new int[rows];
        String[] pol = new String[rows];
        for (int i = 0; i < rows; i++) {
            int a = ad[i];
            advertiser[i] = w.adAdvertiser[a];
            displayUrl[i] = displayUrl(advertiser[i]);
            keyword[i] = w.adKeyword[a];
            title[i] = 1_000_000 + a;
            description[i] = 2_000_000 + a;
            pol[i] = policy;
        }
        return Table.create(
                tableName,
                IntColumn.create("Click", Arrays.copyOf(click, rows)),
                IntColumn.create("Impression", Arrays.copyOf(impression, rows)),
                IntColumn.create("DisplayURL", displayUrl),
                IntColumn.create("AdID", Arrays.copyOf(ad, rows)),
                IntColumn.create("AdvertiserID", advertiser),
                IntColumn.create("Depth", Arrays.copyOf(depth, rows)),
                IntColumn.create("Position", Arrays.copyOf(position, rows)),
                IntColumn.create("QueryID", Arrays.copyOf(query, rows)),
                IntColumn.create("KeywordID", keyword),
                IntColumn.create("TitleID", title),
                IntColumn.create("DescriptionID", description),
                IntColumn.create("UserID", Arrays.copyOf(user, rows)),
                IntColumn.create("Day", Arrays.copyOf(day, rows)),
                StringColumn.create("Policy", pol));
    }

    /** The rows of {@link #table(World, String, String)} with the request each came from, in column Request. */
    Table tableWithRequests(World w, String policy, String tableName) {
        Table t = table(w, policy, tableName);
        t.addColumns(IntColumn.create("Request", Arrays.copyOf(request, rows)));
        return t;
    }

    /**
     * One row per impression (a row of the log with Impression = k becomes k rows, the first Click
     * of them clicked), with what a click model observes: position, depth, the ad's past_ctr,
     * bid_cpc and landing_score, the query's intent and the user's device.
     */
    Table clickExamples(World w, String tableName) {
        int n = 0;
        for (int i = 0; i < rows; i++) {
            n += impression[i];
        }
        int[] clicked = new int[n];
        double[] pos = new double[n],
                dep = new double[n],
                ctr = new double[n],
                bid = new double[n],
                land = new double[n];
        String[] intent = new String[n], device = new String[n];
        int j = 0;
        for (int i = 0; i < rows; i++) {
            int a = ad[i];
            String in = World.INTENTS[w.qIntent[query[i]]];
            String dev = w.uMobile[user[i]] == 1 ? "mobile" : "desktop";
            for (int k = 0; k < impression[i]; k++, j++) {
                clicked[j] = k < click[i] ? 1 : 0;
                pos[j] = position[i];
                dep[j] = depth[i];
                ctr[j] = w.adPastCtr[a];
                bid[j] = w.adBid[a];
                land[j] = w.adLandingObserved[a];
                intent[j] = in;
                device[j] = dev;
            }
        }
        return Table.create(
                tableName,
                IntColumn.create("click", clicked),
                tech.tablesaw.api.DoubleColumn.create("position", pos),
                tech.tablesaw.api.DoubleColumn.create("depth", dep),
                tech.tablesaw.api.DoubleColumn.create("past_ctr", ctr),
                tech.tablesaw.api.DoubleColumn.create("bid_cpc", bid),
                tech.tablesaw.api.DoubleColumn.create("landing_score", land),
                StringColumn.create("intent", intent),
                StringColumn.create("device", device));
    }

    /** A stable stand-in for KDD's hashed display URL: one per advertiser. */
    static int displayUrl(int advertiser) {
        long h = (advertiser + 1) * 0x9E3779B97F4A7C15L;
        return (int) ((h >>> 33) & 0x7fffffff);
    }
}
