package org.mlcycle.course.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.exercises.CheckResult;
import org.mlcycle.toolkit.exercises.Exercises;
import org.mlcycle.toolkit.exercises.MapAnswers;
import org.mlcycle.toolkit.exercises.Variant;
import org.mlcycle.toolkit.imbalance.Thresholds;
import org.mlcycle.toolkit.labels.AgreementReport;
import org.mlcycle.toolkit.metrics.Interval;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.Table;

/**
 * Lessons 6, 7 and 11 give each student their own data: the checks rebuild the expected answer from
 * the student's seed, so two students' answers differ and a neighbour's answer fails.
 */
class SeededLessonExercisesTest {
    private static final Exercises ALL = Exercises.loaded();
    private static final long ALICE = Variant.seed("alice"), BOB = Variant.seed("bob");
    private static ServingModel plain;

    @BeforeAll
    static void trainTheLessonsKindOfModel() {
        // the lesson's plain model: logistic regression on targeted pairs (here another world's, for speed)
        Table fit = Lesson06Data.validation(Variant.seed("teacher"));
        plain = ServingModel.train(
                fit,
                FeatureOptions.of(
                        "label",
                        List.of("text_sim", "landing_score", "past_ctr", "n_tokens"),
                        List.of("kw_match", "intent", "brand_rel", "device")),
                new LogisticRegressionTrainer());
    }

    private static CheckResult check(String id, MapAnswers answers) {
        return ALL.get(id).check(answers);
    }

    private static double alwaysShowF1(long seed) {
        boolean[] a = Lesson06Data.actual(Lesson06Data.validation(seed));
        long pos = 0;
        for (boolean x : a) pos += x ? 1 : 0;
        double p = pos / (double) a.length;
        return 2 * p / (p + 1);
    }

    @Test
    @DisplayName("lesson 6: F1 of always showing is each student's own; a neighbour's fails, precision is named")
    void alwaysShowF1PerStudent() {
        double alice = alwaysShowF1(ALICE), bob = alwaysShowF1(BOB);
        assertNotEquals(alice, bob, 1e-6);
        assertTrue(check("lesson06-always-show-f1", new MapAnswers(ALICE).with("alwaysShowF1", alice))
                .passed());
        assertFalse(check("lesson06-always-show-f1", new MapAnswers(ALICE).with("alwaysShowF1", bob))
                .passed());
        double precision = alice / (2 - alice); // F1 = 2P / (P + 1)  <=>  P = F1 / (2 - F1)
        assertTrue(check("lesson06-always-show-f1", new MapAnswers(ALICE).with("alwaysShowF1", precision))
                .message()
                .startsWith("that is the precision"));
    }

    private static MapAnswers costAnswers(long seed, double threshold, Interval saving, boolean claim) {
        return new MapAnswers(seed)
                .with("plain", plain)
                .with("gainGood", 0.02)
                .with("costBad", 0.08)
                .with("myThreshold", threshold)
                .with("savingLow", saving.low())
                .with("savingHigh", saving.high())
                .with("claimSaving", claim);
    }

    @Test
    @DisplayName(
            "lesson 6: a threshold chosen on chooseOn and judged on judgeOn passes; chosen on judgeOn, 0.5, best F1,"
                    + " judged on chooseOn, a wrong claim and a neighbour's answer fail")
    void costThreshold() {
        double[] thresholds = new double[2];
        Interval[] savings = new Interval[2];
        long[] seeds = {ALICE, BOB};
        for (int k = 0; k < 2; k++) {
            Table choose = Lesson06Data.chooseOn(seeds[k]), judge = Lesson06Data.judgeOn(seeds[k]);
            boolean[] ac = Lesson06Data.actual(choose), aj = Lesson06Data.actual(judge);
            double[] pc = plain.predict(choose).doubleColumn("p_1").asDoubleArray();
            double[] pj = plain.predict(judge).doubleColumn("p_1").asDoubleArray();
            thresholds[k] = Lesson06Data.cheapestThreshold(ac, pc, 0.02, 0.08);
            savings[k] = Lesson06Data.saving(aj, pj, thresholds[k], 0.02, 0.08);
            boolean claim = savings[k].low() > 0;
            assertTrue(check("lesson06-cost-threshold", costAnswers(seeds[k], thresholds[k], savings[k], claim))
                    .passed());
            assertTrue(check("lesson06-cost-threshold", costAnswers(seeds[k], thresholds[k], savings[k], !claim))
                    .message()
                    .contains(claim ? "Claim it" : "Do not claim it"));
            double f1 = Thresholds.maximiseF1(ac, pc).threshold();
            assertTrue(thresholds[k] > f1, "a costly bad show asks for a higher threshold than best F1");
            assertTrue(check("lesson06-cost-threshold", costAnswers(seeds[k], f1, savings[k], claim))
                    .message()
                    .startsWith("that threshold maximises F1"));
            double onJudge = Lesson06Data.cheapestThreshold(aj, pj, 0.02, 0.08);
            CheckResult peeked = check("lesson06-cost-threshold", costAnswers(seeds[k], onJudge, savings[k], claim));
            assertTrue(peeked.passed() || peeked.message().contains("judge on must not also choose"), peeked.message());
            Interval onChoose = Lesson06Data.saving(ac, pc, thresholds[k], 0.02, 0.08);
            assertTrue(
                    check("lesson06-cost-threshold", costAnswers(seeds[k], thresholds[k], onChoose, onChoose.low() > 0))
                            .message()
                            .contains("measured on chooseOn"));
        }
        assertNotEquals(thresholds[0], thresholds[1], 1e-12);
        assertFalse(
                check("lesson06-cost-threshold", costAnswers(ALICE, thresholds[1], savings[1], savings[1].low() > 0))
                        .passed(),
                "Bob's threshold and saving are not Alice's answer");
    }

    @Test
    @DisplayName("lesson 5: the slice with the lowest kappa passes; a well-agreeing slice and p_o fail; seeds differ")
    void sliceKappa() {
        double[] lowest = new double[2];
        long[] seeds = {ALICE, BOB};
        for (int k = 0; k < 2; k++) {
            Table pairs = Lesson05Data.pairs(seeds[k]);
            Map<String, AgreementReport> bySlice = Lesson05Data.agreementBySlice(pairs);
            String worst = null, best = null;
            for (var e : bySlice.entrySet()) {
                double kappa = e.getValue().kappa();
                if (Lesson05Data.shows(e.getValue()) < Lesson05Data.MIN_SHOWS) {
                    if (!Double.isNaN(kappa)) {
                        assertTrue(check(
                                        "lesson05-slice-kappa",
                                        new MapAnswers(seeds[k])
                                                .with("recheckSlice", e.getKey())
                                                .with("recheckKappa", kappa))
                                .message()
                                .contains("too few"));
                    }
                    continue;
                }
                if (worst == null || kappa < bySlice.get(worst).kappa()) worst = e.getKey();
                if (best == null || kappa > bySlice.get(best).kappa()) best = e.getKey();
            }
            assertEquals("navigational x competitor", worst, "the ambiguous guideline shows in that slice");
            lowest[k] = bySlice.get(worst).kappa();
            MapAnswers answer = new MapAnswers(seeds[k]).with("recheckSlice", worst);
            assertTrue(check("lesson05-slice-kappa", answer.with("recheckKappa", lowest[k]))
                    .passed());
            assertTrue(check(
                            "lesson05-slice-kappa",
                            answer.with("recheckKappa", bySlice.get(worst).observedAgreement()))
                    .message()
                    .startsWith("that is the slice's observed agreement"));
            CheckResult wrong = check(
                    "lesson05-slice-kappa",
                    new MapAnswers(seeds[k])
                            .with("recheckSlice", best)
                            .with("recheckKappa", bySlice.get(best).kappa()));
            assertFalse(wrong.passed());
            assertFalse(
                    wrong.message().contains(String.format(java.util.Locale.ROOT, "%.3f", lowest[k])),
                    "the hint does not give the answer away");
            assertTrue(check(
                            "lesson05-slice-kappa",
                            new MapAnswers(seeds[k])
                                    .with("recheckSlice", "travel")
                                    .with("recheckKappa", 0.0))
                    .message()
                    .contains("name one of"));
        }
        assertNotEquals(lowest[0], lowest[1], 1e-12);
        assertFalse(
                check(
                                "lesson05-slice-kappa",
                                new MapAnswers(BOB)
                                        .with("recheckSlice", "navigational x competitor")
                                        .with("recheckKappa", lowest[0]))
                        .passed(),
                "Alice's kappa is not Bob's");
    }

    private static MapAnswers alertAnswers(long seed, String column, double threshold) {
        Lesson07Data.Draws d = Lesson07Data.draws(seed);
        return new MapAnswers(seed)
                .with("alertColumn", column)
                .with("alertThreshold", threshold)
                .with(
                        "psiHarmless",
                        Lesson07Data.drift(d, d.harmless()).column(column).psi())
                .with(
                        "psiHarmful",
                        Lesson07Data.drift(d, d.harmful()).column(column).psi());
    }

    @Test
    @DisplayName("lesson 7: the harmless sample moves device as much as the harmful one, and nothing else much")
    void harmlessShiftMovesOnlyDevice() {
        Lesson07Data.Draws d = Lesson07Data.draws(ALICE);
        double deviceHarmless =
                Lesson07Data.drift(d, d.harmless()).column("device").psi();
        double deviceHarmful =
                Lesson07Data.drift(d, d.harmful()).column("device").psi();
        assertTrue(
                deviceHarmless > 0.1 && Math.abs(deviceHarmless - deviceHarmful) < 0.05,
                deviceHarmless + " vs " + deviceHarmful);
        assertTrue(Lesson07Data.drift(d, d.harmless()).column("query_category").psi() < 0.02);
        assertTrue(Lesson07Data.drift(d, d.harmful()).column("query_category").psi() > 0.1);
    }

    @Test
    @DisplayName(
            "lesson 7: an alert on query category passes; on device it fires on the harmless shift; a neighbour's PSIs fail")
    void driftAlert() {
        assertTrue(check("lesson07-drift-alert", alertAnswers(ALICE, "query_category", 0.1))
                .passed());
        assertTrue(check("lesson07-drift-alert", alertAnswers(ALICE, "device", 0.1))
                .message()
                .contains("also fires on the harmless shift"));
        assertTrue(check("lesson07-drift-alert", alertAnswers(ALICE, "query_category", 5))
                .message()
                .contains("stays silent on the harmful shift"));
        MapAnswers bobs = alertAnswers(BOB, "query_category", 0.1);
        MapAnswers copied = new MapAnswers(ALICE)
                .with("alertColumn", "query_category")
                .with("alertThreshold", 0.1)
                .with("psiHarmless", bobs.value("psiHarmless"))
                .with("psiHarmful", bobs.value("psiHarmful"));
        assertNotEquals(alertAnswers(ALICE, "query_category", 0.1).value("psiHarmful"), bobs.value("psiHarmful"));
        assertFalse(check("lesson07-drift-alert", copied).passed(), "Bob's PSIs are not Alice's");
        assertTrue(check(
                        "lesson07-drift-alert",
                        new MapAnswers(ALICE)
                                .with("alertColumn", "no_such")
                                .with("alertThreshold", 0.1)
                                .with("psiHarmless", 0.0)
                                .with("psiHarmful", 0.2))
                .message()
                .contains("no column"));
    }

    @Test
    @DisplayName("lesson 7: device PSI by hand on each student's samples; the reversed logarithm is named")
    void devicePsi() {
        Lesson07Data.Draws a = Lesson07Data.draws(ALICE), b = Lesson07Data.draws(BOB);
        double alice = Lesson07Data.drift(a, a.harmful()).column("device").psi();
        double bob = Lesson07Data.drift(b, b.harmful()).column("device").psi();
        assertNotEquals(alice, bob, 1e-6);
        assertTrue(check("lesson07-device-psi", new MapAnswers(ALICE).with("devicePsi", alice))
                .passed());
        assertFalse(check("lesson07-device-psi", new MapAnswers(ALICE).with("devicePsi", bob))
                .passed());
        assertTrue(check("lesson07-device-psi", new MapAnswers(ALICE).with("devicePsi", -alice))
                .message()
                .contains("cannot be negative"));
    }

    /** n per arm by the textbook formula, with the z values written out (1.959964, and 0.841621 or 1.281552). */
    private static long perArm(Lesson11Data.Plan plan) {
        double p1 = plan.baselineCtr(), p2 = p1 * (1 + plan.relativeLift()), p = (p1 + p2) / 2;
        double zPower = plan.power() == 0.8 ? 0.841621 : 1.281552;
        double n =
                Math.pow(1.959964 * Math.sqrt(2 * p * (1 - p)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)), 2)
                        / Math.pow(p2 - p1, 2);
        return (long) Math.ceil(n);
    }

    /** The design effect of CTR per request, by hand: the delta-method variance over the binomial one. */
    private static double designEffect(Lesson11Data.Plan plan) {
        double[] x = plan.clicks(), y = plan.impressions();
        int n = x.length;
        double sx = 0, sy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
        }
        double r = sx / sy, ybar = sy / n, ss = 0;
        for (int i = 0; i < n; i++) ss += Math.pow(x[i] - r * y[i], 2);
        double delta = ss / (n - 1) / n / (ybar * ybar);
        return delta / (r * (1 - r) / sy);
    }

    private static MapAnswers sized(long seed, double deff, long perArm, long days) {
        return new MapAnswers(seed)
                .with("myDesignEffect", deff)
                .with("myPerArm", perArm)
                .with("myDays", (int) days);
    }

    @Test
    @DisplayName("lesson 11: each student sizes their own test with their design effect; per impression, both arms,"
            + " too few days and a neighbour's size fail")
    void sampleSize() {
        Lesson11Data.Plan alice = Lesson11Data.plan(ALICE), bob = Lesson11Data.plan(BOB);
        double deff = designEffect(alice), bobDeff = designEffect(bob);
        assertTrue(
                deff > 1.1 && bobDeff > 1.1,
                "the seeded traffic clusters clicks in requests: " + deff + ", " + bobDeff);
        assertNotEquals(perArm(alice), perArm(bob));
        assertNotEquals(deff, bobDeff);
        long naive = perArm(alice), n = (long) Math.ceil(naive * deff);
        long raw = (long) Math.ceil(2.0 * n / alice.impressionsPerDay());
        long days = 7 * Math.max(1, (raw + 6) / 7); // whole weeks
        assertTrue(check("lesson11-sample-size", sized(ALICE, deff, n, days)).passed());
        // a per-impression answer is told about the design effect, not given the answer
        long naiveDays = 7 * Math.max(1, ((long) Math.ceil(2.0 * naive / alice.impressionsPerDay()) + 6) / 7);
        CheckResult perImpression = check("lesson11-sample-size", sized(ALICE, deff, naive, naiveDays));
        assertFalse(perImpression.passed());
        assertTrue(perImpression.message().contains("design effect"));
        assertFalse(perImpression.message().contains(String.format(java.util.Locale.ROOT, "%,d", n)));
        CheckResult independent = check("lesson11-sample-size", sized(ALICE, 1.0, naive, naiveDays));
        assertFalse(independent.passed());
        assertTrue(independent.message().contains("design effect"));
        assertFalse(
                check("lesson11-sample-size", sized(ALICE, 1 / deff, n, days)).passed());
        assertFalse(
                check("lesson11-sample-size", sized(ALICE, bobDeff, n, days)).passed(),
                "Bob's design effect is not Alice's");
        assertTrue(check("lesson11-sample-size", sized(ALICE, deff, 2 * n, days))
                .message()
                .contains("both arms together"));
        long bobN = (long) Math.ceil(perArm(bob) * bobDeff);
        assertFalse(check("lesson11-sample-size", sized(ALICE, deff, bobN, (long)
                        Math.ceil(2.0 * bobN / bob.impressionsPerDay())))
                .passed());
        // a size reached after 8 days (or any part of a week) runs to the end of the week
        for (int partial : new int[] {(int) days + 1, (int) days - 6}) {
            if (partial >= raw && partial % 7 != 0) {
                assertTrue(check("lesson11-sample-size", sized(ALICE, deff, n, partial))
                        .message()
                        .contains("whole weeks"));
            }
        }
        assertTrue(check("lesson11-sample-size", sized(ALICE, deff, n, days + 7))
                .message()
                .contains("rounded up to whole weeks"));
        long halfTraffic = (long) Math.ceil((double) n / alice.impressionsPerDay());
        if (halfTraffic != raw && 7 * Math.max(1, (halfTraffic + 6) / 7) != days) {
            assertTrue(check("lesson11-sample-size", sized(ALICE, deff, n, halfTraffic))
                    .message()
                    .contains("half of the day's impressions"));
        }
    }

    private static MapAnswers shipAnswers(long seed, double z, Boolean ship) {
        Lesson11Data.Result r = Lesson11Data.result(seed);
        double c = r.controlClicks() / (double) r.controlImpressions(),
                t = r.treatmentClicks() / (double) r.treatmentImpressions();
        double se = Math.sqrt(c * (1 - c) / r.controlImpressions() + t * (1 - t) / r.treatmentImpressions());
        double low = t - c - z * se;
        return new MapAnswers(seed)
                .with("myLow", low)
                .with("myHigh", t - c + z * se)
                .with("myShip", ship == null ? low > 0 && r.revenueHigh() > 0 : ship);
    }

    @Test
    @DisplayName("lesson 11: the rule's decision passes, the other fails; students differ in what the rule decides")
    void shipOrKeep() {
        assertTrue(check("lesson11-ship", shipAnswers(ALICE, 1.96, null)).passed());
        boolean rule = (Boolean) shipAnswers(ALICE, 1.96, null).value("myShip");
        assertFalse(check("lesson11-ship", shipAnswers(ALICE, 1.96, !rule)).passed());
        assertTrue(check("lesson11-ship", shipAnswers(ALICE, 1.645, rule))
                .message()
                .contains("90% interval"));
        Set<Boolean> decisions = new HashSet<>();
        for (int s = 0; s < 40; s++) {
            decisions.add(
                    (Boolean) shipAnswers(Variant.seed("s" + s), 1.96, null).value("myShip"));
        }
        assertEquals(Set.of(true, false), decisions, "some students should ship and some keep the control");
        MapAnswers bob = shipAnswers(BOB, 1.96, null);
        MapAnswers copied = new MapAnswers(ALICE)
                .with("myLow", bob.value("myLow"))
                .with("myHigh", bob.value("myHigh"))
                .with("myShip", bob.value("myShip"));
        assertFalse(check("lesson11-ship", copied).passed(), "Bob's interval is not Alice's");
    }

    @Test
    @DisplayName("lesson 11: the pooled z of each student's own test passes; the unpooled one is named")
    void zByHand() {
        Lesson11Data.Result r = Lesson11Data.result(ALICE);
        double cn = r.controlImpressions(), tn = r.treatmentImpressions();
        double c = r.controlClicks() / cn, t = r.treatmentClicks() / tn;
        double pooled = (r.controlClicks() + r.treatmentClicks()) / (cn + tn);
        double z = (t - c) / Math.sqrt(pooled * (1 - pooled) * (1 / cn + 1 / tn));
        assertTrue(check("lesson11-z", new MapAnswers(ALICE).with("myZ", z)).passed());
        assertFalse(check("lesson11-z", new MapAnswers(BOB).with("myZ", z)).passed(), "Alice's z is not Bob's");
        assertTrue(check("lesson11-z", new MapAnswers(ALICE).with("myZ", -z))
                .message()
                .contains("wrong way round"));
    }
}
