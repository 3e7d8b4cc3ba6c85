package org.mlcycle.toolkit.counterfactual;

import java.util.List;
import org.mlcycle.toolkit.metrics.Bootstrap;
import org.mlcycle.toolkit.metrics.Interval;
import org.mlcycle.toolkit.support.Require;

/**
 * The click rate a new, greedy policy would get, estimated from another policy's log without
 * serving it: three estimators, each with a bootstrap interval over the logged requests.
 *
 * <ul>
 *   <li><b>naive</b> (replay without weights): the click rate of the logged requests on which the new
 *       policy would have shown the same ad. Those requests are not a fair sample: they are mostly the
 *       ones where the old policy's favourite is also the new one's.</li>
 *   <li><b>IPS</b> (inverse propensity scoring, Horvitz-Thompson): the mean over all requests of
 *       click x 1[same choice] / propensity. Unbiased when every choice the new policy makes had a
 *       non-zero propensity in the log, which exploration guarantees.</li>
 *   <li><b>SNIPS</b> (self-normalized IPS): the same weighted clicks over the sum of the weights, a
 *       little biased but less variable.</li>
 * </ul>
 */
public final class OffPolicy {
    private OffPolicy() {}

    /** The three estimates of {@code target}'s click rate on {@code log}'s requests, with the simulator's truth beside them. */
    public static OffPolicyReport evaluate(BanditLog log, EpsilonGreedy target) {
        Require.that(log != null && target != null, "off-policy evaluation", "log and target are required");
        Require.that(
                target.epsilon() == 0,
                "off-policy evaluation",
                "the target must be a greedy policy, got epsilon %s",
                target.epsilon());
        int n = log.requests();
        Candidates c = log.candidates();
        double[] w = new double[n];
        int[] y = log.clicks();
        int matched = 0;
        double truth = 0;
        for (int r = 0; r < n; r++) {
            int choice = target.best(c, r);
            truth += choice < 0 ? 0 : c.trueCtr(r, choice);
            if (choice == log.slot(r)) {
                w[r] = 1 / log.propensity(r);
                matched++;
            }
        }
        truth /= n;
        Interval naive = Bootstrap.over("naive (matching requests, unweighted)", n, idx -> {
            double s = 0;
            int k = 0;
            for (int i : idx)
                if (w[i] > 0) {
                    s += y[i];
                    k++;
                }
            return k == 0 ? Double.NaN : s / k;
        });
        Interval ips = Bootstrap.over("IPS", n, idx -> ips(w, y, idx));
        Interval snips = Bootstrap.over("SNIPS", n, idx -> snips(w, y, idx));
        return new OffPolicyReport(
                log.policy(), target.name(), n, matched, List.of(naive, ips, snips), truth, log.ctr());
    }

    /** Inverse propensity scoring: the mean of weight x click over every request (a weight is 0 where the choices differ). */
    public static double ips(double[] weight, int[] click, int[] idx) {
        double s = 0;
        for (int i : idx) s += weight[i] * click[i];
        return s / idx.length;
    }

    /** Self-normalized IPS: the weighted clicks over the sum of the weights. */
    public static double snips(double[] weight, int[] click, int[] idx) {
        double s = 0, sw = 0;
        for (int i : idx) {
            s += weight[i] * click[i];
            sw += weight[i];
        }
        return sw == 0 ? Double.NaN : s / sw;
    }
}
