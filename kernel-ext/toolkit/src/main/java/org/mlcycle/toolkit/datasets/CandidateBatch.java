package org.mlcycle.toolkit.datasets;

import java.util.SplittableRandom;
import org.mlcycle.toolkit.report.Progress;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One collection of candidate pairs with their hidden truth and three labelers' answers, as
 * parallel arrays. Rows are drawn one after another from streams named after the collection, so the
 * first n rows of a larger batch are the batch of n rows.
 */
final class CandidateBatch {
    static final double A_MISS = 0.20;
    static final double A_SLICE_FALSE_SHOW = 0.50;
    static final double A_V2_SLICE_FALSE_SHOW = 0.05;
    static final double A_TARGETED_FALSE_SHOW = 0.002;
    static final double A_RANDOM_FALSE_SHOW = 2e-6;
    static final double B_SHARE = 0.25;
    static final double B_MISS = 0.05;
    static final double B_SLICE_FALSE_SHOW = 0.05;
    static final double B_FALSE_SHOW = 0.0005;
    static final int UNLABELED = Integer.MIN_VALUE;

    final String name;
    final Source source;
    final int n;
    final int[] day;
    final int[] hour;
    final int[] user;
    final int[] mobile;
    final int[] query;
    final int[] ad;
    final int[] kw;
    final int[] brandRel;
    final double[] textSim;
    final boolean[] topicMatch;
    final boolean[] categoryMatch;
    final boolean[] slice;
    final double[] pTrue;
    final int[] yTrue;
    final int[] labelA;
    final int[] labelAv2;
    final int[] labelB;

    private CandidateBatch(String name, Source source, int n) {
        this.name = name;
        this.source = source;
        this.n = n;
        day = new int[n];
        hour = new int[n];
        user = new int[n];
        mobile = new int[n];
        query = new int[n];
        ad = new int[n];
        kw = new int[n];
        brandRel = new int[n];
        textSim = new double[n];
        topicMatch = new boolean[n];
        categoryMatch = new boolean[n];
        slice = new boolean[n];
        pTrue = new double[n];
        yTrue = new int[n];
        labelA = new int[n];
        labelAv2 = new int[n];
        labelB = new int[n];
    }

    /** A small batch used as scratch space for pair features. */
    static CandidateBatch scratch(int n) {
        return new CandidateBatch("scratch", Source.TARGETED, n);
    }

    /** The stream name of a collection: "candidates/random/-60..-54". */
    static String streamName(Source source, int firstDay, int lastDay) {
        return "candidates/" + source.name().toLowerCase(java.util.Locale.ROOT) + "/" + firstDay + ".." + lastDay;
    }

    static CandidateBatch generate(World w, Source source, int firstDay, int lastDay, int n) {
        String name = streamName(source, firstDay, lastDay);
        return Progress.during(
                String.format(java.util.Locale.ROOT, "generating %,d %s", n, name),
                n,
                progress -> generate(w, source, firstDay, lastDay, n, name, progress));
    }

    private static CandidateBatch generate(
            World w, Source source, int firstDay, int lastDay, int n, String name, Progress progress) {
        long seed = w.options.seed();
        SplittableRandom f = Dist.stream(seed, name + "/features");
        SplittableRandom t = Dist.stream(seed, name + "/truth");
        SplittableRandom la = Dist.stream(seed, name + "/labeler-a");
        SplittableRandom lb = Dist.stream(seed, name + "/labeler-b");
        CandidateBatch b = new CandidateBatch(name, source, n);
        double b0 = w.options.b0();
        double aFalse = source == Source.TARGETED ? A_TARGETED_FALSE_SHOW : A_RANDOM_FALSE_SHOW;
        int span = lastDay - firstDay + 1;
        for (int i = 0; i < n; i++) {
            progress.step();
            int d = firstDay + f.nextInt(span);
            World.Request req = w.request(f, d);
            int q = req.query();
            int a = w.ad(f, q, source);
            b.day[i] = d;
            b.hour[i] = req.hour();
            b.user[i] = req.user();
            b.mobile[i] = req.mobile();
            b.query[i] = q;
            b.ad[i] = a;
            fillPair(w, f, b, i, q, a);
            double s = Truth.score(
                    d,
                    b.topicMatch[i],
                    b.kw[i],
                    b.textSim[i],
                    w.qIntent[q],
                    b.brandRel[i],
                    w.adLanding[a],
                    w.qCategory[q]);
            double p = Truth.probability(s, b0);
            b.pTrue[i] = p;
            int y = t.nextDouble() < p ? 1 : 0;
            b.yTrue[i] = y;
            boolean inSlice =
                    w.qIntent[q] == World.NAVIGATIONAL && b.brandRel[i] == Truth.BRAND_COMPETITOR && b.topicMatch[i];
            b.slice[i] = inSlice;
            // A and A v2 share one uniform: the fixed guideline only changes answers inside the slice
            double ua = la.nextDouble();
            if (y == 1) {
                b.labelA[i] = ua < A_MISS ? 0 : 1;
                b.labelAv2[i] = b.labelA[i];
            } else {
                b.labelA[i] = ua < (inSlice ? A_SLICE_FALSE_SHOW : aFalse) ? 1 : 0;
                b.labelAv2[i] = ua < (inSlice ? A_V2_SLICE_FALSE_SHOW : aFalse) ? 1 : 0;
            }
            // B's subset is a coin of its own, never A's answer: the agreement estimate stays unbiased
            boolean labeledByB = lb.nextDouble() < B_SHARE;
            double ub = lb.nextDouble();
            if (!labeledByB) {
                b.labelB[i] = UNLABELED;
            } else if (y == 1) {
                b.labelB[i] = ub < B_MISS ? 0 : 1;
            } else {
                b.labelB[i] = ub < (inSlice ? B_SLICE_FALSE_SHOW : B_FALSE_SHOW) ? 1 : 0;
            }
        }
        return b;
    }

    /** The observed pair features; keyword collisions let "exact" occur without a topic match. */
    static void fillPair(World w, SplittableRandom f, CandidateBatch b, int i, int q, int a) {
        boolean topic = w.qTopic[q] == w.adTopic[a];
        boolean category = w.qCategory[q] == w.adCategory[a];
        int qb = w.qBrand[q];
        int rel = qb < 0
                ? Truth.BRAND_NONE
                : (w.adBrand[a] == qb ? Truth.BRAND_SAME : (category ? Truth.BRAND_COMPETITOR : Truth.BRAND_NONE));
        double u = f.nextDouble();
        double sim;
        int kw;
        if (topic) {
            kw = u < 0.50 ? Truth.KW_EXACT : (u < 0.85 ? Truth.KW_PHRASE : Truth.KW_BROAD);
            sim = Dist.beta(f, 4, 3);
        } else if (category) {
            kw = u < 0.06 ? Truth.KW_EXACT : (u < 0.12 ? Truth.KW_PHRASE : (u < 0.70 ? Truth.KW_BROAD : Truth.KW_NONE));
            sim = Dist.beta(f, 3, 4);
        } else {
            kw = u < 0.002
                    ? Truth.KW_EXACT
                    : (u < 0.004 ? Truth.KW_PHRASE : (u < 0.014 ? Truth.KW_BROAD : Truth.KW_NONE));
            sim = Dist.beta(f, 1.2, 8);
        }
        if (rel == Truth.BRAND_SAME) {
            sim += 0.1;
        }
        b.topicMatch[i] = topic;
        b.categoryMatch[i] = category;
        b.brandRel[i] = rel;
        b.kw[i] = kw;
        b.textSim[i] = Dist.round(Dist.clip(sim, 0, 1), 4);
    }

    /** The columns of the committed candidate files. */
    Table candidates(String tableName) {
        Table t = Table.create(tableName);
        t.addColumns(
                IntColumn.create("row_id", rowIds()),
                IntColumn.create("day", day),
                IntColumn.create("hour", hour),
                IntColumn.create("user_id", user),
                IntColumn.create("query_id", query),
                IntColumn.create("ad_id", ad),
                strings("kw_match", kw, Truth.KW),
                DoubleColumn.create("text_sim", textSim),
                IntColumn.create("label_a", labelA),
                IntColumn.create("label_b", labelB));
        return t;
    }

    /** The hidden columns, for checking one's work: never in the committed files. */
    Table truth(String tableName) {
        Table t = Table.create(tableName);
        t.addColumns(
                IntColumn.create("row_id", rowIds()),
                BooleanColumn.create("topic_match", topicMatch),
                BooleanColumn.create("category_match", categoryMatch),
                BooleanColumn.create("in_slice", slice),
                DoubleColumn.create("p_true", pTrue),
                IntColumn.create("y_true", yTrue),
                IntColumn.create("label_a_v2", labelAv2));
        return t;
    }

    /**
     * Candidate columns joined with what is observable about the request, query, ad and user, plus
     * {@code weight}: how many random-traffic pairs the row stands for (1 for random collections;
     * P(ad | query) at random over P(ad | query) by retrieval for targeted ones), for prior correction.
     */
    Table features(World w, String tableName) {
        Table t = candidates(tableName);
        String[] intent = new String[n];
        int[] qCat = new int[n];
        int[] tokens = new int[n];
        int[] aCat = new int[n];
        int[] advertiser = new int[n];
        double[] landing = new double[n];
        double[] bid = new double[n];
        double[] pastCtr = new double[n];
        int[] gender = new int[n];
        int[] age = new int[n];
        String[] device = new String[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            weight[i] = source == Source.RANDOM
                    ? 1.0
                    : (1.0 / w.adAdvertiser.length) / w.targetedProbability(query[i], ad[i]);
            int q = query[i];
            int a = ad[i];
            intent[i] = World.INTENTS[w.qIntent[q]];
            qCat[i] = w.qCategory[q];
            tokens[i] = w.qTokens[q];
            aCat[i] = w.adCategory[a];
            advertiser[i] = w.adAdvertiser[a];
            landing[i] = w.adLandingObserved[a];
            bid[i] = w.adBid[a];
            pastCtr[i] = w.adPastCtr[a];
            gender[i] = w.uGender[user[i]];
            age[i] = w.uAge[user[i]];
            device[i] = mobile[i] == 1 ? "mobile" : "desktop";
        }
        t.addColumns(
                strings("brand_rel", brandRel, Truth.BRAND_REL),
                StringColumn.create("intent", intent),
                IntColumn.create("query_category", qCat),
                IntColumn.create("n_tokens", tokens),
                IntColumn.create("ad_category", aCat),
                IntColumn.create("advertiser_id", advertiser),
                DoubleColumn.create("landing_score", landing),
                DoubleColumn.create("bid_cpc", bid),
                DoubleColumn.create("past_ctr", pastCtr),
                StringColumn.create("device", device),
                IntColumn.create("gender", gender),
                IntColumn.create("age", age),
                DoubleColumn.create("weight", weight));
        return t;
    }

    int[] rowIds() {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return ids;
    }

    static StringColumn strings(String name, int[] codes, String[] names) {
        String[] values = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            values[i] = names[codes[i]];
        }
        return StringColumn.create(name, values);
    }
}
