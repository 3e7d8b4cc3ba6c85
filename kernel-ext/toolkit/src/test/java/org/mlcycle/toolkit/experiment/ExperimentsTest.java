package org.mlcycle.toolkit.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.datasets.AdWorld;
import tech.tablesaw.api.Table;

class ExperimentsTest {

    /*
     * Reference values computed independently with Debian's python3-scipy (scipy 1.10):
     *
     *   from scipy.stats import norm; import math
     *   def n(p1, p2, alpha, power):
     *       p = (p1 + p2) / 2
     *       a = norm.ppf(1 - alpha / 2) * math.sqrt(2 * p * (1 - p))
     *       b = norm.ppf(power) * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
     *       return (a + b) ** 2 / (p2 - p1) ** 2
     *
     * The last case is R's own example, power.prop.test(p1 = .50, p2 = .75, power = .90): n = 76.7.
     */
    @Test
    @DisplayName("sample size per arm matches the normal-approximation formula of R's power.prop.test")
    void sampleSizeMatchesReference() {
        assertSize(80681.38028240837, 0.02, 0.10, 0.05, 0.8);
        assertSize(45361.42147002793, 0.035, 0.10, 0.05, 0.8);
        assertSize(7280.987881402509, 0.1, 0.20, 0.01, 0.9);
        assertSize(1564.6720527749535, 0.5, -0.10, 0.05, 0.8);
        assertSize(76.70692845177743, 0.5, 0.5, 0.05, 0.9);
        SampleSize plan = Experiments.sampleSize(0.02, 0.10, 0.05, 0.8);
        assertEquals(80_682, plan.perArm());
        assertTrue(plan.toText().contains("80,682 impressions per arm"), plan.toText());
    }

    private static void assertSize(double expected, double baseline, double lift, double alpha, double power) {
        SampleSize s = Experiments.sampleSize(baseline, lift, alpha, power);
        assertEquals(expected, s.exact(), expected * 1e-5, () -> "n for " + baseline + " +" + lift);
        assertEquals((long) Math.ceil(expected), s.perArm());
    }

    @Test
    @DisplayName("a lift of zero or a CTR outside (0, 1) is refused with what is wrong")
    void badPlan() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Experiments.sampleSize(0.02, 0, 0.05, 0.8));
        assertTrue(e.getMessage().contains("lift must be non-zero"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Experiments.sampleSize(1.5, 0.1, 0.05, 0.8));
        assertTrue(e.getMessage().contains("baseline CTR"), e.getMessage());
    }

    @Test
    @DisplayName(
            "over 500 simulated tests of the planned size, the share that detects the lift is near the planned power")
    void realisedPowerIsNearPlanned() {
        SampleSize plan = Experiments.sampleSize(0.03, 0.10, 0.05, 0.8);
        double realised = Experiments.realisedPower(plan, 500, 5); // standard error 0.018 at 500 tests
        assertEquals(0.8, realised, 0.07, "realised power");
        // and half the planned size has clearly less power
        SampleSize half = new SampleSize(
                plan.baseline(), plan.target(), plan.alpha(), plan.power(), plan.exact() / 2, plan.perArm() / 2);
        assertTrue(Experiments.realisedPower(half, 500, 5) < 0.65);
    }

    @Test
    @DisplayName("peeking at an A/A test every day finds 'significant' results far above 5%; one look stays near 5%")
    void peekingInflatesFalsePositives() {
        PeekingReport peek = Experiments.peeking(0.03, 4_000, 14, 2_000, 0.05, 11);
        assertTrue(peek.falsePositiveRatePeeking() > 0.10, peek.toText());
        assertEquals(0.05, peek.falsePositiveRateOnce(), 0.015, peek.toText());
        assertTrue(peek.falsePositiveRatePeeking() > 2 * peek.falsePositiveRateOnce(), peek.toText());
        assertEquals(peek.stoppedByDay().get(13), (int) Math.round(peek.falsePositiveRatePeeking() * 2_000));
    }

    @Test
    @DisplayName("binomial draws have the right mean")
    void binomialMean() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        long sum = 0;
        for (int i = 0; i < 2_000; i++) sum += Experiments.binomial(r, 10_000, 0.03);
        assertEquals(300, sum / 2_000.0, 1.5);
        assertEquals(10_000 - 300, Experiments.binomial(r, 10_000, 0.97), 80);
    }

    private static final AdWorld WORLD = AdWorld.standard();

    /** Scores that show the legacy rule's ads; records the requests it was asked about. */
    private static Arm legacyLike(String name, Set<Integer> seen) {
        return new Arm(
                name,
                t -> {
                    double[] s = new double[t.rowCount()];
                    for (int i = 0; i < s.length; i++) {
                        seen.add(t.intColumn("request").getInt(i));
                        boolean ok = !t.stringColumn("intent").get(i).equals("informational")
                                && t.stringColumn("kw_match").get(i).equals("exact");
                        s[i] = ok
                                ? t.doubleColumn("bid_cpc").getDouble(i)
                                        * t.doubleColumn("past_ctr").getDouble(i)
                                : 0;
                    }
                    return s;
                },
                0.025);
    }

    private static Arm showEverything(String name, Set<Integer> seen) {
        return new Arm(
                name,
                t -> {
                    for (int i = 0; i < t.rowCount(); i++)
                        seen.add(t.intColumn("request").getInt(i));
                    return t.doubleColumn("text_sim").asDoubleArray();
                },
                0.0);
    }

    @Test
    @DisplayName(
            "an A/B run puts each request in exactly one arm, about half each, and is the same under the same seed")
    void abRunIsRandomizedAndDeterministic() {
        AbOptions options = AbOptions.of(1_000, 4);
        Set<Integer> control = new HashSet<>(), treatment = new HashSet<>();
        AbResult ab =
                Experiments.run(WORLD, legacyLike("legacy", control), showEverything("everything", treatment), options);
        Set<Integer> both = new HashSet<>(control);
        both.retainAll(treatment);
        assertTrue(both.isEmpty(), "arms share requests: " + both.size());
        assertEquals(4_000, control.size() + treatment.size());
        assertEquals(control.size(), ab.control().requests());
        assertEquals(treatment.size(), ab.treatment().requests());
        assertEquals(0.5, treatment.size() / 4_000.0, 0.03);
        for (int r : treatment) assertTrue(Experiments.treated(options.seed(), r, 0.5));
        for (int r : control) assertFalse(Experiments.treated(options.seed(), r, 0.5));

        AbResult again = Experiments.run(
                WORLD, legacyLike("legacy", new HashSet<>()), showEverything("everything", new HashSet<>()), options);
        assertEquals(ab.control().clicks(), again.control().clicks());
        assertEquals(ab.treatment().impressions(), again.treatment().impressions());
        assertEquals(ab.pValue(), again.pValue());
        AbResult other = Experiments.run(
                WORLD,
                legacyLike("legacy", new HashSet<>()),
                showEverything("everything", new HashSet<>()),
                options.withSeed(99));
        assertTrue(other.control().clicks() != ab.control().clicks()
                || other.treatment().impressions() != ab.treatment().impressions());

        // showing every candidate puts up to three ads on every request, legacy far fewer, at a lower CTR
        assertTrue(ab.treatment().impressionsPerRequest() > 2 * ab.control().impressionsPerRequest(), ab.toText());
        assertTrue(ab.ctrDifference() < 0 && ab.ctrDifferenceHigh() < 0 && ab.significant(), ab.toText());
        assertTrue(ab.control().ctrLow() < ab.control().ctr()
                && ab.control().ctr() < ab.control().ctrHigh());
        assertTrue(ab.revenueDifferenceLow() <= ab.revenueDifference()
                && ab.revenueDifference() <= ab.revenueDifferenceHigh());
        assertTrue(ab.toHtml().contains("treatment - control"));
    }

    @Test
    @DisplayName("an A/A run (the same policy in both arms) finds no difference")
    void aaRunFindsNothing() {
        AbResult aa = Experiments.run(
                WORLD,
                legacyLike("A", new HashSet<>()),
                legacyLike("A again", new HashSet<>()),
                AbOptions.of(2_000, 3));
        assertTrue(aa.ctrDifferenceLow() < 0 && aa.ctrDifferenceHigh() > 0, aa.toText());
        assertTrue(aa.revenueDifferenceLow() < 0 && aa.revenueDifferenceHigh() > 0, aa.toText());
    }

    @Test
    @DisplayName("fresh traffic is new: its requests differ from yesterday's served candidates")
    void freshTrafficIsNew() {
        Table fresh = WORLD.freshCandidates("t", 200);
        Table yesterday = WORLD.servedCandidates(org.mlcycle.toolkit.datasets.Period.YESTERDAY, 200);
        assertFalse(fresh.intColumn("ad_id")
                .asList()
                .equals(yesterday.intColumn("ad_id").asList()));
        assertEquals(0, fresh.intColumn("day").min());
        assertEquals(
                fresh.intColumn("ad_id").asList(),
                WORLD.freshCandidates("t", 200).intColumn("ad_id").asList());
    }

    @Test
    @DisplayName("an arm whose scores do not match its rows is refused with the counts named")
    void wrongScores() {
        Arm broken = new Arm("broken", t -> new double[3], 0.5);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Experiments.run(WORLD, legacyLike("legacy", new HashSet<>()), broken, AbOptions.of(100, 1)));
        assertTrue(e.getMessage().contains("arm broken") && e.getMessage().contains("got 3"), e.getMessage());
    }
}
