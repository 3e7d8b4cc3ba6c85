package org.mlcycle.toolkit.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.internal.chartpart.Chart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * Every model-quality picture for one or more models on the same rows: ROC and precision-recall
 * curves, the reliability diagram with its bin counts, cumulative gains with a decile lift table per
 * model, and each model's confusion matrix at the threshold. Built by {@link Curves#compare}.
 *
 * @param roc the ROC curves
 * @param precisionRecall the precision-recall curves
 * @param calibration each model's reliability table, by model
 * @param lift each model's decile lift table
 * @param confusion each model's confusion matrix at {@code options.threshold()}, by model
 * @param options the threshold, calibration bins and positive label used
 */
public record ModelPlots(
        CurveReport roc,
        CurveReport precisionRecall,
        Map<String, Calibration> calibration,
        List<LiftTable> lift,
        Map<String, Confusion> confusion,
        MetricsOptions options)
        implements Rendered {

    public ModelPlots {
        Objects.requireNonNull(roc, "roc");
        Objects.requireNonNull(precisionRecall, "precisionRecall");
        Objects.requireNonNull(options, "options");
        // copies that keep the models' order, which Map.copyOf would not
        calibration = Collections.unmodifiableMap(new LinkedHashMap<>(calibration));
        confusion = Collections.unmodifiableMap(new LinkedHashMap<>(confusion));
        lift = List.copyOf(lift);
    }

    /** The model names, in the order given. */
    public List<String> models() {
        return roc.curves().stream().map(Curve::model).toList();
    }

    /** The charts, in the order shown: ROC, precision-recall, reliability, bin counts, gains, confusions. */
    public List<Chart<?, ?>> charts() {
        List<Chart<?, ?>> charts = new ArrayList<>();
        charts.add(roc.chart());
        charts.add(precisionRecall.chart());
        charts.add(ModelCharts.reliability(calibration));
        charts.add(ModelCharts.binCounts(calibration));
        charts.add(ModelCharts.gains(lift));
        confusion.forEach((model, c) -> charts.add(ModelCharts.confusion(
                Messages.get("report.plots.confusionTitle", model, Checks.fmt(options.threshold())), c)));
        return charts;
    }

    public String verdict() {
        return verdict("en");
    }

    /** The verdict in {@code language}: English for the text, the learner's for HTML. */
    private String verdict(String language) {
        String rows = Messages.in(language, "report.plots.rows", roc.n(), roc.positives(), Checks.fmt(roc.baseRate()));
        if (models().size() == 1) {
            String m = models().get(0);
            return Messages.in(
                    language,
                    "report.plots.headline",
                    m,
                    rows,
                    Checks.fmt(roc.curves().get(0).area()),
                    Checks.fmt(precisionRecall.curves().get(0).area()),
                    Checks.fmt(calibration.get(m).expectedCalibrationError()),
                    lift.get(0).finding(language));
        }
        return Messages.in(
                language,
                "report.plots.headlineMany",
                models().size(),
                rows,
                best(roc, language),
                best(precisionRecall, language));
    }

    private static String best(CurveReport r, String language) {
        Curve best = null;
        for (Curve c : r.curves()) {
            if (c.defined() && (best == null || c.area() > best.area())) best = c;
        }
        return best == null
                ? Messages.in(language, "report.plots.undefined")
                : String.format(Locale.ROOT, "'%s' %.4f", best.model(), best.area());
    }

    private static final List<String> HEAD = List.of(
            "model", "ROC-AUC", "AP", "ECE", "top-bucket lift", "positives in top bucket", "precision", "recall");

    private List<List<?>> rows() {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < models().size(); i++) {
            String m = models().get(i);
            LiftTable.Bucket top = lift.get(i).buckets().get(0);
            Confusion c = confusion.get(m);
            rows.add(List.of(
                    m,
                    Checks.fmt(roc.curves().get(i).area()),
                    Checks.fmt(precisionRecall.curves().get(i).area()),
                    Checks.fmt(calibration.get(m).expectedCalibrationError()),
                    Double.isNaN(top.lift()) ? "-" : String.format(Locale.ROOT, "%.2f", top.lift()),
                    LiftTable.percent(top.gain()),
                    Checks.fmt(c.precision()),
                    Checks.fmt(c.recall())));
        }
        return rows;
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(verdict());
        String line = "%n  %-16s %8s %8s %8s %15s %23s %9s %8s";
        s.append(String.format(Locale.ROOT, line, HEAD.toArray()));
        for (List<?> r : rows()) s.append(String.format(Locale.ROOT, line, r.toArray()));
        s.append(String.format(
                Locale.ROOT, "%n(precision and recall at threshold %s)", Checks.fmt(options.threshold())));
        return s.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder s = new StringBuilder(Html.table(
                        Html.headers(
                                "report.plots.",
                                "model",
                                "rocAuc",
                                "ap",
                                "ece",
                                "topLift",
                                "topPositives",
                                "precision",
                                "recall"),
                        rows()))
                .append("<div style=\"display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start\">");
        for (Chart<?, ?> chart : charts()) {
            s.append("<div style=\"flex:0 1 ")
                    .append(chart.getWidth())
                    .append("px\">")
                    .append(Charts.img(chart))
                    .append("</div>");
        }
        s.append("</div>");
        for (LiftTable t : lift) {
            s.append("<p style=\"margin:8px 0 4px 0\">")
                    .append(Html.escape(t.verdict(Messages.language())))
                    .append("</p>")
                    .append(Html.table(LiftTable.headers(), t.rows()));
        }
        return Html.translatedReport(verdict(Messages.language()), s.toString());
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("verdict", verdict());
        r.put("threshold", options.threshold());
        r.put("roc", roc.toRecord());
        r.put("precision_recall", precisionRecall.toRecord());
        Map<String, Object> cal = new LinkedHashMap<>();
        calibration.forEach((m, c) -> cal.put(m, c.toRecord()));
        r.put("calibration", cal);
        r.put("lift", lift.stream().map(LiftTable::toRecord).toList());
        Map<String, Object> conf = new LinkedHashMap<>();
        confusion.forEach((m, c) -> conf.put(m, c.toRecord()));
        r.put("confusion", conf);
        return r;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
