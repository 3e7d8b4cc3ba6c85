package org.mlcycle.toolkit.counterfactual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.support.Require;

/**
 * A model that serves, logs what it showed, and is retrained on that log, round after round: each
 * round is a new batch of fresh requests (the same batches for every policy, so two loops differ
 * only by their choices), served one ad a request by an epsilon-greedy policy of the current
 * model, which then learns from the round's clicks.
 */
public final class FeedbackLoop {
    private FeedbackLoop() {}

    /** {@code rounds} batches of {@code requests} fresh requests each, one a round, the same for every loop. */
    public static List<Candidates> rounds(AdWorld world, int rounds, int requests) {
        Require.that(world != null, "feedback loop", "world is null");
        Require.that(
                rounds > 0 && requests > 0,
                "feedback loop",
                "rounds and requests must be positive, got %d, %d",
                rounds,
                requests);
        List<Candidates> out = new ArrayList<>();
        for (int round = 1; round <= rounds; round++)
            out.add(Candidates.fresh(world, "feedback-loop-round-" + round, requests));
        return List.copyOf(out);
    }

    /**
     * Serves the batches in order with {@code policy}'s threshold and epsilon, starting from its
     * model and retraining the model on each round's log before the next round.
     */
    public static LoopReport run(List<Candidates> batches, EpsilonGreedy policy, long seed) {
        Require.that(
                batches != null && !batches.isEmpty() && policy != null,
                "feedback loop",
                "batches and policy are required");
        AdCtrModel model = policy.model();
        List<LoopReport.Round> out = new ArrayList<>();
        int round = 0;
        for (Candidates c : batches) {
            round++;
            EpsilonGreedy now = new EpsilonGreedy(policy.name(), model, policy.threshold(), policy.epsilon());
            BanditLog log = BanditLog.serve(c, now, seed + round);
            double[] gap = estimateGap(model, c, policy.threshold());
            double predicted = 0, actual = 0;
            for (int r = 0; r < c.requests(); r++) {
                if (log.slot(r) < 0) continue;
                predicted += model.estimate(log.ad(r), c.pastCtr(r, log.slot(r)));
                actual += c.trueCtr(r, log.slot(r));
            }
            int shown = Math.max(1, log.shown());
            out.add(new LoopReport.Round(
                    round,
                    log.shown(),
                    log.distinctAds(),
                    model.adsSeen(),
                    log.ctr(),
                    log.trueCtr(),
                    predicted / shown,
                    actual / shown,
                    gap[0],
                    (int) gap[1],
                    (int) gap[2]));
            model = model.plus(log);
        }
        return new LoopReport(policy.name(), policy.epsilon(), batches.get(0).requests(), out, model);
    }

    /**
     * How far the model's estimates are from the truth over the round's candidates: the mean of
     * |estimate - true first-slot CTR| per ad (its true CTR averaged over its appearances),
     * weighted by appearances; then how many of the round's ads are good (true CTR at least the
     * threshold), and how many of those the model rates below it, so that greedy never shows them.
     */
    static double[] estimateGap(AdCtrModel model, Candidates c, double threshold) {
        Map<Integer, double[]> perAd = new HashMap<>(); // ad -> {appearances, sum of true CTR, past CTR}
        for (int r = 0; r < c.requests(); r++) {
            for (int k = 0; k < Candidates.PER_REQUEST; k++) {
                double[] a = perAd.computeIfAbsent(c.ad(r, k), x -> new double[3]);
                a[0]++;
                a[1] += c.trueCtr(r, k);
                a[2] = c.pastCtr(r, k);
            }
        }
        double all = 0, allN = 0, good = 0, hidden = 0;
        for (Map.Entry<Integer, double[]> e : perAd.entrySet()) {
            double[] a = e.getValue();
            double estimate = model.estimate(e.getKey(), a[2]), truth = a[1] / a[0];
            all += a[0] * Math.abs(estimate - truth);
            allN += a[0];
            if (truth >= threshold) {
                good++;
                hidden += estimate < threshold ? 1 : 0;
            }
        }
        return new double[] {all / allN, good, hidden};
    }

    /** The distinct ads shown per round, one line per loop. */
    public static XYChart distinctAdsChart(List<LoopReport> loops) {
        return chart(loops, "distinct ads shown per round", "distinct ads shown", r -> (double) r.distinctAds());
    }

    /** How far the model's estimates are from the truth at the start of each round, one line per loop. */
    public static XYChart estimateGapChart(List<LoopReport> loops) {
        return chart(
                loops,
                "mean |estimated - true CTR| over the round's candidates",
                "mean absolute gap",
                LoopReport.Round::estimateGap);
    }

    private static XYChart chart(
            List<LoopReport> loops,
            String title,
            String yTitle,
            java.util.function.Function<LoopReport.Round, Double> y) {
        Require.that(loops != null && !loops.isEmpty(), "feedback loop", "no loop to draw");
        List<Double> x = new ArrayList<>();
        for (LoopReport.Round r : loops.get(0).rounds()) x.add((double) r.round());
        Map<String, List<Double>> series = new java.util.LinkedHashMap<>();
        for (LoopReport l : loops)
            series.put(l.name(), l.rounds().stream().map(y).toList());
        return Charts.lines(title, "round", yTitle, x, series, "", Double.NaN);
    }
}
