package org.mlcycle.toolkit.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * What a served ad policy did to the business, over {@code requests} search requests: impressions
 * (ads shown), show rate (impressions / requests), clicks (shown and clicked: an ad never shown
 * cannot be clicked), click-through rate (clicks / impressions; NaN with no impressions) and revenue
 * (clicks x cost per click). Optimising impressions alone raises the show rate and can lower the CTR
 * and the revenue: the step-12 lesson.
 */
public record AdMetrics(long requests, long impressions, long clicks, double costPerClick) implements Rendered {

    public AdMetrics {
        if (requests < 0 || impressions < 0 || clicks < 0 || impressions > requests || clicks > impressions) {
            throw new IllegalArgumentException(String.format(
                    "ad metrics: need 0 <= clicks <= impressions <= requests, got %d <= %d <= %d",
                    clicks, impressions, requests));
        }
        if (!(costPerClick >= 0) || Double.isInfinite(costPerClick)) {
            throw new IllegalArgumentException("ad metrics: cost per click must be a number >= 0, got " + costPerClick);
        }
    }

    /** Counts a policy row by row: {@code shown[i]} whether the ad was shown, {@code clicked[i]} whether it was clicked. */
    public static AdMetrics of(boolean[] shown, boolean[] clicked, double costPerClick) {
        Checks.sameLength("ad metrics", "shown", shown.length, "clicked", clicked.length);
        long impressions = 0, clicks = 0;
        for (int i = 0; i < shown.length; i++) {
            if (shown[i]) {
                impressions++;
                if (clicked[i]) clicks++;
            }
        }
        return new AdMetrics(shown.length, impressions, clicks, costPerClick);
    }

    /**
     * The policy "show the ad when the predicted click probability is at least {@code threshold}",
     * scored against what the users did ({@code clicked}, known for every row of a logged test set).
     */
    public static AdMetrics forPolicy(double[] probability, double threshold, boolean[] clicked, double costPerClick) {
        Checks.sameLength("ad metrics", "probability", probability.length, "clicked", clicked.length);
        Checks.probabilities("ad metrics", probability);
        boolean[] shown = new boolean[probability.length];
        for (int i = 0; i < shown.length; i++) shown[i] = probability[i] >= threshold;
        return of(shown, clicked, costPerClick);
    }

    public double showRate() {
        return Confusion.ratio(impressions, requests);
    }

    public double clickThroughRate() {
        return Confusion.ratio(clicks, impressions);
    }

    public double revenue() {
        return clicks * costPerClick;
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.ads.headline",
                impressions,
                requests,
                Checks.fmt(showRate()),
                clicks,
                Checks.fmt(clickThroughRate()),
                revenue(),
                costPerClick);
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
                        Html.headers("report.ads.", "requests", "impressions", "showRate", "clicks", "ctr", "revenue"),
                        List.of(List.of(
                                requests,
                                impressions,
                                Checks.fmt(showRate()),
                                clicks,
                                Checks.fmt(clickThroughRate()),
                                String.format(Locale.ROOT, "%.2f", revenue())))));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("requests", requests);
        r.put("impressions", impressions);
        r.put("show_rate", showRate());
        r.put("clicks", clicks);
        r.put("ctr", clickThroughRate());
        r.put("cost_per_click", costPerClick);
        r.put("revenue", revenue());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
