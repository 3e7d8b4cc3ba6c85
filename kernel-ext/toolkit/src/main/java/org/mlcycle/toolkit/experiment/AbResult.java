package org.mlcycle.toolkit.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Numbers;
import org.mlcycle.toolkit.report.Rendered;

/**
 * The outcome of an A/B test made by {@link Experiments#run}: each arm's traffic and business
 * numbers, the z-test on the CTR difference (treatment - control) with its normal interval, both
 * with the delta-method variance of CTR per request ({@link RatioMetric}: the request is the unit
 * that was randomized, and the impressions of one request are not independent trials), and a normal
 * interval on the difference in revenue per 1,000 requests (the mean revenue per request). Each
 * arm's own CTR interval is Wilson's, per impression.
 */
public record AbResult(
        ArmResult control,
        ArmResult treatment,
        double ctrDifference,
        double ctrDifferenceLow,
        double ctrDifferenceHigh,
        double z,
        double pValue,
        double revenueDifference,
        double revenueDifferenceLow,
        double revenueDifferenceHigh,
        AbOptions options)
        implements Rendered {

    /** Both arms, control first. */
    public List<ArmResult> arms() {
        return List.of(control, treatment);
    }

    /** True when the CTR difference is significant at the test's alpha. */
    public boolean significant() {
        return pValue < options.alpha();
    }

    /** CTR per arm with its interval as error bars. */
    public CategoryChart ctrChart() {
        return chart(
                "CTR per arm, " + level() + " interval",
                "CTR",
                List.of(control.ctr(), treatment.ctr()),
                List.of(control.ctrLow(), treatment.ctrLow()),
                List.of(control.ctrHigh(), treatment.ctrHigh()));
    }

    /** Revenue per 1,000 requests per arm with its interval as error bars. */
    public CategoryChart revenueChart() {
        return chart(
                "Revenue per 1,000 requests, " + level() + " interval",
                "revenue per 1,000 requests",
                List.of(control.revenuePer1000(), treatment.revenuePer1000()),
                List.of(control.revenuePer1000Low(), treatment.revenuePer1000Low()),
                List.of(control.revenuePer1000High(), treatment.revenuePer1000High()));
    }

    private CategoryChart chart(String title, String axis, List<Double> y, List<Double> low, List<Double> high) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(420)
                .height(340)
                .title(title)
                .yAxisTitle(axis)
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        chart.getStyler().setYAxisMin(0.0);
        List<Double> err = List.of(
                Math.max(y.get(0) - low.get(0), high.get(0) - y.get(0)),
                Math.max(y.get(1) - low.get(1), high.get(1) - y.get(1)));
        chart.addSeries(axis, List.of(control.arm(), treatment.arm()), y, err);
        return chart;
    }

    private String level() {
        return Math.round(100 * (1 - options.alpha())) + "%";
    }

    @Override
    public String toText() {
        return String.format(
                Locale.ROOT,
                "A/B test, %,d requests over %d days: CTR %s -> %s, difference %s [%s, %s], z %.2f, p %s; revenue per 1,000 requests %s -> %s, difference %s [%s, %s]",
                control.requests() + treatment.requests(),
                options.days(),
                Numbers.format(control.ctr()),
                Numbers.format(treatment.ctr()),
                Numbers.format(ctrDifference),
                Numbers.format(ctrDifferenceLow),
                Numbers.format(ctrDifferenceHigh),
                z,
                Numbers.format(pValue),
                Numbers.format(control.revenuePer1000()),
                Numbers.format(treatment.revenuePer1000()),
                Numbers.format(revenueDifference),
                Numbers.format(revenueDifferenceLow),
                Numbers.format(revenueDifferenceHigh));
    }

    @Override
    public String toHtml() {
        String lvl = level();
        List<List<?>> rows = arms().stream()
                .<List<?>>map(a -> List.of(
                        a.arm(),
                        String.format(Locale.ROOT, "%,d", a.requests()),
                        String.format(Locale.ROOT, "%,d", a.impressions()),
                        String.format(Locale.ROOT, "%,d", a.clicks()),
                        Numbers.format(a.ctr()),
                        "[" + Numbers.format(a.ctrLow()) + ", " + Numbers.format(a.ctrHigh()) + "]",
                        Numbers.format(a.revenuePer1000()),
                        "[" + Numbers.format(a.revenuePer1000Low()) + ", " + Numbers.format(a.revenuePer1000High())
                                + "]",
                        Numbers.format(a.scoringMicrosPerRequest())))
                .toList();
        List<List<?>> diff = List.of(
                List.of(
                        Messages.get("report.ab.ctr"),
                        Numbers.format(ctrDifference),
                        "[" + Numbers.format(ctrDifferenceLow) + ", " + Numbers.format(ctrDifferenceHigh) + "]",
                        String.format(Locale.ROOT, "z %.2f, p %s", z, Numbers.format(pValue))),
                List.of(
                        Messages.get("report.ab.revenueRow"),
                        Numbers.format(revenueDifference),
                        "[" + Numbers.format(revenueDifferenceLow) + ", " + Numbers.format(revenueDifferenceHigh) + "]",
                        Messages.get("report.ab.normal")));
        String k = "report.ab.";
        return Html.translatedReport(
                Messages.get(
                        "report.ab.headline",
                        control.requests() + treatment.requests(),
                        options.days(),
                        treatment.arm(),
                        control.arm()),
                Html.table(
                        List.of(
                                Messages.get(k + "arm"),
                                Messages.get(k + "requests"),
                                Messages.get(k + "impressions"),
                                Messages.get(k + "clicks"),
                                Messages.get(k + "ctr"),
                                Messages.get(k + "ctrInterval", lvl),
                                Messages.get(k + "revenue"),
                                Messages.get(k + "interval", lvl),
                                Messages.get(k + "scoring")),
                        rows),
                "<p style=\"margin:6px 0 2px 0\">" + Html.escape(Messages.get(k + "difference")) + "</p>",
                Html.table(
                        List.of(
                                Messages.get(k + "metric"),
                                Messages.get(k + "differenceColumn"),
                                Messages.get(k + "interval", lvl),
                                Messages.get(k + "test")),
                        diff));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        for (ArmResult a : arms()) {
            String k = a == control ? "control_" : "treatment_";
            r.put(k + "arm", a.arm());
            r.put(k + "requests", a.requests());
            r.put(k + "impressions", a.impressions());
            r.put(k + "clicks", a.clicks());
            r.put(k + "ctr", a.ctr());
            r.put(k + "revenue_per_1000", a.revenuePer1000());
        }
        r.put("ctr_difference", ctrDifference);
        r.put("ctr_difference_low", ctrDifferenceLow);
        r.put("ctr_difference_high", ctrDifferenceHigh);
        r.put("z", z);
        r.put("p_value", pValue);
        r.put("revenue_difference", revenueDifference);
        r.put("revenue_difference_low", revenueDifferenceLow);
        r.put("revenue_difference_high", revenueDifferenceHigh);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
