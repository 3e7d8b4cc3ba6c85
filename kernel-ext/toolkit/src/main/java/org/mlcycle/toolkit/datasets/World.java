package org.mlcycle.toolkit.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed entities of a world (queries, ads, advertisers, users) as parallel arrays, and the
 * traffic model that draws a search request for a day. Package-private: {@link AdWorld} is the door.
 */
final class World {
    static final int TRAVEL = 3;
    static final int INSURANCE = 7;
    static final int NAVIGATIONAL = 0;
    static final int COMMERCIAL = 1;
    static final int INFORMATIONAL = 2;
    static final String[] INTENTS = {"navigational", "commercial", "informational"};
    static final double[] INTENT_SHARE = {0.20, 0.35, 0.45};
    static final double[] AGE_OLD = {0.04, 0.12, 0.24, 0.26, 0.20, 0.14};
    static final double[] AGE_NEW = {0.16, 0.26, 0.26, 0.18, 0.10, 0.04};
    static final double[] HOUR_WEIGHT = {
        0.3, 0.2, 0.15, 0.15, 0.2, 0.3, 0.5, 0.8, 1.0, 1.1, 1.1, 1.2,
        1.2, 1.1, 1.1, 1.1, 1.1, 1.2, 1.3, 1.4, 1.4, 1.2, 0.9, 0.6
    };

    final AdWorldOptions options;
    final int categories;
    final int topics;

    // queries
    final int[] qCategory;
    final int[] qTopic;
    final int[] qIntent;
    final int[] qBrand; // -1: no brand in the query
    final int[] qTokens;
    final int[][] oldPool; // [intent * categories + category] -> query ids, by popularity rank
    final int[][] newPool;
    final double[][] oldPoolCum;
    final double[][] newPoolCum;

    // advertisers and ads
    final int[] advCategory;
    final int[] advBrand;
    final int[] adAdvertiser;
    final int[] adCategory;
    final int[] adTopic;
    final int[] adBrand;
    final double[] adLanding; // hidden true quality of the landing page
    final double[] adLandingObserved;
    final double[] adBid;
    final double[] adAttractiveness; // hidden: drives clicks only
    final double[] adPastCtr;
    final int[] adKeyword;
    final int[][] topicAds;
    final int[][] categoryAds;
    final int[][] brandAds;

    // users
    final int[] uGender;
    final int[] uAge;
    final int[] uMobile;
    final int[][] userPool; // [mobile * 6 + age - 1]

    // traffic per day -60..0
    private final double[][] categoryCumByDay = new double[61][];
    private final double[][] ageCumByDay = new double[61][];
    private final double[] intentCum = Dist.cumulative(INTENT_SHARE);
    private final double[] hourCum = Dist.cumulative(HOUR_WEIGHT);

    World(AdWorldOptions o) {
        this.options = o;
        this.categories = o.categories();
        this.topics = o.categories() * o.topicsPerCategory();
        long seed = o.seed();

        // queries
        int nq = o.oldQueries() + o.newQueries();
        qCategory = new int[nq];
        qTopic = new int[nq];
        qIntent = new int[nq];
        qBrand = new int[nq];
        qTokens = new int[nq];
        SplittableRandom r = Dist.stream(seed, "queries");
        double[] intentCumQ = Dist.cumulative(INTENT_SHARE);
        List<List<Integer>> oldCells = cells(3 * categories);
        List<List<Integer>> newCells = cells(3 * categories);
        for (int q = 0; q < nq; q++) {
            int c = r.nextInt(categories);
            int intent = Dist.pick(r, intentCumQ);
            qCategory[q] = c;
            qTopic[q] = c * o.topicsPerCategory() + r.nextInt(o.topicsPerCategory());
            qIntent[q] = intent;
            double brandDraw = r.nextDouble();
            int brand = c * o.brandsPerCategory() + r.nextInt(o.brandsPerCategory());
            qBrand[q] = intent == NAVIGATIONAL || (intent == COMMERCIAL && brandDraw < 0.30) ? brand : -1;
            qTokens[q] = 1 + Dist.poisson(r, 2.0);
            (q < o.oldQueries() ? oldCells : newCells)
                    .get(intent * categories + c)
                    .add(q);
        }
        oldPool = toArrays(oldCells);
        newPool = toArrays(newCells);
        oldPoolCum = popularity(oldPool);
        newPoolCum = popularity(newPool);

        // advertisers and ads
        advCategory = new int[o.advertisers()];
        advBrand = new int[o.advertisers()];
        for (int a = 0; a < o.advertisers(); a++) {
            advCategory[a] = a % categories;
            advBrand[a] = advCategory[a] * o.brandsPerCategory() + (a / categories) % o.brandsPerCategory();
        }
        int na = o.ads();
        adAdvertiser = new int[na];
        adCategory = new int[na];
        adTopic = new int[na];
        adBrand = new int[na];
        adLanding = new double[na];
        adLandingObserved = new double[na];
        adBid = new double[na];
        adAttractiveness = new double[na];
        adPastCtr = new double[na];
        adKeyword = new int[na];
        r = Dist.stream(seed, "ads");
        List<List<Integer>> byTopic = cells(topics);
        List<List<Integer>> byCategory = cells(categories);
        List<List<Integer>> byBrand = cells(categories * o.brandsPerCategory());
        for (int a = 0; a < na; a++) {
            int adv = r.nextInt(o.advertisers());
            adAdvertiser[a] = adv;
            adCategory[a] = advCategory[adv];
            adBrand[a] = advBrand[adv];
            adTopic[a] = adCategory[a] * o.topicsPerCategory() + r.nextInt(o.topicsPerCategory());
            adLanding[a] = Dist.beta(r, 2, 3);
            adLandingObserved[a] = Dist.round(Dist.clip(adLanding[a] + 0.05 * Dist.normal(r), 0, 1), 3);
            adBid[a] = Dist.round(Math.max(0.05, StrictMath.exp(StrictMath.log(0.40) + 0.6 * Dist.normal(r))), 2);
            adAttractiveness[a] = Dist.beta(r, 2, 5);
            adPastCtr[a] = Dist.round(Dist.sigmoid(-3.2 + 8 * (adAttractiveness[a] - 0.3) + 0.4 * Dist.normal(r)), 4);
            adKeyword[a] = adTopic[a] * 8 + r.nextInt(8);
            byTopic.get(adTopic[a]).add(a);
            byCategory.get(adCategory[a]).add(a);
            byBrand.get(adBrand[a]).add(a);
        }
        topicAds = toArrays(byTopic);
        categoryAds = toArrays(byCategory);
        brandAds = toArrays(byBrand);

        // users
        int nu = o.users();
        uGender = new int[nu];
        uAge = new int[nu];
        uMobile = new int[nu];
        r = Dist.stream(seed, "users");
        double[] genderCum = Dist.cumulative(new double[] {0.2, 0.45, 0.35});
        double[] ageMid = new double[6];
        for (int i = 0; i < 6; i++) {
            ageMid[i] = (AGE_OLD[i] + AGE_NEW[i]) / 2;
        }
        double[] ageCum = Dist.cumulative(ageMid);
        List<List<Integer>> pools = cells(12);
        for (int u = 0; u < nu; u++) {
            uGender[u] = Dist.pick(r, genderCum);
            uAge[u] = 1 + Dist.pick(r, ageCum);
            uMobile[u] = r.nextDouble() < 0.5 ? 1 : 0;
            pools.get(uMobile[u] * 6 + uAge[u] - 1).add(u);
        }
        userPool = toArrays(pools);

        // traffic mix per day
        double[] zipf = Dist.zipf(categories, 0.9);
        double others = 0;
        for (int c = 0; c < categories; c++) {
            others += c == TRAVEL ? 0 : zipf[c];
        }
        for (int d = -60; d <= 0; d++) {
            double travel = travelShare(d);
            double[] w = new double[categories];
            for (int c = 0; c < categories; c++) {
                w[c] = c == TRAVEL ? travel : (1 - travel) * zipf[c] / others;
            }
            categoryCumByDay[d + 60] = Dist.cumulative(w);
            double ramp = ramp(d);
            double[] age = new double[6];
            for (int i = 0; i < 6; i++) {
                age[i] = (1 - ramp) * AGE_OLD[i] + ramp * AGE_NEW[i];
            }
            ageCumByDay[d + 60] = Dist.cumulative(age);
        }
    }

    /** 0 at day -60, 1 at day -1: covariate shift moves linearly across the two months. */
    static double ramp(int day) {
        return Dist.clip((day + 60) / 59.0, 0, 1);
    }

    static double mobileShare(int day) {
        return 0.35 + 0.25 * ramp(day);
    }

    static double travelShare(int day) {
        return 0.03 + 0.12 * ramp(day);
    }

    static double newQueryShare(int day) {
        return 0.165 * ramp(day);
    }

    /** A search request: who searched what, when. */
    record Request(int day, int hour, int user, int mobile, int query) {}

    Request request(SplittableRandom r, int day) {
        if (day < -60 || day > 0) {
            throw new IllegalStateException("ad world: day " + day + " is outside -60..0"); // callers check days
        }
        int hour = Dist.pick(r, hourCum);
        int mobile = r.nextDouble() < mobileShare(day) ? 1 : 0;
        int age = 1 + Dist.pick(r, ageCumByDay[day + 60]);
        int[] users = userPool[mobile * 6 + age - 1];
        // a tiny world may have no user of this device and age: fall back to any user
        int user = users.length > 0 ? users[r.nextInt(users.length)] : r.nextInt(uGender.length);
        int intent = Dist.pick(r, intentCum);
        int category = Dist.pick(r, categoryCumByDay[day + 60]);
        int cell = intent * categories + category;
        boolean fresh = r.nextDouble() < newQueryShare(day) && newPool[cell].length > 0;
        int query;
        if (fresh) {
            query = newPool[cell][Dist.pick(r, newPoolCum[cell])];
        } else if (oldPool[cell].length > 0) {
            query = oldPool[cell][Dist.pick(r, oldPoolCum[cell])];
        } else {
            query = r.nextInt(options.oldQueries());
        }
        return new Request(day, hour, user, mobile, query);
    }

    /**
     * An ad for a query: uniformly at random, or by keyword retrieval. Retrieval for a brand search
     * (navigational) takes 40% of its ads from the brand itself, 50% from the query's topic, 7.5%
     * from its category and 2.5% at random; for other queries 60% topic, 30% category, 10% random.
     */
    int ad(SplittableRandom r, int query, Source source) {
        double u = r.nextDouble();
        int pick = r.nextInt(Integer.MAX_VALUE);
        if (source == Source.RANDOM) {
            return pick % adAdvertiser.length;
        }
        boolean nav = qIntent[query] == NAVIGATIONAL;
        double brandShare = nav ? 0.40 : 0.0;
        double topicShare = nav ? 0.90 : 0.60;
        double categoryShare = nav ? 0.975 : 0.90;
        int[] fromBrand = qBrand[query] >= 0 ? brandAds[qBrand[query]] : new int[0];
        int[] fromTopic = topicAds[qTopic[query]];
        int[] fromCategory = categoryAds[qCategory[query]];
        if (u < brandShare && fromBrand.length > 0) {
            return fromBrand[pick % fromBrand.length];
        }
        if (u < topicShare && fromTopic.length > 0) {
            return fromTopic[pick % fromTopic.length];
        }
        if (u < categoryShare && fromCategory.length > 0) {
            return fromCategory[pick % fromCategory.length];
        }
        return pick % adAdvertiser.length;
    }

    /**
     * The probability that keyword retrieval picks {@code ad} for {@code query}, following the same
     * fall-through as {@link #ad} (an empty pool passes its share on to the next one).
     */
    double targetedProbability(int query, int ad) {
        boolean nav = qIntent[query] == NAVIGATIONAL;
        double[] upTo = nav ? new double[] {0.40, 0.90, 0.975, 1.0} : new double[] {0.0, 0.60, 0.90, 1.0};
        int[][] pools = {
            qBrand[query] >= 0 ? brandAds[qBrand[query]] : new int[0],
            topicAds[qTopic[query]],
            categoryAds[qCategory[query]],
            null
        };
        boolean[] member = {
            qBrand[query] >= 0 && adBrand[ad] == qBrand[query],
            adTopic[ad] == qTopic[query],
            adCategory[ad] == qCategory[query],
            true
        };
        double p = 0;
        double carry = 0;
        double previous = 0;
        for (int level = 0; level < 4; level++) {
            carry += upTo[level] - previous;
            previous = upTo[level];
            int size = pools[level] == null ? adAdvertiser.length : pools[level].length;
            if (size > 0) {
                p += member[level] ? carry / size : 0;
                carry = 0;
            }
        }
        return p;
    }

    int queries() {
        return qCategory.length;
    }

    private static List<List<Integer>> cells(int n) {
        List<List<Integer>> cells = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cells.add(new ArrayList<>());
        }
        return cells;
    }

    private static int[][] toArrays(List<List<Integer>> cells) {
        int[][] out = new int[cells.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = cells.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static double[][] popularity(int[][] pools) {
        double[][] cum = new double[pools.length][];
        for (int i = 0; i < pools.length; i++) {
            cum[i] = Dist.cumulative(Dist.zipf(Math.max(1, pools[i].length), 1.0));
        }
        return cum;
    }
}
