package org.mlcycle.toolkit.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A binary confusion matrix and the rates read from it. A rate whose denominator is zero is NaN
 * (undefined), not 0: a model that never predicts the positive class has no precision, and saying
 * 0 would hide that. F1 is {@code 2tp / (2tp + fp + fn)}, which equals the harmonic mean of
 * precision and recall where both are defined and is 0 when there are positives but none is found.
 */
public record Confusion(long tp, long fp, long tn, long fn) implements Rendered {

    public Confusion {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
            throw new IllegalArgumentException(
                    String.format("confusion: counts must not be negative (tp=%d fp=%d tn=%d fn=%d)", tp, fp, tn, fn));
        }
    }

    /** Counts {@code actual} against {@code predicted}, row by row. */
    public static Confusion of(boolean[] actual, boolean[] predicted) {
        Checks.sameLength("confusion", "actual", actual.length, "predicted", predicted.length);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i]) {
                if (actual[i]) tp++;
                else fp++;
            } else if (actual[i]) fn++;
            else tn++;
        }
        return new Confusion(tp, fp, tn, fn);
    }

    /** All rows. */
    public long n() {
        return tp + fp + tn + fn;
    }

    /** Rows whose actual class is positive. */
    public long positives() {
        return tp + fn;
    }

    /** Rows predicted positive (for an ad model: impressions). */
    public long predictedPositives() {
        return tp + fp;
    }

    /** tp / (tp + fp); NaN when nothing is predicted positive. */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** tp / (tp + fn), the true-positive rate; NaN when there are no positives. */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** 2tp / (2tp + fp + fn); NaN only when there is no positive, actual or predicted. */
    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** (tp + tn) / n; NaN on no rows. */
    public double accuracy() {
        return ratio(tp + tn, n());
    }

    /** fp / (fp + tn); NaN when there are no negatives. */
    public double falsePositiveRate() {
        return ratio(fp, fp + tn);
    }

    /** Share of rows predicted positive; NaN on no rows. */
    public double predictedPositiveRate() {
        return ratio(tp + fp, n());
    }

    static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }

    /** The matrix as an annotated heat map, actual class down and predicted class across. */
    public HeatMapChart chart() {
        return ModelCharts.confusion(Messages.get("chart.confusion.title"), this);
    }

    @Override
    public String toText() {
        return headline("en");
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.confusion.headline",
                Checks.fmt(precision()),
                Checks.fmt(recall()),
                Checks.fmt(f1()),
                Checks.fmt(accuracy()),
                tp,
                fp,
                fn,
                tn);
    }

    @Override
    public String toHtml() {
        String k = "report.confusion.";
        return Html.translatedReport(
                headline(Messages.language()),
                Html.table(
                        Html.headers(k, "corner", "predictedPositive", "predictedNegative"),
                        List.of(
                                List.of(Messages.get(k + "actualPositive"), tp, fn),
                                List.of(Messages.get(k + "actualNegative"), fp, tn))),
                Charts.img(chart()));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("tp", tp);
        r.put("fp", fp);
        r.put("tn", tn);
        r.put("fn", fn);
        r.put("precision", precision());
        r.put("recall", recall());
        r.put("f1", f1());
        r.put("accuracy", accuracy());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
