package org.mlcycle.toolkit.counterfactual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * The rounds of a {@link FeedbackLoop}: per round, how many distinct ads the policy showed, how
 * many ads the model had data on when the round began, the click rate (observed, and the true one
 * from the simulator's click chances), what the model predicted for the ads it showed beside their
 * true CTR, and how far its estimates were from the truth over all the round's candidates.
 */
public record LoopReport(String name, double epsilon, int requestsPerRound, List<Round> rounds, AdCtrModel finalModel)
        implements Rendered {

    /** One round; {@code trueCtr}, {@code shownTrueCtr}, {@code estimateGap} and the good ads are the simulator's privilege. */
    public record Round(
            int round,
            int shown,
            int distinctAds,
            int adsSeen,
            double ctr,
            double trueCtr,
            double shownPredicted,
            double shownTrueCtr,
            double estimateGap,
            int goodAds,
            int goodAdsHidden) {}

    public LoopReport {
        rounds = List.copyOf(rounds);
    }

    public Round first() {
        return rounds.get(0);
    }

    public Round last() {
        return rounds.get(rounds.size() - 1);
    }

    @Override
    public String toText() {
        return headline("en");
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.loop.headline",
                name,
                epsilon,
                rounds.size(),
                requestsPerRound,
                first().distinctAds(),
                last().distinctAds(),
                first().estimateGap(),
                last().estimateGap());
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        for (Round r : rounds) {
            rows.add(List.of(
                    r.round(),
                    r.shown(),
                    r.distinctAds(),
                    r.adsSeen(),
                    f(r.ctr()),
                    f(r.shownPredicted()),
                    f(r.shownTrueCtr()),
                    f(r.estimateGap()),
                    Messages.get("report.loop.goodHidden", r.goodAdsHidden(), r.goodAds())));
        }
        return Html.translatedReport(
                headline(Messages.language()),
                Html.table(
                        Html.headers(
                                "report.loop.",
                                "round",
                                "withAd",
                                "distinctAds",
                                "adsSeen",
                                "ctr",
                                "shownPredicted",
                                "shownTrueCtr",
                                "estimateGap",
                                "goodAdsHidden"),
                        rows),
                "<p style=\"margin:4px 0;color:#555\">" + Messages.get("report.loop.privilege") + "</p>");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("epsilon", epsilon);
        m.put("requests_per_round", requestsPerRound);
        m.put(
                "rounds",
                rounds.stream()
                        .map(r -> Map.of(
                                "round",
                                r.round(),
                                "distinct_ads",
                                r.distinctAds(),
                                "ads_seen",
                                r.adsSeen(),
                                "ctr",
                                r.ctr(),
                                "estimate_gap",
                                r.estimateGap(),
                                "good_ads_hidden",
                                r.goodAdsHidden()))
                        .toList());
        return m;
    }

    @Override
    public String toString() {
        return toText();
    }
}
