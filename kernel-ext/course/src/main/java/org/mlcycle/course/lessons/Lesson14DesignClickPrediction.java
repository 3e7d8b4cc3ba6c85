package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlcycle.course.interview.ClickDesignBrief;
import org.mlcycle.course.interview.ClickDesignData;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.exercises.AnswerProblem;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.experiment.Experiments;
import org.mlcycle.toolkit.metrics.Metrics;
import tech.tablesaw.api.Table;

/**
 * The steps of lessons/14-design-ad-click-prediction.ipynb, the system-design question "design ad
 * click prediction": a question per step with its model answer, and checks on the numbers of the
 * candidate's own brief and data ({@link ClickDesignBrief}, {@link ClickDesignData}), remade from
 * the variant seed.
 */
final class Lesson14DesignClickPrediction {
    static final String LESSON = "14-design-ad-click-prediction";
    /** The share of clicks the attribution window must catch. */
    static final double WINDOW_SHARE = 0.99;
    /** The largest share of feature values that may share a hash bucket with another value. */
    static final double COLLISION_SHARE = 0.01;
    /** The calibration alert fires when a slice's clicks are this many standard errors from the predicted ones. */
    static final double ALERT_Z = 3;

    private Lesson14DesignClickPrediction() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.question("lesson14-q-clarify", LESSON, "clarify the problem and the business metric", """
                        Ask before designing. What is predicted: the probability that a shown ad is clicked, per
                        (user, query, ad, position) at request time. What for: the auction ranks by bid x pCTR
                        (expected revenue per impression, eCPM = 1000 x bid x pCTR), and the advertiser pays per
                        click, so the probability itself is used, not only its order. Business metric: revenue per
                        1,000 requests, with guardrails on user experience (CTR, ads shown per request, the rate of
                        bad ads) and advertiser value (cost per conversion). Scope: search ads, ads already
                        retrieved by a candidate generator, at most a few slots; cold-start ads and users exist.
                        Constraints: tens of milliseconds, peak traffic, daily drift. In this course the first
                        objective (impressions) raised ads shown and lowered revenue (lesson 10): name the metric
                        that pays, and the proxy the model optimises, and say how the two are tied."""),
                Exercise.of(
                        "lesson14-top-ad",
                        LESSON,
                        "which candidate ad earns the slot",
                        1,
                        Lesson14DesignClickPrediction::topAd,
                        """
                        An impression earns its bid only when it is clicked, so on average bid x pCTR; per 1,000
                        impressions that is the eCPM, and the ad with the largest eCPM takes the slot:
                            int best = 0;
                            for (int k = 1; k < ads.rowCount(); k++)
                                if (ads.doubleColumn("bid_cpc").get(k) * ads.doubleColumn("p_click").get(k)
                                        > ads.doubleColumn("bid_cpc").get(best) * ads.doubleColumn("p_click").get(best)) best = k;
                            String topAd = ads.stringColumn("ad").get(best);
                            double topEcpm = 1000 * ads.doubleColumn("bid_cpc").get(best) * ads.doubleColumn("p_click").get(best);
                        The likeliest click pays little and the highest bid is rarely clicked: this is why the
                        model must predict a probability, not only an order, and why it must be calibrated."""),
                Exercise.of(
                        "lesson14-peak-qps",
                        LESSON,
                        "peak requests per second",
                        1,
                        Lesson14DesignClickPrediction::peakQps,
                        """
                        requests per day = daily users x searches per user; a day has 86,400 s; size for the peak:
                            double peakQps = brief.dailyUsers() * brief.searchesPerUser() / 86_400.0 * brief.peakFactor();
                        Then multiply by the candidates per request: that is how many scores per second the ranking
                        model must produce at peak, the number that sizes the serving fleet."""),
                Exercise.question("lesson14-q-labels", LESSON, "labels: clicks, delays and position", """
                        The label is "clicked within W minutes of the impression", joined from the impression log
                        and the click log by impression id. Clicks arrive late: a window too short turns late clicks
                        into negatives (biasing pCTR down); a window too long delays training. Pick W from the delay
                        distribution (here the 99th percentile) and, for continual training, either wait W or correct
                        for the delay. Position bias: an ad at the top is clicked more because it is at the top, so
                        train with position as a feature and predict at a fixed position (or model examination and
                        relevance separately); the log also only holds ads the old policy chose to show, so keep a
                        small randomized share of traffic for unbiased data. Also drop bot and duplicate clicks,
                        and count one label per impression, not per click."""),
                Exercise.of(
                        "lesson14-window",
                        LESSON,
                        "the attribution window",
                        1,
                        Lesson14DesignClickPrediction::window,
                        """
                        Sort the delays and take the smallest whole number of minutes that covers 99% of them:
                            double[] sorted = delays.clone(); Arrays.sort(sorted);
                            int caught = 0, windowMinutes = 0;
                            while (caught < 0.99 * sorted.length) { windowMinutes++; while (caught < sorted.length && sorted[caught] <= windowMinutes * 60.0) caught++; }
                        A one-minute join would turn every later click into a negative."""),
                Exercise.question("lesson14-q-features", LESSON, "features, hashing and leakage", """
                        Three families. User: segment, device, recent activity, historical CTR. Ad: advertiser,
                        campaign, creative, landing quality, historical CTR (smoothed, with a prior for new ads).
                        Context: query, its category and intent, position, time, page. The strongest signals are
                        crosses (query category x ad, user segment x advertiser), which have millions of values:
                        hash them into 2^b buckets (the hashing trick), sized so collisions stay rare, and let
                        rare values share a bucket rather than grow the model. Leakage to avoid: any feature
                        computed with information from after the impression (the ad's CTR of the whole day, the
                        click itself, a session's later actions); historical CTRs must be point-in-time joins
                        (counts up to the impression's time only), and the same code must compute the features for
                        training and serving (lesson 3)."""),
                Exercise.of(
                        "lesson14-hash-bits",
                        LESSON,
                        "hash buckets for a cross feature",
                        1,
                        Lesson14DesignClickPrediction::hashBits,
                        """
                        With V distinct values in B = 2^b buckets, a value shares its bucket with another one with
                        probability 1 - (1 - 1/B)^(V - 1), about V / B. Take the smallest b where that is at most 1%:
                            int hashBits = 1;
                            while (1 - Math.pow(1 - Math.pow(2, -hashBits), brief.distinctCrosses() - 1) > 0.01) hashBits++;
                        B = V is not enough: then about 63% of the values collide."""),
                Exercise.question("lesson14-q-model", LESSON, "the model and its calibration", """
                        Start with logistic regression on hashed sparse features and crosses: fast to train and to
                        serve, easy to update online (FTRL), a strong baseline. Its log loss rewards calibrated
                        probabilities on data drawn like the traffic it was trained on, but it is not calibrated by
                        construction: trained on downsampled data it is not calibrated until it is recalibrated (below),
                        and it must be checked on recent traffic, per slice, like any model. Then
                        gradient-boosted trees (trees as feature transforms into the LR, as in Facebook's 2014
                        paper), then factorization machines or a deep model (embeddings of ids, learned crosses:
                        Wide & Deep, DCN) once the data and the serving budget allow. Train continually (daily
                        or hourly), because ads and users change. Negative downsampling cuts the data (clicks are a
                        few percent), but it raises the predicted probabilities: recalibrate with
                        q = p / (p + (1 - p) / w), w the share of negatives kept. Calibration matters because the
                        auction multiplies the probability by the bid: a model that is 20% high on some ads gives
                        them 20% more eCPM than they earn."""),
                Exercise.of(
                        "lesson14-recalibrate",
                        LESSON,
                        "recalibrate after negative downsampling",
                        1,
                        Lesson14DesignClickPrediction::recalibrate,
                        """
                        Keeping a share w of the negatives multiplies the odds by 1 / w; undo it:
                            double calibrated = p / (p + (1 - p) / w);
                        with p = brief.scoreDownsampled() and w = brief.negativeKeep()."""),
                Exercise.question("lesson14-q-offline", LESSON, "offline metrics: why AUC alone is not enough", """
                        Log loss, and normalized entropy (NE: the model's log loss divided by the log loss of
                        always predicting the base rate; lower is better, below 1 the model beats the base rate,
                        at 1 it knows no more than the base rate, and it can be compared across
                        days whose CTRs differ). Calibration: predicted over observed clicks, overall and per
                        slice, in equal-mass bins. AUC measures only the order: multiply every prediction by 2 and
                        AUC does not move, while the auction's prices and the advertisers' bills do; NE and the
                        calibration table catch it. Evaluate out of time (train on earlier days, test on later),
                        count the positives of each slice before trusting its number, and give intervals."""),
                Exercise.of(
                        "lesson14-ne",
                        LESSON,
                        "normalized entropy of the click model",
                        1,
                        Lesson14DesignClickPrediction::ne,
                        """
                        NE = log loss / (the log loss of predicting the test's base rate for every impression):
                            double r = clicks / n;  double ne = Metrics.logLoss(clicked, pClick) / -(r * Math.log(r) + (1 - r) * Math.log(1 - r));
                        (Metrics.normalizedEntropy(logLoss, r) does the same.) Lower is better: below 1 the model
                        beats the base rate."""),
                Exercise.question("lesson14-q-online", LESSON, "online evaluation", """
                        An A/B test: a random share of users (not requests, so a user sees one model) gets the new
                        model. Primary metric: revenue per 1,000 requests; guardrails: CTR, ads per request, latency
                        p99, advertiser cost per conversion, complaint rate. Size it before starting (baseline
                        CTR, the smallest lift worth having, alpha 0.05, power 0.8), run whole weeks (weekday
                        effects) and do not stop at the first significant day (peeking inflates false positives,
                        lesson 11). Watch novelty effects, and the auction's coupling: both arms bid into the same
                        advertisers' budgets. Ramp up (1%, 5%, 50%) with a kill switch."""),
                Exercise.of(
                        "lesson14-ab-days",
                        LESSON,
                        "how long the A/B test runs",
                        1,
                        Lesson14DesignClickPrediction::abDays,
                        """
                        Impressions per arm from the power calculation, over the impressions each arm gets per day,
                        rounded up to whole weeks:
                            long perArm = Experiments.sampleSize(baseCtr, brief.minLift(), 0.05, 0.8).perArm();
                            double perDay = brief.requestsPerDay() * brief.adsPerRequest() * brief.trafficShare();
                            int testDays = 7 * (int) Math.ceil(Math.ceil(perArm / perDay) / 7);"""),
                Exercise.question("lesson14-q-serving", LESSON, "serving", """
                        Two stages: candidate retrieval (inverted index on keywords, embeddings with approximate
                        nearest neighbours, targeting rules) narrows millions of ads to a few hundred; the ranking
                        model scores those with full features; the auction picks and prices the winners. Features
                        come from a feature store: precomputed user and ad features (batch and streaming
                        counters) fetched by key, with the same definitions offline and online; request features
                        are computed in the request. Budget the latency per stage at p99, batch the candidates
                        through the model, keep the model in memory, cache ad features, and have a fallback (the
                        previous model, or historical CTR) when a stage times out. Log the features as served, so
                        training uses exactly what serving saw."""),
                Exercise.of(
                        "lesson14-rank-budget",
                        LESSON,
                        "the ranking model's time per candidate",
                        1,
                        Lesson14DesignClickPrediction::rankBudget,
                        """
                        What is left of the budget after retrieval, features and the auction and network, in
                        microseconds, shared by the candidates:
                            double microsPerCandidate = (brief.latencyMs() - brief.retrievalMs() - brief.featuresMs() - brief.otherMs()) * 1000.0 / brief.candidatesPerRequest();"""),
                Exercise.question("lesson14-q-monitoring", LESSON, "monitoring, retraining and feedback loops", """
                        Monitor the inputs (feature drift, missing features, the share of unseen ids), the outputs
                        (mean pCTR against observed CTR per hour and per slice: calibration drifts first), and the
                        business (revenue, CTR, ads shown) with alerts (lesson 9). Retrain on a schedule (daily or
                        continually), and on alert, with the new model evaluated against the old one on the latest
                        day before it ships. Feedback loop: the model picks what is shown, and only what is shown
                        gets labels, so ads it underrates never get the impressions that would correct it; cold
                        start is the same problem for new ads. Explore: give a small share of traffic to
                        randomized or upper-confidence rankings, log the propensities, and train with them.
                        Position bias feeds the same loop (lesson 10)."""),
                Exercise.of(
                        "lesson14-alert",
                        LESSON,
                        "a calibration alert that does not cry wolf",
                        1,
                        Lesson14DesignClickPrediction::alert,
                        """
                        Per intent: the clicks observed, the clicks the model predicted (the sum of pClick) and
                        the gap in standard errors, z = (observed - predicted) / sqrt(sum of p (1 - p)):
                            String worstIntent = ""; double worstZ = 0;
                            for (String intent : test.stringColumn("intent").unique()) {
                                double observed = 0, predicted = 0, variance = 0;
                                for (int i = 0; i < clicked.length; i++) {
                                    if (!test.stringColumn("intent").get(i).equals(intent)) continue;
                                    observed += clicked[i] ? 1 : 0; predicted += pClick[i]; variance += pClick[i] * (1 - pClick[i]);
                                }
                                double z = (observed - predicted) / Math.sqrt(variance);
                                if (Math.abs(z) > Math.abs(worstZ)) { worstIntent = intent; worstZ = z; }
                            }
                            boolean retrain = Math.abs(worstZ) > 3;
                        A slice whose CTR moved most on a few hundred impressions may be noise; z counts the
                        evidence. At |z| > 1.96 an alert checked daily on each slice fires by chance every few
                        weeks, and the on-call team learns to ignore it."""));
    }

    static Verdict peakQps(Answers a) {
        double qps = a.number("peakQps");
        ClickDesignBrief b = ClickDesignBrief.of(a.seed());
        double average = b.requestsPerDay() / 86_400;
        double peak = average * b.peakFactor();
        return NumberAnswer.of(qps, 0.01)
                .right(
                        peak,
                        text(
                                "about %,.0f requests/s at peak, so %,.0f candidate scores/s for the ranking model.",
                                qps, qps * b.candidatesPerRequest()))
                .mistake(average, "that is the day's average; size the system for its busiest second.")
                .mistake(b.requestsPerDay() / 3_600 * b.peakFactor(), "a day has 86,400 seconds, not 3,600.")
                .mistake(average / b.peakFactor(), "the peak is above the average: multiply by the peak factor.")
                .mistake(peak * b.candidatesPerRequest(), "that counts candidates; the question asks for requests.")
                .otherwise(text(
                        "peakQps is %,.0f: requests per day over the seconds of a day, then the peak factor.", qps));
    }

    static Verdict window(Answers a) {
        long minutes = a.whole("windowMinutes");
        double[] delays = ClickDesignData.clickDelays(a.seed());
        long right = smallestWindow(delays, WINDOW_SHARE);
        if (minutes == right) {
            return Verdict.pass(text(
                    "%d minutes catch %.1f%% of the clicks; a one-minute join would lose %.1f%%.",
                    minutes, 100 * caught(delays, minutes), 100 * (1 - caught(delays, 1))));
        }
        if (minutes == smallestWindow(delays, 0.95)) {
            return Verdict.hint("that window catches 95% of the clicks; the brief asks for 99%.");
        }
        if (minutes == right - 1) {
            return Verdict.hint("close, but that window misses more than 1% of the clicks: round the minutes up.");
        }
        double mean = Arrays.stream(delays).average().orElse(Double.NaN) / 60;
        if (minutes == Math.round(mean) || minutes == (long) Math.ceil(mean)) {
            return Verdict.hint("that is the mean delay; half the late tail would be lost. Use the 99th percentile.");
        }
        if (minutes > 60 * (right - 1) && minutes <= 60 * right) {
            return Verdict.hint("windowMinutes is in minutes, not seconds.");
        }
        return Verdict.hint(text(
                "a window of %d minutes catches %.1f%% of the clicks; find the smallest one that" + " catches 99%%.",
                minutes, 100 * caught(delays, minutes)));
    }

    static long smallestWindow(double[] delays, double share) {
        long m = 1;
        while (caught(delays, m) < share) {
            m++;
        }
        return m;
    }

    private static double caught(double[] delays, long minutes) {
        return Arrays.stream(delays).filter(d -> d <= minutes * 60.0).count() / (double) delays.length;
    }

    static Verdict hashBits(Answers a) {
        long bits = a.whole("hashBits");
        long values = ClickDesignBrief.of(a.seed()).distinctCrosses();
        int right = 1;
        while (collisionShare(values, right) > COLLISION_SHARE) {
            right++;
        }
        if (bits == right) {
            return Verdict.pass(text(
                    "2^%d = %,d buckets: %.2f%% of the values share a bucket; as 4-byte weights," + " %,d MB.",
                    bits, 1L << bits, 100 * collisionShare(values, (int) bits), (4L << bits) >> 20));
        }
        if (bits == 64 - Long.numberOfLeadingZeros(values - 1)) {
            return Verdict.hint(text(
                    "that gives about one bucket per value, and then %.0f%% of the values collide;"
                            + " the brief allows 1%%.",
                    100 * collisionShare(values, (int) bits)));
        }
        if (bits > 0 && bits < 63 && collisionShare(values, (int) bits) <= COLLISION_SHARE) {
            return Verdict.hint("that keeps collisions under 1%, but a smaller table would too: take the smallest.");
        }
        return Verdict.hint(
                bits <= 0 || bits >= 63
                        ? "hashBits is the b in 2^b buckets, between 1 and 62."
                        : text(
                                "with 2^%d buckets %.1f%% of the values share a bucket; the brief allows 1%%.",
                                bits, 100 * collisionShare(values, (int) bits)));
    }

    /** The chance that a value shares its bucket with at least one of the others. */
    static double collisionShare(long values, int bits) {
        return -Math.expm1((values - 1) * Math.log1p(-Math.scalb(1.0, -bits)));
    }

    static Verdict recalibrate(Answers a) {
        double q = a.number("calibrated");
        ClickDesignBrief b = ClickDesignBrief.of(a.seed());
        double p = b.scoreDownsampled(), w = b.negativeKeep();
        return NumberAnswer.of(q, 1e-6)
                .right(
                        p / (p + (1 - p) / w),
                        text(
                                "a score of %.2f is a click probability of %.4f once the dropped"
                                        + " negatives are put back.",
                                p, q))
                .mistake(p, "that is the score before recalibration; the model saw too few negatives.")
                .mistake(p * w, "multiplying the probability by w is close only for tiny scores; correct the odds.")
                .mistake(p / w, "the negatives were dropped, so the true probability is lower, not higher.")
                .otherwise(
                        text("calibrated is %.4f: undo the downsampling on the odds, q = p / (p + (1 - p) / w).", q));
    }

    static Verdict ne(Answers a) {
        double ne = a.number("ne");
        double[] p = a.value("pClick", double[].class, "the double[] of your model's click probabilities");
        Table test = ClickDesignData.clicks(a.seed(), Period.YESTERDAY);
        if (p.length != test.rowCount()) {
            throw new AnswerProblem(text(
                    "pClick has %d predictions but your test sample has %d impressions: score"
                            + " the impressions of yesterday.",
                    p.length, test.rowCount()));
        }
        boolean[] clicked = new boolean[p.length];
        long clicks = 0;
        for (int i = 0; i < p.length; i++) {
            clicked[i] = test.intColumn("click").getInt(i) == 1;
            clicks += clicked[i] ? 1 : 0;
        }
        double rate = clicks / (double) p.length;
        double logLoss = Metrics.logLoss(clicked, p);
        double right = Metrics.normalizedEntropy(logLoss, rate);
        return NumberAnswer.of(ne, 1e-6)
                .right(
                        right,
                        text(
                                "NE %.4f over %,d clicks: the model %s the base rate by %.1f%% of its log loss.",
                                ne, clicks, ne < 1 ? "beats" : "does not beat", 100 * Math.abs(1 - ne)))
                .mistake(logLoss, "that is the log loss itself; divide it by the base rate's log loss.")
                .mistake(1 - right, "that is 1 - NE, the share of the uncertainty removed; the question asks for NE.")
                .mistake(right * Math.log(2), "the log loss and the base rate's entropy must use the same logarithm.")
                .mistake(right / Math.log(2), "the log loss and the base rate's entropy must use the same logarithm.")
                .otherwise(
                        text("ne is %.4f: the log loss over -(r ln r + (1 - r) ln(1 - r)), r = the test's CTR.", ne));
    }

    static Verdict abDays(Answers a) {
        long days = a.whole("testDays");
        ClickDesignBrief b = ClickDesignBrief.of(a.seed());
        Table test = ClickDesignData.clicks(a.seed(), Period.YESTERDAY);
        double baseCtr = test.intColumn("click").sum() / test.rowCount();
        long perArm = Experiments.sampleSize(baseCtr, b.minLift(), 0.05, 0.8).perArm();
        double perDay = b.requestsPerDay() * b.adsPerRequest() * b.trafficShare();
        long raw = (long) Math.ceil(perArm / perDay);
        long right = 7 * (long) Math.ceil(raw / 7.0);
        if (days == right) {
            return Verdict.pass(text(
                    "%,d impressions per arm at %,.0f a day: %d day%s of data, run as %d days.",
                    perArm, perDay, raw, raw == 1 ? "" : "s", days));
        }
        if (days == raw) {
            return Verdict.hint("that many days reach the sample size, but every weekday must be in the test equally:"
                    + " round up to whole weeks.");
        }
        long fromRequests = 7 * (long) Math.ceil(Math.ceil(perArm / (b.requestsPerDay() * b.trafficShare())) / 7.0);
        if (days == fromRequests) {
            return Verdict.hint("the sample size counts impressions; a request shows more than one ad.");
        }
        long allTraffic = 7 * (long) Math.ceil(Math.ceil(perArm / (b.requestsPerDay() * b.adsPerRequest())) / 7.0);
        if (days == allTraffic && allTraffic != right) {
            return Verdict.hint("each arm gets only its traffic share of the day's impressions.");
        }
        long bothArms = 7 * (long) Math.ceil(Math.ceil(2 * perArm / perDay) / 7.0);
        if (days == bothArms) {
            return Verdict.hint("the two arms run at the same time; each needs its own sample size, in parallel.");
        }
        return Verdict.hint(text(
                "testDays is %d: the impressions per arm of the power calculation (your test's CTR,"
                        + " the brief's lift, alpha 0.05, power 0.8), over each arm's impressions per day.",
                days));
    }

    static Verdict rankBudget(Answers a) {
        double micros = a.number("microsPerCandidate");
        ClickDesignBrief b = ClickDesignBrief.of(a.seed());
        int leftMs = b.latencyMs() - b.retrievalMs() - b.featuresMs() - b.otherMs();
        double right = leftMs * 1000.0 / b.candidatesPerRequest();
        return NumberAnswer.of(micros, 1e-3)
                .right(
                        right,
                        text(
                                "%d ms left for ranking: %.1f µs per candidate on one core; batching and more"
                                        + " cores buy time, a larger model spends it.",
                                leftMs, micros))
                .mistake(
                        b.latencyMs() * 1000.0 / b.candidatesPerRequest(),
                        "the whole budget is not the model's:"
                                + " retrieval, features, the auction and the network take their share first.")
                .mistake(right / 1000, "that is in milliseconds; the question asks for microseconds.")
                .mistakeIf(micros <= 0, "the time per candidate must be positive.")
                .otherwise(text(
                        "microsPerCandidate is %.2f: what is left of the budget, in µs, over the candidates.", micros));
    }

    static Verdict topAd(Answers a) {
        String ad = String.valueOf(a.value("topAd")).strip();
        double ecpm = a.number("topEcpm");
        Table ads = ClickDesignData.candidateAds(a.seed());
        double[] bid = ads.doubleColumn("bid_cpc").asDoubleArray(),
                p = ads.doubleColumn("p_click").asDoubleArray();
        double[] earns = new double[bid.length];
        Arrays.setAll(earns, k -> 1000 * bid[k] * p[k]);
        int best = ClickDesignData.argmax(earns);
        if (!ClickDesignData.ADS.contains(ad)) {
            return Verdict.hint(
                    text("topAd is \"%s\"; it must be one of %s, the ads of the table.", ad, ClickDesignData.ADS));
        }
        int k = ClickDesignData.ADS.indexOf(ad);
        if (k == ClickDesignData.argmax(p) && k != best) {
            return Verdict.hint("that ad is the likeliest to be clicked, but its clicks pay little: the ad server is"
                    + " paid per click, so compare what one impression of each ad earns on average.");
        }
        if (k == ClickDesignData.argmax(bid) && k != best) {
            return Verdict.hint("that ad bids the most per click, but is rarely clicked: an impression earns its bid"
                    + " only when clicked; compare what one impression of each ad earns on average.");
        }
        if (k != best) {
            return Verdict.hint(text("ad %s earns %.2f per 1,000 impressions; another ad earns more.", ad, earns[k]));
        }
        return NumberAnswer.of(ecpm, 1e-3)
                .right(
                        earns[best],
                        text(
                                "ad %s at %.2f per 1,000 impressions; ranked by click probability alone the"
                                        + " slot would earn %.2f.",
                                ad, ecpm, earns[ClickDesignData.argmax(p)]))
                .mistake(earns[best] / 1000, "that is what one impression earns; eCPM counts 1,000 impressions.")
                .mistake(1000 * p[best], "that counts clicks per 1,000 impressions; each click pays the ad's bid.")
                .otherwise(text("topEcpm is %.4g: 1,000 x the ad's bid per click x its click probability.", ecpm));
    }

    /** Per intent of the test sample: {observed clicks, predicted clicks, their variance, impressions}. */
    static Map<String, double[]> byIntent(Table test, double[] p) {
        Map<String, double[]> out = new TreeMap<>();
        for (int i = 0; i < p.length; i++) {
            double[] s = out.computeIfAbsent(test.stringColumn("intent").get(i), k -> new double[4]);
            s[0] += test.intColumn("click").getInt(i);
            s[1] += p[i];
            s[2] += p[i] * (1 - p[i]);
            s[3]++;
        }
        return out;
    }

    /** How many standard errors a slice's observed clicks are from its predicted clicks. */
    static double zOf(double[] slice) {
        return (slice[0] - slice[1]) / Math.sqrt(slice[2]);
    }

    static Verdict alert(Answers a) {
        String intent = String.valueOf(a.value("worstIntent")).strip();
        double z = a.number("worstZ");
        boolean retrain = a.value("retrain", Boolean.class, "true or false");
        double[] p = a.value("pClick", double[].class, "the double[] of your model's click probabilities");
        Table test = ClickDesignData.clicks(a.seed(), Period.YESTERDAY);
        if (p.length != test.rowCount()) {
            throw new AnswerProblem(text(
                    "pClick has %d predictions but your test sample has %d impressions: score"
                            + " the impressions of yesterday.",
                    p.length, test.rowCount()));
        }
        Map<String, double[]> slices = byIntent(test, p);
        String worst = null, widest = null;
        for (Map.Entry<String, double[]> e : slices.entrySet()) {
            double[] s = e.getValue();
            if (worst == null || Math.abs(zOf(s)) > Math.abs(zOf(slices.get(worst)))) {
                worst = e.getKey();
            }
            if (widest == null
                    || Math.abs(s[0] / s[1] - 1) > Math.abs(slices.get(widest)[0] / slices.get(widest)[1] - 1)) {
                widest = e.getKey();
            }
        }
        if (!slices.containsKey(intent)) {
            return Verdict.hint(text(
                    "worstIntent is \"%s\"; it must be one of the intents of your test sample, %s.",
                    intent, slices.keySet()));
        }
        if (!intent.equals(worst)) {
            double[] s = slices.get(intent);
            return Verdict.hint(
                    intent.equals(widest)
                            ? text(
                                    "%s's CTR is the furthest from its prediction, but on %,.0f clicks: measure each gap in"
                                            + " standard errors, sqrt(sum of p (1 - p)), before you call one the worst.",
                                    intent, s[0])
                            : text(
                                    "%s's clicks are %.2f standard errors from the prediction; another intent's are further.",
                                    intent, zOf(s)));
        }
        double[] s = slices.get(worst);
        double right = zOf(s);
        Verdict number = NumberAnswer.of(z, 1e-3)
                .right(right, "")
                .mistake(-right, "the sign is the wrong way round: observed clicks minus predicted clicks.")
                .mistake(
                        (s[0] - s[1]) / Math.sqrt(s[0]),
                        "that divides by the square root of the observed clicks; the"
                                + " alert asks how surprising the clicks are if the model is right, so use the model's p:"
                                + " sqrt(sum of p (1 - p)).")
                .mistake(
                        (s[0] - s[1]) / Math.sqrt(s[1]),
                        "close, but a click is 0 or 1 with variance p (1 - p) per"
                                + " impression, not p: sqrt(sum of p (1 - p)).")
                .mistake(
                        (s[0] - s[1]) / s[3],
                        "that is the gap in CTR; divide the gap in clicks by its standard error"
                                + " to see whether it is more than noise.")
                .otherwise(text(
                        "worstZ is %.4g: (observed clicks - the sum of pClick) / sqrt(sum of p (1 - p)) over"
                                + " %s's impressions.",
                        z, worst));
        if (!number.passed()) {
            return number;
        }
        boolean expected = Math.abs(right) > ALERT_Z;
        if (retrain != expected) {
            return Verdict.hint(
                    Math.abs(right) > 1.96 && !expected
                            ? "at |z| above 1.96 an alert checked every day on each intent fires by chance every few weeks;"
                                    + " the alert's rule is |z| above 3."
                            : text(
                                    "retrain is %b: the alert's rule is |z| above 3; compare your worstZ with it.",
                                    retrain));
        }
        return Verdict.pass(text(
                "%s: %,.0f clicks observed, %,.1f predicted, z = %.2f: %s.",
                worst,
                s[0],
                s[1],
                right,
                expected
                        ? "beyond the rule's 3 standard errors: retrain, and find what changed"
                        : "inside the rule's 3 standard errors: no alert; the next days will tell"));
    }
}
