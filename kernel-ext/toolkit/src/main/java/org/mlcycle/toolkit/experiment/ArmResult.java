package org.mlcycle.toolkit.experiment;

/**
 * What one arm of an A/B test served and earned.
 *
 * @param ctrLow the low end of the CTR's interval (Wilson score interval)
 * @param revenuePer1000 revenue per 1,000 requests (first-price: clicks times the ad's bid)
 * @param revenuePer1000Low low end of its interval (normal approximation of the mean per request)
 * @param scoringMicrosPerRequest wall-clock time of the arm's scoring, per request, in microseconds
 */
public record ArmResult(
        String arm,
        long requests,
        long impressions,
        long clicks,
        double ctr,
        double ctrLow,
        double ctrHigh,
        double revenue,
        double revenuePer1000,
        double revenuePer1000Low,
        double revenuePer1000High,
        double scoringMicrosPerRequest) {

    /** Impressions per request. */
    public double impressionsPerRequest() {
        return impressions / (double) requests;
    }
}
