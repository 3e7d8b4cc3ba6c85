package org.mlcycle.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.course.interview.ClickDesignBrief;
import org.mlcycle.course.interview.ClickDesignData;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.exercises.CheckResult;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.Exercises;
import org.mlcycle.toolkit.exercises.MapAnswers;
import org.mlcycle.toolkit.exercises.Variant;
import org.mlcycle.toolkit.experiment.Experiments;
import org.mlcycle.toolkit.metrics.Metrics;
import tech.tablesaw.api.Table;

/** The checks of the design walkthrough (lesson 14): the model solution passes, the typical mistakes get their hints. */
class Lesson14DesignClickPredictionTest {
    private static final Exercises ALL = Exercises.loaded();
    private static final long ALICE = Variant.seed("alice");
    private static final long BOB = Variant.seed("bob");

    private static CheckResult check(String id, MapAnswers answers) {
        return ALL.get(id).check(answers);
    }

    private static void passes(String id, MapAnswers answers) {
        CheckResult r = check(id, answers);
        assertTrue(r.passed(), id + ": " + r.message());
        assertEquals(1.0, r.score());
    }

    private static void hints(String id, MapAnswers answers, String hint) {
        CheckResult r = check(id, answers);
        assertFalse(r.passed(), id + " passed a wrong answer: " + r.message());
        assertTrue(r.message().startsWith(hint), id + ": " + r.message());
    }

    private static double peak(ClickDesignBrief b) {
        return b.dailyUsers() * b.searchesPerUser() / 86_400.0 * b.peakFactor();
    }

    @Test
    @DisplayName("the walkthrough has nine checked steps, eight questions, and two candidates get different briefs")
    void shape() {
        List<Exercise> mine = ALL.all().stream()
                .filter(e -> e.lesson().equals("14-design-ad-click-prediction"))
                .toList();
        assertEquals(9, mine.stream().filter(e -> !e.isQuestion()).count());
        assertEquals(8, mine.stream().filter(Exercise::isQuestion).count());
        mine.forEach(e -> assertTrue(e.modelAnswer().length() > 150, e.id()));
        assertNotEquals(ClickDesignBrief.of(ALICE), ClickDesignBrief.of(BOB));
        assertEquals(ClickDesignBrief.of(ALICE), ClickDesignBrief.of(ALICE));
    }

    @Test
    @DisplayName("peak requests/s: the solution passes; the average, hours and a copied answer fail")
    void peakQps() {
        ClickDesignBrief b = ClickDesignBrief.of(ALICE);
        passes("lesson14-peak-qps", new MapAnswers(ALICE).with("peakQps", peak(b)));
        passes("lesson14-peak-qps", new MapAnswers(ALICE).with("peakQps", Math.round(peak(b) / 100) * 100.0));
        hints(
                "lesson14-peak-qps",
                new MapAnswers(ALICE).with("peakQps", peak(b) / b.peakFactor()),
                "that is the day's average");
        hints("lesson14-peak-qps", new MapAnswers(ALICE).with("peakQps", peak(b) * 24), "a day has 86,400 seconds");
        assertNotEquals(peak(b), peak(ClickDesignBrief.of(BOB)));
        assertFalse(check("lesson14-peak-qps", new MapAnswers(BOB).with("peakQps", peak(b)))
                .passed());
        CheckResult blank = check("lesson14-peak-qps", new MapAnswers(ALICE));
        assertEquals("'peakQps' is not defined yet: run the cell where you compute it", blank.message());
    }

    private static int window(double[] delays) {
        double[] sorted = delays.clone();
        Arrays.sort(sorted);
        int minutes = 1;
        while (true) {
            int limit = minutes;
            if (Arrays.stream(sorted).filter(d -> d <= limit * 60.0).count() >= 0.99 * sorted.length) {
                return minutes;
            }
            minutes++;
        }
    }

    @Test
    @DisplayName("attribution window: the 99th percentile in whole minutes passes; one less and the 95% window fail")
    void window() {
        double[] delays = ClickDesignData.clickDelays(ALICE);
        int right = window(delays);
        assertTrue(right > 5, "the late tail makes the window minutes long: " + right);
        passes("lesson14-window", new MapAnswers(ALICE).with("windowMinutes", right));
        hints(
                "lesson14-window",
                new MapAnswers(ALICE).with("windowMinutes", right - 1),
                ClickDesignDataWindow95.of(delays) == right - 1 ? "that window catches 95%" : "close, but");
        hints(
                "lesson14-window",
                new MapAnswers(ALICE).with("windowMinutes", right * 60 - 30),
                "windowMinutes is in minutes");
        assertNotEquals(Arrays.toString(delays), Arrays.toString(ClickDesignData.clickDelays(BOB)));
        hints("lesson14-window", new MapAnswers(ALICE).with("windowMinutes", 1.5), "'windowMinutes' is a Double");
    }

    /** The smallest whole minutes that catch 95% of the clicks. */
    private static final class ClickDesignDataWindow95 {
        static int of(double[] delays) {
            int minutes = 1;
            while (true) {
                int limit = minutes;
                if (Arrays.stream(delays).filter(d -> d <= limit * 60.0).count() >= 0.95 * delays.length) {
                    return minutes;
                }
                minutes++;
            }
        }
    }

    @Test
    @DisplayName("hash bits: the smallest table with 1% collisions passes; one bucket per value gets the 63% hint")
    void hashBits() {
        long values = ClickDesignBrief.of(ALICE).distinctCrosses();
        int bits = 1;
        while (1 - Math.pow(1 - Math.pow(2, -bits), values - 1) > 0.01) {
            bits++;
        }
        passes("lesson14-hash-bits", new MapAnswers(ALICE).with("hashBits", bits));
        int perValue = 64 - Long.numberOfLeadingZeros(values - 1);
        hints(
                "lesson14-hash-bits",
                new MapAnswers(ALICE).with("hashBits", perValue),
                "that gives about one bucket per value");
        hints("lesson14-hash-bits", new MapAnswers(ALICE).with("hashBits", bits + 2), "that keeps collisions under 1%");
    }

    @Test
    @DisplayName("recalibration: the odds correction passes; the raw score and p*w are named")
    void recalibrate() {
        ClickDesignBrief b = ClickDesignBrief.of(ALICE);
        double p = b.scoreDownsampled(), w = b.negativeKeep();
        passes("lesson14-recalibrate", new MapAnswers(ALICE).with("calibrated", p / (p + (1 - p) / w)));
        hints("lesson14-recalibrate", new MapAnswers(ALICE).with("calibrated", p), "that is the score before");
        hints(
                "lesson14-recalibrate",
                new MapAnswers(ALICE).with("calibrated", p * w),
                "multiplying the probability by w");
    }

    @Test
    @DisplayName(
            "NE: log loss over the base rate's passes on the candidate's own test sample; the log loss alone fails")
    void ne() {
        Table test = ClickDesignData.clicks(ALICE, Period.YESTERDAY);
        assertNotEquals(
                test.rowCount(), ClickDesignData.clicks(BOB, Period.YESTERDAY).rowCount());
        double[] p = test.doubleColumn("past_ctr").asDoubleArray(); // a crude model: the ad's past CTR
        boolean[] clicked = new boolean[p.length];
        long clicks = 0;
        for (int i = 0; i < p.length; i++) {
            clicked[i] = test.intColumn("click").getInt(i) == 1;
            clicks += clicked[i] ? 1 : 0;
        }
        assertTrue(clicks >= 100, "count the positives first: " + clicks);
        double r = clicks / (double) p.length;
        double logLoss = Metrics.logLoss(clicked, p);
        double ne = logLoss / -(r * Math.log(r) + (1 - r) * Math.log(1 - r));
        passes("lesson14-ne", new MapAnswers(ALICE).with("pClick", p).with("ne", ne));
        hints(
                "lesson14-ne",
                new MapAnswers(ALICE).with("pClick", p).with("ne", logLoss),
                "that is the log loss itself");
        hints(
                "lesson14-ne",
                new MapAnswers(ALICE).with("pClick", Arrays.copyOf(p, 10)).with("ne", ne),
                "pClick has 10 predictions");
        hints("lesson14-ne", new MapAnswers(ALICE).with("ne", ne), "'pClick' is not defined yet");
    }

    @Test
    @DisplayName(
            "A/B days: whole weeks of the power calculation pass; raw days and requests instead of impressions fail")
    void abDays() {
        ClickDesignBrief b = ClickDesignBrief.of(ALICE);
        Table test = ClickDesignData.clicks(ALICE, Period.YESTERDAY);
        double baseCtr = test.intColumn("click").sum() / test.rowCount();
        long perArm = Experiments.sampleSize(baseCtr, b.minLift(), 0.05, 0.8).perArm();
        double perDay = b.requestsPerDay() * b.adsPerRequest() * b.trafficShare();
        long raw = (long) Math.ceil(perArm / perDay);
        int days = 7 * (int) Math.ceil(Math.ceil(perArm / perDay) / 7);
        passes("lesson14-ab-days", new MapAnswers(ALICE).with("testDays", days));
        if (raw != days) {
            hints("lesson14-ab-days", new MapAnswers(ALICE).with("testDays", (int) raw), "that many days reach");
        }
        long fromRequests = 7 * (long) Math.ceil(Math.ceil(perArm / (b.requestsPerDay() * b.trafficShare())) / 7.0);
        if (fromRequests != days) {
            hints(
                    "lesson14-ab-days",
                    new MapAnswers(ALICE).with("testDays", fromRequests),
                    "the sample size counts impressions");
        }
        hints("lesson14-ab-days", new MapAnswers(ALICE).with("testDays", days * 10 + 1), "testDays is");
    }

    @Test
    @DisplayName("ranking budget: what is left after the other stages passes; the whole budget and milliseconds fail")
    void rankBudget() {
        ClickDesignBrief b = ClickDesignBrief.of(ALICE);
        double right =
                (b.latencyMs() - b.retrievalMs() - b.featuresMs() - b.otherMs()) * 1000.0 / b.candidatesPerRequest();
        passes("lesson14-rank-budget", new MapAnswers(ALICE).with("microsPerCandidate", right));
        hints(
                "lesson14-rank-budget",
                new MapAnswers(ALICE).with("microsPerCandidate", b.latencyMs() * 1000.0 / b.candidatesPerRequest()),
                "the whole budget is not the model's");
        hints(
                "lesson14-rank-budget",
                new MapAnswers(ALICE).with("microsPerCandidate", right / 1000),
                "that is in milliseconds");
    }

    private static int days(long seed) {
        ClickDesignBrief b = ClickDesignBrief.of(seed);
        Table test = ClickDesignData.clicks(seed, Period.YESTERDAY);
        long perArm = Experiments.sampleSize(test.intColumn("click").sum() / test.rowCount(), b.minLift(), 0.05, 0.8)
                .perArm();
        return 7 * (int) Math.ceil(Math.ceil(perArm / (b.requestsPerDay() * b.adsPerRequest() * b.trafficShare())) / 7);
    }

    @Test
    @DisplayName("among five candidates, every checked number takes at least three values: copying a neighbour fails")
    void answersDifferAcrossCandidates() {
        List<Long> seeds = java.util.stream.Stream.of("s001", "s002", "s003", "s004", "s005")
                .map(Variant::seed)
                .toList();
        java.util.Map<String, java.util.Set<Object>> seen = new java.util.TreeMap<>();
        for (long seed : seeds) {
            ClickDesignBrief b = ClickDesignBrief.of(seed);
            seen.computeIfAbsent("peak-qps", k -> new java.util.HashSet<>()).add(peak(b));
            seen.computeIfAbsent("window", k -> new java.util.HashSet<>())
                    .add(window(ClickDesignData.clickDelays(seed)));
            seen.computeIfAbsent("recalibrate", k -> new java.util.HashSet<>())
                    .add(b.scoreDownsampled() / (b.scoreDownsampled() + (1 - b.scoreDownsampled()) / b.negativeKeep()));
            seen.computeIfAbsent("rank-budget", k -> new java.util.HashSet<>())
                    .add((b.latencyMs() - b.retrievalMs() - b.featuresMs() - b.otherMs())
                            * 1000.0
                            / b.candidatesPerRequest());
            seen.computeIfAbsent("ab-days", k -> new java.util.HashSet<>()).add(days(seed));
            seen.computeIfAbsent("hash-bits (distinct values)", k -> new java.util.HashSet<>())
                    .add(b.distinctCrosses());
            seen.computeIfAbsent("ne (test rows)", k -> new java.util.HashSet<>())
                    .add(ClickDesignData.clicks(seed, Period.YESTERDAY).rowCount());
        }
        seen.forEach((check, values) -> assertTrue(values.size() >= 3, check + " takes the values " + values));
    }

    @Test
    @DisplayName(
            "top ad: the largest bid x pCTR and its eCPM pass; the likeliest click and the highest bid get their hints")
    void topAd() {
        for (long seed : List.of(ALICE, BOB)) {
            Table ads = ClickDesignData.candidateAds(seed);
            double[] bid = ads.doubleColumn("bid_cpc").asDoubleArray(),
                    p = ads.doubleColumn("p_click").asDoubleArray();
            double[] earns = new double[3];
            Arrays.setAll(earns, k -> 1000 * bid[k] * p[k]);
            int best = ClickDesignData.argmax(earns);
            String top = ClickDesignData.ADS.get(best);
            MapAnswers right = new MapAnswers(seed).with("topAd", top).with("topEcpm", earns[best]);
            passes("lesson14-top-ad", right);
            hints(
                    "lesson14-top-ad",
                    new MapAnswers(seed)
                            .with("topAd", ClickDesignData.ADS.get(ClickDesignData.argmax(p)))
                            .with("topEcpm", earns[ClickDesignData.argmax(p)]),
                    "that ad is the likeliest to be clicked");
            hints(
                    "lesson14-top-ad",
                    new MapAnswers(seed)
                            .with("topAd", ClickDesignData.ADS.get(ClickDesignData.argmax(bid)))
                            .with("topEcpm", earns[ClickDesignData.argmax(bid)]),
                    "that ad bids the most per click");
            hints(
                    "lesson14-top-ad",
                    new MapAnswers(seed).with("topAd", top).with("topEcpm", earns[best] / 1000),
                    "that is what one impression earns");
            hints(
                    "lesson14-top-ad",
                    new MapAnswers(seed).with("topAd", "D").with("topEcpm", earns[best]),
                    "topAd is \"D\"");
            CheckResult hint = check(
                    "lesson14-top-ad",
                    new MapAnswers(seed)
                            .with("topAd", ClickDesignData.ADS.get(ClickDesignData.argmax(p)))
                            .with("topEcpm", 0.0));
            assertFalse(hint.message().contains(top + " "), "the hint must not name the answer: " + hint.message());
        }
        Table alice = ClickDesignData.candidateAds(ALICE), bob = ClickDesignData.candidateAds(BOB);
        assertNotEquals(alice.print(), bob.print(), "two candidates get the same ads");
    }

    /** The model solution of the alert step on predictions {@code p}: {intent, z}. */
    private static Object[] worst(Table test, double[] p) {
        String worstIntent = "";
        double worstZ = 0;
        for (String intent : test.stringColumn("intent").unique()) {
            double observed = 0, predicted = 0, variance = 0;
            for (int i = 0; i < p.length; i++) {
                if (test.stringColumn("intent").get(i).equals(intent)) {
                    observed += test.intColumn("click").getInt(i);
                    predicted += p[i];
                    variance += p[i] * (1 - p[i]);
                }
            }
            double z = (observed - predicted) / Math.sqrt(variance);
            if (Math.abs(z) > Math.abs(worstZ)) {
                worstIntent = intent;
                worstZ = z;
            }
        }
        return new Object[] {worstIntent, worstZ};
    }

    @Test
    @DisplayName(
            "alert: the intent with the largest |z|, its z and the |z| > 3 rule pass; sign, sqrt(clicks) and 1.96 fail")
    void alert() {
        Table test = ClickDesignData.clicks(ALICE, Period.YESTERDAY);
        double[] p = test.doubleColumn("past_ctr").asDoubleArray(); // a crude model: the ad's past CTR
        Object[] w = worst(test, p);
        double z = (double) w[1];
        MapAnswers base = new MapAnswers(ALICE).with("pClick", p).with("worstIntent", w[0]);
        passes("lesson14-alert", base.with("worstZ", z).with("retrain", Math.abs(z) > 3));
        hints(
                "lesson14-alert",
                base.with("worstZ", -z).with("retrain", Math.abs(z) > 3),
                "the sign is the wrong way round");
        hints("lesson14-alert", base.with("worstZ", z).with("retrain", Math.abs(z) <= 3), "");
        hints("lesson14-alert", base.with("worstZ", z * 1000).with("retrain", true), "worstZ is");
        String other = test.stringColumn("intent").unique().asList().stream()
                .filter(i -> !i.equals(w[0]))
                .findFirst()
                .orElseThrow();
        hints(
                "lesson14-alert",
                new MapAnswers(ALICE)
                        .with("pClick", p)
                        .with("worstIntent", other)
                        .with("worstZ", z)
                        .with("retrain", Math.abs(z) > 3),
                "");
        hints(
                "lesson14-alert",
                base.with("worstIntent", "travel").with("worstZ", z).with("retrain", true),
                "worstIntent is \"travel\"");
        hints(
                "lesson14-alert",
                base.with("pClick", Arrays.copyOf(p, 10)).with("worstZ", z).with("retrain", true),
                "pClick has 10 predictions");

        // a model that is 1.3 times too high on one intent: the z of that intent is far beyond 3, retraining is due
        double[] high = p.clone();
        for (int i = 0; i < high.length; i++) {
            if (test.stringColumn("intent").get(i).equals(w[0])) high[i] = Math.min(1, 1.3 * high[i]);
        }
        Object[] h = worst(test, high);
        assertTrue(Math.abs((double) h[1]) > 3, "a 30% miscalibration should be beyond chance: " + h[1]);
        passes(
                "lesson14-alert",
                new MapAnswers(ALICE)
                        .with("pClick", high)
                        .with("worstIntent", h[0])
                        .with("worstZ", h[1])
                        .with("retrain", true));
        CheckResult at196 = check(
                "lesson14-alert",
                new MapAnswers(ALICE)
                        .with("pClick", high)
                        .with("worstIntent", h[0])
                        .with("worstZ", h[1])
                        .with("retrain", false));
        assertFalse(at196.passed());

        Table bobTest = ClickDesignData.clicks(BOB, Period.YESTERDAY);
        double[] bobP = bobTest.doubleColumn("past_ctr").asDoubleArray();
        assertNotEquals(z, (double) worst(bobTest, bobP)[1], "two candidates get the same z");
        assertFalse(
                check(
                                "lesson14-alert",
                                new MapAnswers(BOB)
                                        .with("pClick", bobP)
                                        .with("worstIntent", w[0])
                                        .with("worstZ", z)
                                        .with("retrain", Math.abs(z) > 3))
                        .passed(),
                "a neighbour's z passed");
    }
}
