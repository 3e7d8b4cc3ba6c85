package org.mlcycle.toolkit.datasets;

/** How the ad server picks up to three ads for a request from the retrieved candidates. */
public enum Policy {
    /**
     * Before the model: ads only on navigational and commercial queries, only on an exact keyword
     * match, ranked by bid times the ad's past CTR, above a reserve of 0.025.
     */
    LEGACY("legacy"),
    /**
     * The model deployed at step 11, which optimises impressions: every candidate whose probability
     * of "should show" is above 0.5, ranked by it. The probability is the true one, so this is the
     * best such a model could do: the revenue it loses is the objective's fault, not the model's.
     */
    IMPRESSIONS("model_v1"),
    /**
     * The model after the pivot of step 12, which optimises clicks: candidates whose chance of a
     * click is above 4%, ranked by that chance times the bid (the expected revenue of showing it).
     * Like {@link #IMPRESSIONS} it knows the true chance.
     */
    CLICKS("model_v2");

    private final String label;

    Policy(String label) {
        this.label = label;
    }

    /** The value of the Policy column: "legacy", "model_v1" or "model_v2". */
    public String label() {
        return label;
    }
}
