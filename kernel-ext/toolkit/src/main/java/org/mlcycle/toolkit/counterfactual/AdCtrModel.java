package org.mlcycle.toolkit.counterfactual;

import java.util.Arrays;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * A click model per ad, learned from the clicks on the ads a policy showed: the estimate of an ad
 * is its clicks plus {@code strength} pseudo-impressions at its prior, over its impressions plus
 * {@code strength} (a beta prior, so an ad with few impressions stays near its prior and an ad never
 * shown is its prior exactly). The prior is the ad's published past CTR times {@code scale}, which
 * puts it on the scale of first-slot clicks. Only shown ads ever move: that is the loop.
 */
public final class AdCtrModel {
    private final double strength;
    private final double scale;
    private final double[] clicks;
    private final double[] impressions;

    private AdCtrModel(double strength, double scale, double[] clicks, double[] impressions) {
        this.strength = strength;
        this.scale = scale;
        this.clicks = clicks;
        this.impressions = impressions;
    }

    /** A model that has seen nothing: every ad at {@code scale} x its past CTR. {@code ads} is the number of ads in the world. */
    public static AdCtrModel prior(int ads, double strength, double scale) {
        Require.that(ads > 0, "ad CTR model", "ads must be positive, got %d", ads);
        Require.that(strength > 0, "ad CTR model", "the prior strength must be positive, got %s", strength);
        Require.that(scale > 0, "ad CTR model", "the prior scale must be positive, got %s", scale);
        return new AdCtrModel(strength, scale, new double[ads], new double[ads]);
    }

    /**
     * The model a team starts from: an old policy's first-slot clicks ({@code log} in KDD's columns),
     * with the prior's scale set so that the prior predicts as many first-slot clicks as that log has
     * (its clicks over the sum of past CTR x impressions). {@code pastCtr} is the past CTR of every ad.
     */
    public static AdCtrModel fromFirstSlot(Table log, double[] pastCtr, double strength) {
        Require.that(log != null && pastCtr != null, "ad CTR model", "log and past CTRs are required");
        int[] ad = log.intColumn("AdID").asIntArray(),
                pos = log.intColumn("Position").asIntArray();
        int[] click = log.intColumn("Click").asIntArray(),
                imp = log.intColumn("Impression").asIntArray();
        double c = 0, expected = 0;
        for (int i = 0; i < ad.length; i++) {
            if (pos[i] == 1) {
                c += click[i];
                expected += imp[i] * pastCtr[ad[i]];
            }
        }
        Require.that(c > 0, "ad CTR model", "the log has no first-slot click to set the prior's scale");
        return prior(pastCtr.length, strength, c / expected).plusFirstSlot(log);
    }

    /**
     * The model plus the first-slot rows of an impression log in KDD's columns (AdID, Position,
     * Click, Impression): lower slots are left out, because their clicks are lowered by the slot,
     * not by the ad.
     */
    public AdCtrModel plusFirstSlot(Table impressions) {
        Require.that(impressions != null, "ad CTR model", "the log is null");
        double[] c = clicks.clone(), n = this.impressions.clone();
        int[] ad = impressions.intColumn("AdID").asIntArray(),
                pos = impressions.intColumn("Position").asIntArray();
        int[] click = impressions.intColumn("Click").asIntArray(),
                imp = impressions.intColumn("Impression").asIntArray();
        for (int i = 0; i < ad.length; i++) {
            if (pos[i] == 1) {
                c[ad[i]] += click[i];
                n[ad[i]] += imp[i];
            }
        }
        return new AdCtrModel(strength, scale, c, n);
    }

    /** The model plus every request of a one-slot log: one impression of the shown ad, clicked or not. */
    public AdCtrModel plus(BanditLog log) {
        Require.that(log != null, "ad CTR model", "the log is null");
        double[] c = clicks.clone(), n = impressions.clone();
        for (int r = 0; r < log.requests(); r++) {
            int a = log.ad(r);
            if (a < 0) continue;
            c[a] += log.click(r);
            n[a] += 1;
        }
        return new AdCtrModel(strength, scale, c, n);
    }

    /** The estimated first-slot CTR of {@code ad}, whose published past CTR is {@code pastCtr}. */
    public double estimate(int ad, double pastCtr) {
        return (clicks[ad] + strength * scale * pastCtr) / (impressions[ad] + strength);
    }

    /** Ads with at least one impression in the model's data. */
    public int adsSeen() {
        return (int) Arrays.stream(impressions).filter(v -> v > 0).count();
    }

    /** What the prior multiplies the past CTR by. */
    public double scale() {
        return scale;
    }

    public double strength() {
        return strength;
    }
}
