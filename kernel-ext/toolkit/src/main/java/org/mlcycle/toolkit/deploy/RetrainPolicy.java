package org.mlcycle.toolkit.deploy;

import org.mlcycle.toolkit.support.Require;

/**
 * When a deployed model is retrained during a replay: never (static training), every {@code every}
 * windows (a schedule), or when the alert fires, at most once per {@code minGap} windows (dynamic).
 */
public record RetrainPolicy(String name, int every, boolean onAlert, int minGap) {

    public static RetrainPolicy never() {
        return new RetrainPolicy("never", 0, false, 0);
    }

    /** Retrain every {@code windows} windows, whatever the numbers say. */
    public static RetrainPolicy every(int windows) {
        Require.that(windows >= 1, "retrain policy", "a schedule needs at least 1 window, got %d", windows);
        return new RetrainPolicy("every " + windows + " windows", windows, false, 0);
    }

    /** Retrain when the alert fires, but not twice within {@code minGap} windows. */
    public static RetrainPolicy onAlert(int minGap) {
        Require.that(minGap >= 1, "retrain policy", "the gap must be at least 1 window, got %d", minGap);
        return new RetrainPolicy("on alert", 0, true, minGap);
    }

    /** Whether to retrain after window {@code sinceRetrain} windows since the last one, the alert {@code firing} or not. */
    boolean due(int sinceRetrain, boolean firing) {
        if (onAlert) {
            return firing && sinceRetrain >= minGap;
        }
        return every > 0 && sinceRetrain >= every;
    }
}
