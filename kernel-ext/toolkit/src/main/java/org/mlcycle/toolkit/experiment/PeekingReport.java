package org.mlcycle.toolkit.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mlcycle.toolkit.i18n.Fonts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Numbers;
import org.mlcycle.toolkit.report.Rendered;

/**
 * Many A/A tests (both arms the same CTR, so every "significant" result is a false positive), each
 * checked every day: {@code stoppedByDay[d]} tests had stopped at a p-value below alpha by day d + 1
 * when the analyst peeks daily and stops at the first one; {@code falsePositivesOnce} of them were
 * significant at the single planned look on the last day. Made by {@link Experiments#peeking}.
 */
public record PeekingReport(
        int tests,
        int days,
        double alpha,
        long impressionsPerArmPerDay,
        double ctr,
        List<Integer> stoppedByDay,
        int falsePositivesOnce)
        implements Rendered {

    public PeekingReport {
        stoppedByDay = List.copyOf(stoppedByDay);
    }

    /** Share of A/A tests declared significant when peeking every day. */
    public double falsePositiveRatePeeking() {
        return stoppedByDay.get(days - 1) / (double) tests;
    }

    /** Share of A/A tests declared significant at one look, at the planned size. */
    public double falsePositiveRateOnce() {
        return falsePositivesOnce / (double) tests;
    }

    /**
     * The false-positive rate so far, day by day, for daily peeking; one look and alpha as lines. Its
     * words are in the learner's language, drawn in a font that has their letters.
     */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder()
                .width(640)
                .height(360)
                .title(Messages.get("report.peeking.chartTitle", tests))
                .xAxisTitle(Messages.get("report.peeking.chartDay"))
                .yAxisTitle(Messages.get("report.peeking.falsePositiveRate"))
                .build();
        List<Integer> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            x.add(d + 1);
            y.add(stoppedByDay.get(d) / (double) tests);
        }
        chart.addSeries(Messages.get("report.peeking.peekDaily", Numbers.format(alpha)), x, y);
        chart.addSeries(
                        Messages.get("report.peeking.chartOneLook", days),
                        List.of(days),
                        List.of(falsePositiveRateOnce()))
                .setMarker(SeriesMarkers.DIAMOND);
        chart.addSeries(Messages.get("report.peeking.chartAlpha"), List.of(1, days), List.of(alpha, alpha))
                .setMarker(SeriesMarkers.NONE);
        chart.getStyler().setYAxisMin(0.0);
        Fonts.fit(chart);
        return chart;
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.peeking.headline",
                tests,
                days,
                100 * falsePositiveRatePeeking(),
                100 * falsePositiveRateOnce(),
                Numbers.format(alpha));
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
                        Html.headers("report.peeking.", "analysis", "tests", "significant", "falsePositiveRate"),
                        List.of(
                                List.of(
                                        Messages.get("report.peeking.peekEveryDay", Numbers.format(alpha)),
                                        tests,
                                        stoppedByDay.get(days - 1),
                                        String.format(Locale.ROOT, "%.1f%%", 100 * falsePositiveRatePeeking())),
                                List.of(
                                        Messages.get("report.peeking.oneLook", days),
                                        tests,
                                        falsePositivesOnce,
                                        String.format(Locale.ROOT, "%.1f%%", 100 * falsePositiveRateOnce())))));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("tests", tests);
        r.put("days", days);
        r.put("alpha", alpha);
        r.put("impressions_per_arm_per_day", impressionsPerArmPerDay);
        r.put("ctr", ctr);
        r.put("false_positive_rate_peeking", falsePositiveRatePeeking());
        r.put("false_positive_rate_once", falsePositiveRateOnce());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
