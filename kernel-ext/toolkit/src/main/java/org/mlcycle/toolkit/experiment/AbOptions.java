package org.mlcycle.toolkit.experiment;

import com.google.errorprone.annotations.CheckReturnValue;
import org.mlcycle.toolkit.support.Require;

/**
 * How an A/B test runs: {@code requestsPerDay} fresh requests a day for {@code days} days, a
 * request going to the treatment when the hash of its id and {@code seed} falls below {@code
 * treatmentShare}; intervals at level 1 - {@code alpha}.
 */
@CheckReturnValue
public record AbOptions(int requestsPerDay, int days, double treatmentShare, long seed, double alpha) {

    public AbOptions {
        Require.that(requestsPerDay > 0, "A/B options", "requests per day must be positive, got %d", requestsPerDay);
        Require.that(days > 0, "A/B options", "days must be positive, got %d", days);
        Require.that(
                treatmentShare > 0 && treatmentShare < 1,
                "A/B options",
                "the treatment share must be in (0, 1), got %s",
                treatmentShare);
        Require.that(alpha > 0 && alpha < 1, "A/B options", "alpha must be in (0, 1), got %s", alpha);
    }

    /** Half the traffic to each arm, alpha 0.05, seed 12. */
    public static AbOptions of(int requestsPerDay, int days) {
        return new AbOptions(requestsPerDay, days, 0.5, 12, 0.05);
    }

    public AbOptions withSeed(long seed) {
        return new AbOptions(requestsPerDay, days, treatmentShare, seed, alpha);
    }

    public AbOptions withAlpha(double alpha) {
        return new AbOptions(requestsPerDay, days, treatmentShare, seed, alpha);
    }

    /** All requests of the test. */
    public int requests() {
        return Math.multiplyExact(requestsPerDay, days);
    }
}
