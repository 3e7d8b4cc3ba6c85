package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;

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
                Exercise.question(
                        "lesson14-q-clarify", LESSON, tr("lesson14-q-clarify.title"), tr("lesson14-q-clarify.answer")),
                Exercise.of(
                        "lesson14-top-ad",
                        LESSON,
                        tr("lesson14-top-ad.title"),
                        1,
                        Lesson14DesignClickPrediction::topAd,
                        lines(tr("lesson14-top-ad.answer"), code("""
                                int best = 0;
                                for (int k = 1; k < ads.rowCount(); k++)
                                    if (ads.doubleColumn("bid_cpc").get(k) * ads.doubleColumn("p_click").get(k)
                                            > ads.doubleColumn("bid_cpc").get(best) * ads.doubleColumn("p_click").get(best)) best = k;
                                String topAd = ads.stringColumn("ad").get(best);
                                double topEcpm = 1000 * ads.doubleColumn("bid_cpc").get(best) * ads.doubleColumn("p_click").get(best);"""), tr("lesson14-top-ad.answer.2"))),
                Exercise.of(
                        "lesson14-peak-qps",
                        LESSON,
                        tr("lesson14-peak-qps.title"),
                        1,
                        Lesson14DesignClickPrediction::peakQps,
                        lines(tr("lesson14-peak-qps.answer"), code("""
                                double peakQps = brief.dailyUsers() * brief.searchesPerUser() / 86_400.0 * brief.peakFactor();"""), tr("lesson14-peak-qps.answer.2"))),
                Exercise.question(
                        "lesson14-q-labels", LESSON, tr("lesson14-q-labels.title"), tr("lesson14-q-labels.answer")),
                Exercise.of(
                        "lesson14-window",
                        LESSON,
                        tr("lesson14-window.title"),
                        1,
                        Lesson14DesignClickPrediction::window,
                        lines(tr("lesson14-window.answer"), code("""
                                double[] sorted = delays.clone(); Arrays.sort(sorted);
                                int caught = 0, windowMinutes = 0;
                                while (caught < 0.99 * sorted.length) { windowMinutes++; while (caught < sorted.length && sorted[caught] <= windowMinutes * 60.0) caught++; }"""), tr("lesson14-window.answer.2"))),
                Exercise.question(
                        "lesson14-q-features",
                        LESSON,
                        tr("lesson14-q-features.title"),
                        tr("lesson14-q-features.answer")),
                Exercise.of(
                        "lesson14-hash-bits",
                        LESSON,
                        tr("lesson14-hash-bits.title"),
                        1,
                        Lesson14DesignClickPrediction::hashBits,
                        lines(tr("lesson14-hash-bits.answer"), code("""
                                int hashBits = 1;
                                while (1 - Math.pow(1 - Math.pow(2, -hashBits), brief.distinctCrosses() - 1) > 0.01) hashBits++;"""), tr("lesson14-hash-bits.answer.2"))),
                Exercise.question(
                        "lesson14-q-model", LESSON, tr("lesson14-q-model.title"), tr("lesson14-q-model.answer")),
                Exercise.of(
                        "lesson14-recalibrate",
                        LESSON,
                        tr("lesson14-recalibrate.title"),
                        1,
                        Lesson14DesignClickPrediction::recalibrate,
                        lines(
                                tr("lesson14-recalibrate.answer"),
                                code("double calibrated = p / (p + (1 - p) / w);"),
                                tr("lesson14-recalibrate.answer.2"))),
                Exercise.question(
                        "lesson14-q-offline", LESSON, tr("lesson14-q-offline.title"), tr("lesson14-q-offline.answer")),
                Exercise.of(
                        "lesson14-ne",
                        LESSON,
                        tr("lesson14-ne.title"),
                        1,
                        Lesson14DesignClickPrediction::ne,
                        lines(tr("lesson14-ne.answer"), code("""
                                double r = clicks / n;  double ne = Metrics.logLoss(clicked, pClick) / -(r * Math.log(r) + (1 - r) * Math.log(1 - r));"""), tr("lesson14-ne.answer.2"))),
                Exercise.question(
                        "lesson14-q-online", LESSON, tr("lesson14-q-online.title"), tr("lesson14-q-online.answer")),
                Exercise.of(
                        "lesson14-ab-days",
                        LESSON,
                        tr("lesson14-ab-days.title"),
                        1,
                        Lesson14DesignClickPrediction::abDays,
                        lines(tr("lesson14-ab-days.answer"), code("""
                                long perArm = Experiments.sampleSize(baseCtr, brief.minLift(), 0.05, 0.8).perArm();
                                double perDay = brief.requestsPerDay() * brief.adsPerRequest() * brief.trafficShare();
                                int testDays = 7 * (int) Math.ceil(Math.ceil(perArm / perDay) / 7);"""))),
                Exercise.question(
                        "lesson14-q-serving", LESSON, tr("lesson14-q-serving.title"), tr("lesson14-q-serving.answer")),
                Exercise.of(
                        "lesson14-rank-budget",
                        LESSON,
                        tr("lesson14-rank-budget.title"),
                        1,
                        Lesson14DesignClickPrediction::rankBudget,
                        lines(tr("lesson14-rank-budget.answer"), code("""
                                double microsPerCandidate = (brief.latencyMs() - brief.retrievalMs() - brief.featuresMs() - brief.otherMs()) * 1000.0 / brief.candidatesPerRequest();"""))),
                Exercise.question(
                        "lesson14-q-monitoring",
                        LESSON,
                        tr("lesson14-q-monitoring.title"),
                        tr("lesson14-q-monitoring.answer")),
                Exercise.of(
                        "lesson14-alert",
                        LESSON,
                        tr("lesson14-alert.title"),
                        1,
                        Lesson14DesignClickPrediction::alert,
                        lines(tr("lesson14-alert.answer"), code("""
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
                                boolean retrain = Math.abs(worstZ) > 3;"""), tr("lesson14-alert.answer.2"))));
    }

    static Verdict peakQps(Answers a) {
        double qps = a.number("peakQps");
        ClickDesignBrief b = ClickDesignBrief.of(a.seed());
        double average = b.requestsPerDay() / 86_400;
        double peak = average * b.peakFactor();
        return NumberAnswer.of(qps, 0.01)
                .right(peak, tr("lesson14-peak-qps.pass.about-requests-peak", qps, qps * b.candidatesPerRequest()))
                .mistake(average, tr("lesson14-peak-qps.mistake.day-average-size"))
                .mistake(b.requestsPerDay() / 3_600 * b.peakFactor(), tr("lesson14-peak-qps.mistake.day-has-seconds"))
                .mistake(average / b.peakFactor(), tr("lesson14-peak-qps.mistake.peak-above-average"))
                .mistake(peak * b.candidatesPerRequest(), tr("lesson14-peak-qps.mistake.counts-candidates-question"))
                .otherwise(tr("lesson14-peak-qps.otherwise.peakqps-requests-per", qps));
    }

    static Verdict window(Answers a) {
        long minutes = a.whole("windowMinutes");
        double[] delays = ClickDesignData.clickDelays(a.seed());
        long right = smallestWindow(delays, WINDOW_SHARE);
        if (minutes == right) {
            return Verdict.pass(tr(
                    "lesson14-window.pass.minutes-catch-clicks",
                    minutes,
                    100 * caught(delays, minutes),
                    100 * (1 - caught(delays, 1))));
        }
        if (minutes == smallestWindow(delays, 0.95)) {
            return Verdict.hint(tr("lesson14-window.hint.window-catches-clicks"));
        }
        if (minutes == right - 1) {
            return Verdict.hint(tr("lesson14-window.hint.close-window-misses"));
        }
        double mean = Arrays.stream(delays).average().orElse(Double.NaN) / 60;
        if (minutes == Math.round(mean) || minutes == (long) Math.ceil(mean)) {
            return Verdict.hint(tr("lesson14-window.hint.mean-delay-half"));
        }
        if (minutes > 60 * (right - 1) && minutes <= 60 * right) {
            return Verdict.hint(tr("lesson14-window.hint.windowminutes-minutes-seconds"));
        }
        return Verdict.hint(tr("lesson14-window.hint.window-minutes-catches", minutes, 100 * caught(delays, minutes)));
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
            return Verdict.pass(tr(
                    "lesson14-hash-bits.pass.buckets-values-share",
                    bits,
                    1L << bits,
                    100 * collisionShare(values, (int) bits),
                    (4L << bits) >> 20));
        }
        if (bits == 64 - Long.numberOfLeadingZeros(values - 1)) {
            return Verdict.hint(
                    tr("lesson14-hash-bits.hint.gives-about-bucket", 100 * collisionShare(values, (int) bits)));
        }
        if (bits > 0 && bits < 63 && collisionShare(values, (int) bits) <= COLLISION_SHARE) {
            return Verdict.hint(tr("lesson14-hash-bits.hint.keeps-collisions-under"));
        }
        return Verdict.hint(
                bits <= 0 || bits >= 63
                        ? tr("lesson14-hash-bits.hint.hashbits-b-b")
                        : tr(
                                "lesson14-hash-bits.hint.buckets-values-share",
                                bits,
                                100 * collisionShare(values, (int) bits)));
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
                .right(p / (p + (1 - p) / w), tr("lesson14-recalibrate.pass.score-click-probability", p, q))
                .mistake(p, tr("lesson14-recalibrate.mistake.score-before-recalibration"))
                .mistake(p * w, tr("lesson14-recalibrate.mistake.multiplying-probability-w"))
                .mistake(p / w, tr("lesson14-recalibrate.mistake.negatives-were-dropped"))
                .otherwise(tr("lesson14-recalibrate.otherwise.calibrated-undo-downsampling", q));
    }

    static Verdict ne(Answers a) {
        double ne = a.number("ne");
        double[] p = a.value("pClick", double[].class, tr("lesson14-ne.asks.double-model-click"));
        Table test = ClickDesignData.clicks(a.seed(), Period.YESTERDAY);
        if (p.length != test.rowCount()) {
            throw new AnswerProblem(tr("lesson14-ne.hint.pclick-has-predictions", p.length, test.rowCount()));
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
                        tr(
                                "lesson14-ne.pass.ne-over-clicks",
                                ne,
                                clicks,
                                ne < 1 ? tr("lesson14-ne.pass.beats") : tr("lesson14-ne.pass.does-not-beat"),
                                100 * Math.abs(1 - ne)))
                .mistake(logLoss, tr("lesson14-ne.mistake.log-loss-itself"))
                .mistake(1 - right, tr("lesson14-ne.mistake.ne-share-uncertainty"))
                .mistake(right * Math.log(2), tr("lesson14-ne.mistake.log-loss-base"))
                .mistake(right / Math.log(2), tr("lesson14-ne.mistake.log-loss-base"))
                .otherwise(tr("lesson14-ne.otherwise.ne-log-loss", ne));
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
            return Verdict.pass(tr(
                    raw == 1
                            ? "lesson14-ab-days.pass.impressions-per-arm.one"
                            : "lesson14-ab-days.pass.impressions-per-arm",
                    perArm,
                    perDay,
                    raw,
                    days));
        }
        if (days == raw) {
            return Verdict.hint(tr("lesson14-ab-days.hint.many-days-reach"));
        }
        long fromRequests = 7 * (long) Math.ceil(Math.ceil(perArm / (b.requestsPerDay() * b.trafficShare())) / 7.0);
        if (days == fromRequests) {
            return Verdict.hint(tr("lesson14-ab-days.hint.sample-size-counts"));
        }
        long allTraffic = 7 * (long) Math.ceil(Math.ceil(perArm / (b.requestsPerDay() * b.adsPerRequest())) / 7.0);
        if (days == allTraffic && allTraffic != right) {
            return Verdict.hint(tr("lesson14-ab-days.hint.each-arm-gets"));
        }
        long bothArms = 7 * (long) Math.ceil(Math.ceil(2 * perArm / perDay) / 7.0);
        if (days == bothArms) {
            return Verdict.hint(tr("lesson14-ab-days.hint.two-arms-run"));
        }
        return Verdict.hint(tr("lesson14-ab-days.hint.testdays-impressions-per", days));
    }

    static Verdict rankBudget(Answers a) {
        double micros = a.number("microsPerCandidate");
        ClickDesignBrief b = ClickDesignBrief.of(a.seed());
        int leftMs = b.latencyMs() - b.retrievalMs() - b.featuresMs() - b.otherMs();
        double right = leftMs * 1000.0 / b.candidatesPerRequest();
        return NumberAnswer.of(micros, 1e-3)
                .right(right, tr("lesson14-rank-budget.pass.ms-left-ranking", leftMs, micros))
                .mistake(
                        b.latencyMs() * 1000.0 / b.candidatesPerRequest(),
                        tr("lesson14-rank-budget.mistake.whole-budget-model"))
                .mistake(right / 1000, tr("lesson14-rank-budget.mistake.milliseconds-question-asks"))
                .mistakeIf(micros <= 0, tr("lesson14-rank-budget.mistake.time-per-candidate"))
                .otherwise(tr("lesson14-rank-budget.otherwise.microspercandidate-left-budget", micros));
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
            return Verdict.hint(tr("lesson14-top-ad.hint.topad-must-ads", ad, ClickDesignData.ADS));
        }
        int k = ClickDesignData.ADS.indexOf(ad);
        if (k == ClickDesignData.argmax(p) && k != best) {
            return Verdict.hint(tr("lesson14-top-ad.hint.ad-likeliest-clicked"));
        }
        if (k == ClickDesignData.argmax(bid) && k != best) {
            return Verdict.hint(tr("lesson14-top-ad.hint.ad-bids-most"));
        }
        if (k != best) {
            return Verdict.hint(tr("lesson14-top-ad.hint.ad-earns-per", ad, earns[k]));
        }
        return NumberAnswer.of(ecpm, 1e-3)
                .right(
                        earns[best],
                        tr("lesson14-top-ad.pass.ad-per-impressions", ad, ecpm, earns[ClickDesignData.argmax(p)]))
                .mistake(earns[best] / 1000, tr("lesson14-top-ad.mistake.impression-earns-ecpm"))
                .mistake(1000 * p[best], tr("lesson14-top-ad.mistake.counts-clicks-per"))
                .otherwise(tr("lesson14-top-ad.otherwise.topecpm-x-ad", ecpm));
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
        boolean retrain = a.value("retrain", Boolean.class, tr("lesson14-alert.asks.true-false"));
        double[] p = a.value("pClick", double[].class, tr("lesson14-alert.asks.double-model-click"));
        Table test = ClickDesignData.clicks(a.seed(), Period.YESTERDAY);
        if (p.length != test.rowCount()) {
            throw new AnswerProblem(tr("lesson14-alert.hint.pclick-has-predictions", p.length, test.rowCount()));
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
            return Verdict.hint(tr("lesson14-alert.hint.worstintent-must-intents", intent, slices.keySet()));
        }
        if (!intent.equals(worst)) {
            double[] s = slices.get(intent);
            return Verdict.hint(
                    intent.equals(widest)
                            ? tr("lesson14-alert.hint.ctr-furthest-prediction", intent, s[0])
                            : tr("lesson14-alert.hint.clicks-standard-errors", intent, zOf(s)));
        }
        double[] s = slices.get(worst);
        double right = zOf(s);
        Verdict number = NumberAnswer.of(z, 1e-3)
                .right(right, "")
                .mistake(-right, tr("lesson14-alert.mistake.sign-wrong-way"))
                .mistake((s[0] - s[1]) / Math.sqrt(s[0]), tr("lesson14-alert.mistake.divides-square-root"))
                .mistake((s[0] - s[1]) / Math.sqrt(s[1]), tr("lesson14-alert.mistake.close-click-variance"))
                .mistake((s[0] - s[1]) / s[3], tr("lesson14-alert.mistake.gap-ctr-divide"))
                .otherwise(tr("lesson14-alert.otherwise.worstz-observed-clicks", z, worst));
        if (!number.passed()) {
            return number;
        }
        boolean expected = Math.abs(right) > ALERT_Z;
        if (retrain != expected) {
            return Verdict.hint(
                    Math.abs(right) > 1.96 && !expected
                            ? tr("lesson14-alert.hint.z-above-alert")
                            : tr("lesson14-alert.hint.retrain-b-alert", retrain));
        }
        return Verdict.pass(tr(
                "lesson14-alert.pass.clicks-observed-predicted",
                worst,
                s[0],
                s[1],
                right,
                expected
                        ? tr("lesson14-alert.pass.beyond-rule-standard")
                        : tr("lesson14-alert.pass.inside-rule-standard")));
    }
}
