package org.mlcycle.toolkit.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Numbers;
import org.mlcycle.toolkit.report.Rendered;

/**
 * How many trials (impressions) each arm needs to detect a change of a proportion (CTR) from
 * {@code baseline} to {@code target} with a two-sided two-proportion z-test at level {@code alpha}
 * and the given {@code power}, by the normal approximation (R's {@code power.prop.test}):
 * n = (z(1 - alpha/2) sqrt(2 p q) + z(power) sqrt(p1 q1 + p2 q2))^2 / (p2 - p1)^2, p the mean of p1
 * and p2. Made by {@link Experiments#sampleSize}.
 *
 * @param exact the unrounded n; {@code perArm} is it rounded up
 */
public record SampleSize(double baseline, double target, double alpha, double power, double exact, long perArm)
        implements Rendered {

    /**
     * Impressions per arm when the impressions are not independent: the planned size times the
     * design effect ({@link RatioMetric#designEffect()}), rounded up. A test of CTR randomized by
     * request, whose impressions cluster in requests, needs this many to keep the planned power.
     */
    public long perArm(double designEffect) {
        org.mlcycle.toolkit.support.Require.that(
                designEffect > 0 && Double.isFinite(designEffect),
                "sample size",
                "the design effect must be positive, got %s",
                designEffect);
        return (long) Math.ceil(exact * designEffect);
    }

    /** The minimum detectable effect as a difference of proportions (target - baseline). */
    public double difference() {
        return target - baseline;
    }

    /** The minimum detectable effect relative to the baseline (0.1 = a 10% lift). */
    public double relativeLift() {
        return target / baseline - 1;
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.sampleSize.headline",
                perArm,
                Numbers.format(baseline),
                Numbers.format(target),
                100 * relativeLift(),
                Numbers.format(alpha),
                Numbers.format(power));
    }

    @Override
    public String toText() {
        return headline("en");
    }

    @Override
    public String toHtml() {
        return Html.translatedReport(
                headline(Messages.language()),
                Html.table(
                        Html.headers("report.sampleSize.", "baseline", "target", "lift", "alpha", "power", "perArm"),
                        List.of(List.of(
                                baseline,
                                target,
                                String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * relativeLift()),
                                alpha,
                                power,
                                String.format(java.util.Locale.ROOT, "%,d", perArm)))));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("baseline", baseline);
        r.put("target", target);
        r.put("alpha", alpha);
        r.put("power", power);
        r.put("exact", exact);
        r.put("per_arm", perArm);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
