package org.mlcycle.toolkit.metrics;

import java.util.List;
import java.util.Locale;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * Binary classification metrics on predicted probabilities, each with scikit-learn's definition, and
 * the report that puts them side by side with the base rate so a 99.99%-accurate model that never
 * predicts a positive cannot pass for a good one. Undefined values (one class only) are NaN.
 */
public final class Metrics {
    private Metrics() {}

    /** Smallest probability distance from 0 or 1 in log-loss: the float64 machine epsilon, as scikit-learn 1.2. */
    public static final double LOG_LOSS_EPS = Math.ulp(1.0);

    /** Evaluates {@code probability} (of the positive class) against {@code actual}. */
    public static ClassificationReport binary(boolean[] actual, double[] probability, MetricsOptions options) {
        Checks.sameLength("metrics", "actual", actual.length, "probability", probability.length);
        Checks.probabilities("metrics", probability);
        if (actual.length == 0) {
            throw new IllegalArgumentException("metrics: no rows to evaluate");
        }
        boolean[] predicted = new boolean[actual.length];
        for (int i = 0; i < actual.length; i++) predicted[i] = probability[i] >= options.threshold();
        return new ClassificationReport(
                Confusion.of(actual, predicted),
                Ranking.rocAuc(actual, probability),
                Ranking.averagePrecision(actual, probability),
                logLoss(actual, probability),
                brier(actual, probability),
                Calibration.of(actual, probability, options.calibrationBins()),
                options);
    }

    /**
     * Normalized entropy: {@code logLoss} over the log-loss of always predicting {@code baseRate},
     * -(r log r + (1 - r) log(1 - r)). NaN when the base rate is 0 or 1.
     */
    public static double normalizedEntropy(double logLoss, double baseRate) {
        if (!(baseRate > 0 && baseRate < 1)) {
            return Double.NaN;
        }
        return logLoss / -(baseRate * Math.log(baseRate) + (1 - baseRate) * Math.log(1 - baseRate));
    }

    /** The 95% bootstrap intervals of a model's headline metrics on these rows (1,000 resamples, seeded). */
    public static Intervals intervals(String title, boolean[] actual, double[] probability, MetricsOptions options) {
        double t = options.threshold();
        return Interval.of(
                title,
                List.of(
                        Bootstrap.interval("ROC-AUC", actual, probability, Bootstrap.rocAuc()),
                        Bootstrap.interval("PR-AUC", actual, probability, Bootstrap.averagePrecision()),
                        Bootstrap.interval(
                                "precision at " + Checks.fmt(t), actual, probability, Bootstrap.precisionAt(t)),
                        Bootstrap.interval("recall at " + Checks.fmt(t), actual, probability, Bootstrap.recallAt(t))));
    }

    /** Same with {@link MetricsOptions#defaults()}. */
    public static ClassificationReport binary(boolean[] actual, double[] probability) {
        return binary(actual, probability, MetricsOptions.defaults());
    }

    /**
     * Evaluates a table: {@code labelColumn} holds the actual class (the positive one named by the
     * options), {@code probabilityColumn} the predicted probability of the positive class.
     */
    public static ClassificationReport binary(
            Table table, String labelColumn, String probabilityColumn, MetricsOptions options) {
        Require.nonEmpty(Require.table(table, "metrics", "evaluated"), "metrics");
        boolean[] actual = ScoredTable.actual(table, labelColumn, options.positive(), "metrics");
        double[] probability = ScoredTable.scores(table, probabilityColumn, "metrics");
        return binary(actual, probability, options);
    }

    /** ROC-AUC: the chance a random positive scores above a random negative (ties count half); NaN with one class. */
    public static double rocAuc(boolean[] actual, double[] score) {
        Checks.sameLength("roc-auc", "actual", actual.length, "score", score.length);
        Checks.finite("roc-auc", score);
        return Ranking.rocAuc(actual, score);
    }

    /** Average precision (PR-AUC without interpolation); NaN without positives. */
    public static double averagePrecision(boolean[] actual, double[] score) {
        Checks.sameLength("average precision", "actual", actual.length, "score", score.length);
        Checks.finite("average precision", score);
        return Ranking.averagePrecision(actual, score);
    }

    /** Mean negative log-likelihood of the actual class, probabilities clipped to [eps, 1 - eps]. */
    public static double logLoss(boolean[] actual, double[] probability) {
        Checks.sameLength("log-loss", "actual", actual.length, "probability", probability.length);
        Checks.probabilities("log-loss", probability);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double p = clip(actual[i] ? probability[i] : 1 - probability[i]);
            sum -= Math.log(p);
        }
        return actual.length == 0 ? Double.NaN : sum / actual.length;
    }

    /**
     * Multiclass log-loss: mean of -log p[i][label[i]] after clipping, with each row first divided by
     * its sum (as scikit-learn does).
     */
    public static double logLoss(int[] label, double[][] probability) {
        Checks.sameLength("log-loss", "labels", label.length, "probabilities", probability.length);
        double sum = 0;
        for (int i = 0; i < label.length; i++) {
            double[] row = probability[i];
            if (label[i] < 0 || label[i] >= row.length) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "log-loss: label %d at row %d has no probability column (%d classes)",
                        label[i],
                        i,
                        row.length));
            }
            double total = 0;
            for (double v : row) total += clip(v);
            sum -= Math.log(clip(row[label[i]]) / total);
        }
        return label.length == 0 ? Double.NaN : sum / label.length;
    }

    private static double clip(double p) {
        return Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p));
    }

    /** Mean squared difference between the probability and the 0/1 outcome. */
    public static double brier(boolean[] actual, double[] probability) {
        Checks.sameLength("brier", "actual", actual.length, "probability", probability.length);
        Checks.probabilities("brier", probability);
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = probability[i] - (actual[i] ? 1 : 0);
            sum += d * d;
        }
        return actual.length == 0 ? Double.NaN : sum / actual.length;
    }
}
