package org.mlcycle.toolkit.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A binary classifier's evaluation: the confusion matrix at the options' threshold, the threshold-free
 * scores (ROC-AUC, average precision, log-loss, Brier) and calibration, with the base rate and the
 * accuracy of always predicting the majority class next to them. The verdict names the trap when the
 * model predicts no positive at all.
 */
public record ClassificationReport(
        Confusion confusion,
        double rocAuc,
        double averagePrecision,
        double logLoss,
        double brier,
        Calibration calibration,
        MetricsOptions options)
        implements Rendered {

    public ClassificationReport {
        Objects.requireNonNull(confusion, "confusion");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(options, "options");
    }

    /** Share of rows whose actual class is positive; average precision of a random ranking. */
    public double baseRate() {
        return Confusion.ratio(confusion.positives(), confusion.n());
    }

    /**
     * Normalized entropy (He et al., 2014): the log-loss divided by the log-loss of always predicting
     * the base rate. Below 1 the model knows more than the base rate; 1 or above, nothing more.
     */
    public double normalizedEntropy() {
        return Metrics.normalizedEntropy(logLoss, baseRate());
    }

    /** Accuracy of a model that always predicts the more frequent class. */
    public double majorityAccuracy() {
        double b = baseRate();
        return Math.max(b, 1 - b);
    }

    /** One line: what is wrong or how good, with the numbers behind it. */
    public String verdict() {
        return verdict("en");
    }

    /** The verdict in {@code language} (the HTML's headline; the text and the record stay English). */
    private String verdict(String language) {
        long n = confusion.n();
        if (confusion.positives() == 0 || confusion.positives() == n) {
            return Messages.in(language, "report.classification.oneClass", n);
        }
        if (confusion.predictedPositives() == 0) {
            return Messages.in(
                    language,
                    "report.classification.noPositive",
                    Checks.fmt(options.threshold()),
                    Checks.fmt(confusion.accuracy()),
                    Checks.fmt(majorityAccuracy()));
        }
        return Messages.in(
                language,
                "report.classification.headline",
                Checks.fmt(rocAuc),
                Checks.fmt(averagePrecision),
                Checks.fmt(baseRate()),
                Checks.fmt(confusion.precision()),
                Checks.fmt(confusion.recall()),
                Checks.fmt(options.threshold()));
    }

    private List<List<?>> lines() {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("rows", confusion.n()));
        rows.add(List.of("positives (base rate)", confusion.positives() + " (" + Checks.fmt(baseRate()) + ")"));
        rows.add(List.of("ROC-AUC", Checks.fmt(rocAuc)));
        rows.add(List.of("PR-AUC (average precision)", Checks.fmt(averagePrecision)));
        rows.add(List.of("log-loss", Checks.fmt(logLoss)));
        rows.add(List.of("normalized entropy (log-loss / base rate's)", Checks.fmt(normalizedEntropy())));
        rows.add(List.of("Brier", Checks.fmt(brier)));
        rows.add(List.of("expected calibration error", Checks.fmt(calibration.expectedCalibrationError())));
        rows.add(List.of("threshold", Checks.fmt(options.threshold())));
        rows.add(List.of("precision", Checks.fmt(confusion.precision())));
        rows.add(List.of("recall", Checks.fmt(confusion.recall())));
        rows.add(List.of("F1", Checks.fmt(confusion.f1())));
        rows.add(List.of("accuracy", Checks.fmt(confusion.accuracy())));
        rows.add(List.of("always-majority accuracy", Checks.fmt(majorityAccuracy())));
        rows.add(List.of(
                "tp / fp / fn / tn",
                confusion.tp() + " / " + confusion.fp() + " / " + confusion.fn() + " / " + confusion.tn()));
        return rows;
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder("metrics: ").append(verdict()).append(System.lineSeparator());
        for (List<?> row : lines()) {
            s.append(String.format(Locale.ROOT, "  %-28s %s%n", row.get(0), row.get(1)));
        }
        return s.toString().stripTrailing();
    }

    @Override
    public String toHtml() {
        List<String> names = Html.headers(
                "report.classification.",
                "rows",
                "positives",
                "rocAuc",
                "prAuc",
                "logLoss",
                "normalizedEntropy",
                "brier",
                "ece",
                "threshold",
                "precision",
                "recall",
                "f1",
                "accuracy",
                "majorityAccuracy",
                "counts");
        List<List<?>> rows = new ArrayList<>();
        List<List<?>> english = lines(); // in the order of the names above
        for (int i = 0; i < english.size(); i++) {
            rows.add(List.of(names.get(i), english.get(i).get(1)));
        }
        return Html.translatedReport(
                Messages.get("report.classification.metrics", verdict(Messages.language())),
                Html.table(Html.headers("report.classification.", "metric", "value"), rows),
                calibration.toHtml());
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("verdict", verdict());
        r.put("n", confusion.n());
        r.put("positives", confusion.positives());
        r.put("base_rate", baseRate());
        r.put("roc_auc", rocAuc);
        r.put("average_precision", averagePrecision);
        r.put("log_loss", logLoss);
        r.put("normalized_entropy", normalizedEntropy());
        r.put("brier", brier);
        r.put("ece", calibration.expectedCalibrationError());
        r.put("majority_accuracy", majorityAccuracy());
        r.put("confusion", confusion.toRecord());
        r.put("threshold", options.threshold());
        r.put("calibration_bins", options.calibrationBins());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
