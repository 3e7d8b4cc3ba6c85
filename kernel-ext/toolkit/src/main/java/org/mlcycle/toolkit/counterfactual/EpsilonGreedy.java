package org.mlcycle.toolkit.counterfactual;

import org.mlcycle.toolkit.support.Require;

/**
 * A one-slot serving policy: show the candidate the model rates highest when its estimated CTR is
 * at least {@code threshold} (else show nothing, slot -1), except on a random share {@code epsilon}
 * of requests, where one of the eight candidates is shown, picked uniformly (exploration). The
 * chance of each choice, its propensity, is known exactly, which is what makes the log reusable
 * for evaluating other policies. With {@code epsilon} 0 it is the greedy policy.
 */
public record EpsilonGreedy(String name, AdCtrModel model, double threshold, double epsilon) {

    public EpsilonGreedy {
        Require.that(name != null && !name.isBlank(), "epsilon-greedy", "the policy needs a name");
        Require.that(model != null, "epsilon-greedy", "model is null");
        Require.that(
                threshold >= 0 && threshold < 1,
                "epsilon-greedy",
                "the threshold must be in [0, 1), got %s",
                threshold);
        Require.that(epsilon >= 0 && epsilon <= 1, "epsilon-greedy", "epsilon must be in [0, 1], got %s", epsilon);
    }

    /** The greedy policy of {@code model}. */
    public static EpsilonGreedy greedy(String name, AdCtrModel model, double threshold) {
        return new EpsilonGreedy(name, model, threshold, 0);
    }

    /** The slot the model rates highest (the first of equals), or -1 when even that one is below the threshold. */
    public int best(Candidates c, int request) {
        int best = 0;
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < Candidates.PER_REQUEST; k++) {
            double e = model.estimate(c.ad(request, k), c.pastCtr(request, k));
            if (e > top) {
                top = e;
                best = k;
            }
        }
        return top >= threshold ? best : -1;
    }

    /** The chance that the policy shows slot {@code slot} (-1: nothing) of the request whose greedy choice is {@code best}. */
    public double propensity(int best, int slot) {
        return (slot == best ? 1 - epsilon : 0) + (slot >= 0 ? epsilon / Candidates.PER_REQUEST : 0);
    }
}
