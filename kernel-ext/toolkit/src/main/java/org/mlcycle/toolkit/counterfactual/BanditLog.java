package org.mlcycle.toolkit.counterfactual;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.metrics.Bootstrap;
import org.mlcycle.toolkit.metrics.Interval;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.support.Require;

/**
 * What a one-slot policy did on a set of requests, as its log holds it: per request the slot shown,
 * its ad, the propensity of that choice, whether the request was in the exploration share, and the
 * click. The clicks are drawn from the simulator's click chances; a user's answer to a given ad on
 * a given request is fixed (drawn from the stream, the request and the slot), so two policies
 * showing the same ad on the same request get the same click.
 */
public final class BanditLog implements Rendered {
    private final String policy;
    private final double epsilon;
    private final Candidates candidates;
    private final int[] slot, best, click;
    private final double[] propensity;
    private final boolean[] explored;

    private BanditLog(
            String policy,
            double epsilon,
            Candidates candidates,
            int[] slot,
            int[] best,
            int[] click,
            double[] propensity,
            boolean[] explored) {
        this.policy = policy;
        this.epsilon = epsilon;
        this.candidates = candidates;
        this.slot = slot;
        this.best = best;
        this.click = click;
        this.propensity = propensity;
        this.explored = explored;
    }

    /**
     * Serves every request of {@code candidates} with {@code policy}; {@code seed} drives the
     * exploration draws (which requests explore, and which candidate they show).
     */
    public static BanditLog serve(Candidates candidates, EpsilonGreedy policy, long seed) {
        Require.that(candidates != null && policy != null, "bandit log", "candidates and policy are required");
        int n = candidates.requests();
        int[] slot = new int[n], best = new int[n], click = new int[n];
        double[] propensity = new double[n];
        boolean[] explored = new boolean[n];
        // Clicks: one uniform draw per candidate from the stream's own generator, so the user's answer
        // to an ad on a request is the same whichever policy shows it. Exploration: the seed's generator.
        java.util.SplittableRandom users =
                new java.util.SplittableRandom(candidates.stream().hashCode() * 0x9E3779B97F4A7C15L + 17);
        java.util.SplittableRandom coins = new java.util.SplittableRandom(seed);
        for (int r = 0; r < n; r++) {
            double[] u = new double[Candidates.PER_REQUEST];
            for (int k = 0; k < u.length; k++) u[k] = users.nextDouble();
            best[r] = policy.best(candidates, r);
            double explore = coins.nextDouble(), pick = coins.nextDouble();
            explored[r] = explore < policy.epsilon();
            slot[r] = explored[r] ? (int) (pick * Candidates.PER_REQUEST) : best[r];
            propensity[r] = policy.propensity(best[r], slot[r]);
            click[r] = slot[r] >= 0 && u[slot[r]] < candidates.trueCtr(r, slot[r]) ? 1 : 0;
        }
        return new BanditLog(policy.name(), policy.epsilon(), candidates, slot, best, click, propensity, explored);
    }

    public String policy() {
        return policy;
    }

    public double epsilon() {
        return epsilon;
    }

    public Candidates candidates() {
        return candidates;
    }

    public int requests() {
        return slot.length;
    }

    /** The slot shown on request {@code r} (0..7), -1 when nothing was shown. */
    public int slot(int r) {
        return slot[r];
    }

    /** The ad shown on request {@code r}, -1 when nothing was shown. */
    public int ad(int r) {
        return slot[r] < 0 ? -1 : candidates.ad(r, slot[r]);
    }

    /** 1 when the ad shown on request {@code r} was clicked. */
    public int click(int r) {
        return click[r];
    }

    /** The chance that the logging policy made the choice it made on request {@code r}. */
    public double propensity(int r) {
        return propensity[r];
    }

    /** True when request {@code r} was in the exploration share. */
    public boolean explored(int r) {
        return explored[r];
    }

    /** Every request's shown slot, click and propensity, as arrays (copies). */
    public int[] slots() {
        return slot.clone();
    }

    public int[] clicks() {
        return click.clone();
    }

    public double[] propensities() {
        return propensity.clone();
    }

    /** Clicks per request (one ad a request). */
    public double ctr() {
        long c = 0;
        for (int v : click) c += v;
        return c / (double) click.length;
    }

    /** The mean true click chance of the ads shown: the policy's value on these requests (the simulator's privilege). */
    public double trueCtr() {
        double s = 0;
        for (int r = 0; r < slot.length; r++) s += slot[r] < 0 ? 0 : candidates.trueCtr(r, slot[r]);
        return s / slot.length;
    }

    /** How many different ads were shown. */
    public int distinctAds() {
        Set<Integer> ads = new HashSet<>();
        for (int r = 0; r < slot.length; r++) if (slot[r] >= 0) ads.add(ad(r));
        return ads.size();
    }

    /** Requests on which an ad was shown. */
    public int shown() {
        int k = 0;
        for (int v : slot) k += v >= 0 ? 1 : 0;
        return k;
    }

    /** Requests in the exploration share. */
    public int exploredRequests() {
        int k = 0;
        for (boolean e : explored) k += e ? 1 : 0;
        return k;
    }

    /**
     * Clicks per request lost to exploration, measured on the log: epsilon times the difference
     * between the click rate of the greedy requests and of the exploring ones (the exploring share
     * is chosen at random, so each part is a fair sample of its policy), with a bootstrap interval
     * over requests.
     */
    public Interval explorationCost() {
        Require.that(
                epsilon > 0 && exploredRequests() > 0 && exploredRequests() < requests(),
                "exploration cost",
                "the log needs both greedy and exploring requests (epsilon %s, %d exploring)",
                epsilon,
                exploredRequests());
        return Bootstrap.over("clicks per request lost to exploration", requests(), idx -> {
            double g = 0, e = 0;
            int ng = 0, ne = 0;
            for (int i : idx) {
                if (explored[i]) {
                    e += click[i];
                    ne++;
                } else {
                    g += click[i];
                    ng++;
                }
            }
            return ng == 0 || ne == 0 ? Double.NaN : epsilon * (g / ng - e / ne);
        });
    }

    /** The same loss from the simulator's click chances (its privilege): epsilon x (greedy's value - uniform's value). */
    public double explorationCostTruth() {
        double g = 0, u = 0;
        for (int r = 0; r < slot.length; r++) {
            g += best[r] < 0 ? 0 : candidates.trueCtr(r, best[r]);
            for (int k = 0; k < Candidates.PER_REQUEST; k++) u += candidates.trueCtr(r, k) / Candidates.PER_REQUEST;
        }
        return epsilon * (g - u) / slot.length;
    }

    @Override
    public String toText() {
        return headline("en");
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.bandit.headline",
                policy,
                requests(),
                exploredRequests(),
                epsilon,
                shown(),
                (long) Math.round(ctr() * requests()),
                ctr(),
                distinctAds());
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new java.util.ArrayList<>();
        for (int r = 0; r < Math.min(5, requests()); r++) {
            rows.add(List.of(
                    r,
                    slot[r],
                    ad(r),
                    Messages.get(explored[r] ? "report.bandit.yes" : "report.bandit.no"),
                    String.format(Locale.ROOT, "%.4f", propensity[r]),
                    click[r]));
        }
        return Html.translatedReport(
                headline(Messages.language()),
                Html.table(
                        Html.headers("report.bandit.", "request", "slot", "ad", "exploring", "propensity", "click"),
                        rows));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policy);
        m.put("epsilon", epsilon);
        m.put("requests", requests());
        m.put("exploring", exploredRequests());
        m.put("ctr", ctr());
        m.put("distinct_ads", distinctAds());
        return m;
    }

    @Override
    public String toString() {
        return toText();
    }
}
