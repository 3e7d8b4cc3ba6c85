package org.mlcycle.toolkit.counterfactual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OffPolicyTest {
    static final int ADS = 400;
    /** The old policy shows an ad only when its estimate is at least this: on about two requests in three. */
    static final double THRESHOLD = 0.06;

    /**
     * Requests whose eight candidates' click chances are known, and a model that rates ads by a noisy
     * past CTR. Half the requests (the odd ones) are searches on which every ad is clicked a third as
     * often, and the past CTR the model sees says so: the old policy mostly shows nothing there.
     */
    static Candidates world(String stream, int requests, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] quality = new double[ADS], past = new double[ADS];
        SplittableRandom fixed = new SplittableRandom(7); // the same ads in every stream
        for (int a = 0; a < ADS; a++) {
            quality[a] = 0.005 + 0.08 * Math.pow(fixed.nextDouble(), 3);
            past[a] = Math.max(1e-4, quality[a] * Math.exp(0.8 * fixed.nextGaussian()));
        }
        int n = requests * Candidates.PER_REQUEST;
        int[] ad = new int[n];
        double[] pastCtr = new double[n], truth = new double[n];
        for (int i = 0; i < n; i++) {
            ad[i] = random.nextInt(ADS);
            double context = (i / Candidates.PER_REQUEST) % 2 == 0 ? 1.5 : 0.5;
            pastCtr[i] = past[ad[i]] * context;
            truth[i] = quality[ad[i]] * context;
        }
        return new Candidates(stream, ad, pastCtr, truth);
    }

    static AdCtrModel model() {
        return AdCtrModel.prior(ADS, 10, 1);
    }

    @Test
    @DisplayName("every request's propensities over show-nothing and the eight slots sum to one")
    void propensitiesSumToOne() {
        EpsilonGreedy p = new EpsilonGreedy("p", model(), THRESHOLD, 0.1);
        for (int best = -1; best < Candidates.PER_REQUEST; best++) {
            double s = 0;
            for (int slot = -1; slot < Candidates.PER_REQUEST; slot++) s += p.propensity(best, slot);
            assertEquals(1, s, 1e-12);
        }
        BanditLog log = BanditLog.serve(world("s", 2_000, 1), p, 3);
        for (int r = 0; r < log.requests(); r++) {
            assertTrue(log.propensity(r) > 0, "a logged choice always had a chance");
            assertEquals(log.explored(r) || log.slot(r) == p.best(log.candidates(), r), true);
        }
        assertTrue(log.shown() > 0.5 * log.requests() && log.shown() < 0.85 * log.requests(), log::toText);
        assertEquals(0.1, log.exploredRequests() / (double) log.requests(), 0.02);
    }

    @Test
    @DisplayName("over 60 logs, IPS averages to the new policy's true click rate while the naive replay stays off")
    void ipsIsUnbiasedAndNaiveIsNot() {
        EpsilonGreedy logging = new EpsilonGreedy("old", model(), THRESHOLD, 0.1);
        EpsilonGreedy target = EpsilonGreedy.greedy("always", model(), 0);
        int logs = 60;
        double ips = 0, naive = 0, snips = 0, truth = 0;
        for (int k = 0; k < logs; k++) {
            BanditLog log = BanditLog.serve(world("log-" + k, 3_000, k), logging, 100 + k);
            int n = log.requests();
            double[] w = new double[n];
            int[] y = log.clicks(), all = new int[n];
            Arrays.setAll(all, i -> i);
            double matchedClicks = 0, matched = 0, t = 0;
            for (int r = 0; r < n; r++) {
                int choice = target.best(log.candidates(), r);
                t += choice < 0 ? 0 : log.candidates().trueCtr(r, choice);
                if (choice == log.slot(r)) {
                    w[r] = 1 / log.propensity(r);
                    matchedClicks += y[r];
                    matched++;
                }
            }
            ips += OffPolicy.ips(w, y, all) / logs;
            snips += OffPolicy.snips(w, y, all) / logs;
            naive += matchedClicks / matched / logs;
            truth += t / n / logs;
        }
        assertEquals(truth, ips, 0.03 * truth, "IPS is unbiased");
        assertEquals(truth, snips, 0.06 * truth, "SNIPS is nearly so (a ratio of two means: slightly biased)");
        String seen = "naive " + naive + ", truth " + truth;
        assertTrue(Math.abs(naive - truth) > 0.10 * truth, "the naive replay should be biased: " + seen);
    }

    @Test
    @DisplayName("on one log, the IPS interval covers the truth and IPS is closer to it than the naive replay")
    void oneLogReport() {
        BanditLog log = BanditLog.serve(world("one", 20_000, 5), new EpsilonGreedy("old", model(), THRESHOLD, 0.1), 9);
        OffPolicyReport report = OffPolicy.evaluate(log, EpsilonGreedy.greedy("always", model(), 0));
        assertTrue(
                report.ips().low() <= report.truth()
                        && report.truth() <= report.ips().high(),
                report::toText);
        assertTrue(
                Math.abs(report.ips().estimate() - report.truth())
                        < Math.abs(report.naive().estimate() - report.truth()),
                report::toText);
        assertTrue(report.toHtml().contains("privilege"), "the truth is labelled as the simulator's");
    }

    @Test
    @DisplayName(
            "exploring costs clicks: the measured cost's interval excludes zero, and over many logs it averages to the true cost")
    void explorationCost() {
        BanditLog log =
                BanditLog.serve(world("cost", 20_000, 6), new EpsilonGreedy("old", model(), THRESHOLD, 0.1), 11);
        var cost = log.explorationCost();
        assertTrue(cost.low() > 0, cost::toText);
        double measured = 0, truth = 0;
        for (int k = 0; k < 40; k++) {
            BanditLog one = BanditLog.serve(
                    world("cost-" + k, 5_000, 50 + k), new EpsilonGreedy("old", model(), THRESHOLD, 0.1), 200 + k);
            double g = 0, e = 0, ng = 0, ne = 0;
            for (int r = 0; r < one.requests(); r++) {
                if (one.explored(r)) {
                    e += one.click(r);
                    ne++;
                } else {
                    g += one.click(r);
                    ng++;
                }
            }
            measured += 0.1 * (g / ng - e / ne) / 40;
            truth += one.explorationCostTruth() / 40;
        }
        assertEquals(truth, measured, 0.1 * truth);
        BanditLog greedy = BanditLog.serve(log.candidates(), EpsilonGreedy.greedy("g", model(), THRESHOLD), 11);
        assertTrue(
                greedy.trueCtr() > log.trueCtr(), "the greedy policy's true click rate is higher on the same requests");
    }
}
