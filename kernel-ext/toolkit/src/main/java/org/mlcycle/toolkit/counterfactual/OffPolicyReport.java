package org.mlcycle.toolkit.counterfactual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Fonts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.metrics.Interval;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * Estimates of a target policy's click rate from a logging policy's log ({@link OffPolicy}), with
 * {@code truth}, the target's true click rate on the same requests, which only the simulator knows.
 */
public record OffPolicyReport(
        String logging,
        String target,
        int requests,
        int matched,
        List<Interval> estimates,
        double truth,
        double loggedCtr)
        implements Rendered {

    public OffPolicyReport {
        estimates = List.copyOf(estimates);
    }

    public Interval naive() {
        return estimates.get(0);
    }

    public Interval ips() {
        return estimates.get(1);
    }

    public Interval snips() {
        return estimates.get(2);
    }

    /** The estimates as error bars, the truth as a horizontal line. */
    public XYChart chart() {
        XYChart chart = Interval.of(Messages.get("report.offPolicy.chart.title", target, logging), estimates)
                .chart();
        chart.addSeries(
                        Messages.get("report.offPolicy.chart.truth", truth),
                        new double[] {-0.5, estimates.size() - 0.5},
                        new double[] {truth, truth})
                .setMarker(SeriesMarkers.NONE);
        Fonts.fit(chart);
        return chart;
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%s estimated from %s's log: %,d requests, %,d where the two choose the same ad; the log's own CTR %.4f%n",
                target,
                logging,
                requests,
                matched,
                loggedCtr));
        for (Interval v : estimates) {
            out.append(String.format(Locale.ROOT, "  %-40s %s%n", v.name(), v.brief()));
        }
        out.append(String.format(Locale.ROOT, "  %-40s %.4f", "truth (the simulator's privilege)", truth));
        return out.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        for (Interval v : estimates) {
            rows.add(List.of(
                    v.name(),
                    v.estimate(),
                    v.low(),
                    v.high(),
                    Messages.get(
                            v.low() <= truth && truth <= v.high() ? "report.offPolicy.yes" : "report.offPolicy.no")));
        }
        rows.add(List.of(Messages.get("report.offPolicy.truth"), truth, "", "", ""));
        String head = Messages.get("report.offPolicy.headline", target, logging, requests, matched);
        return Html.translatedReport(
                head,
                Html.table(
                        Html.headers("report.offPolicy.", "estimator", "clicksPerRequest", "low", "high", "covers"),
                        rows),
                "<p style=\"margin:4px 0;color:#555\">"
                        + Html.escape(Messages.get(
                                "report.offPolicy.intervals", estimates.get(0).resamples()))
                        + "</p>",
                Charts.img(chart()));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("logging", logging);
        r.put("target", target);
        r.put("requests", requests);
        r.put("matched", matched);
        for (Interval v : estimates) r.put(v.name(), v.toRecord());
        r.put("truth", truth);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
