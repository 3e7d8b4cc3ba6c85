package org.mlcycle.toolkit.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * Model-quality curves for one model or several on the same rows: ROC and precision-recall curves,
 * reliability diagrams, lift and gains, and all of them at once ({@link #compare}). Scores are
 * walked with {@link Ranking#sweep}, so tied scores make one point and the areas equal
 * {@link Metrics#rocAuc} and {@link Metrics#averagePrecision}. Models keep the order of the map's
 * iteration (a {@code LinkedHashMap} keeps the order they were put in).
 *
 * <pre>{@code
 * ModelPlots plots = Curves.compare(test, "clicked", Map.of("logistic", "p_lr", "trees", "p_gbt"),
 *         MetricsOptions.defaults());
 * }</pre>
 */
public final class Curves {
    /** The name a single unnamed model is shown under. */
    public static final String MODEL = "model";

    /** Lift and gains are read in deciles. */
    public static final int DECILES = 10;

    private Curves() {}

    /** The ROC curve of one model: true-positive rate against false-positive rate. */
    public static CurveReport roc(boolean[] actual, double[] score) {
        return roc(actual, Map.of(MODEL, score));
    }

    /** The ROC curves of several models scored on the same rows, in the map's order. */
    public static CurveReport roc(boolean[] actual, Map<String, double[]> scores) {
        return curves(CurveReport.Kind.ROC, actual, scores);
    }

    /** The precision-recall curve of one model. */
    public static CurveReport precisionRecall(boolean[] actual, double[] score) {
        return precisionRecall(actual, Map.of(MODEL, score));
    }

    /** The precision-recall curves of several models scored on the same rows, in the map's order. */
    public static CurveReport precisionRecall(boolean[] actual, Map<String, double[]> scores) {
        return curves(CurveReport.Kind.PRECISION_RECALL, actual, scores);
    }

    /**
     * Every plot for each model's probabilities: ROC, precision-recall, reliability with bin counts,
     * cumulative gains with the decile lift table, and the confusion matrix at the options' threshold.
     */
    public static ModelPlots compare(boolean[] actual, Map<String, double[]> probabilities, MetricsOptions options) {
        Map<String, double[]> p = checked("model plots", actual, probabilities);
        Map<String, Calibration> calibration = new LinkedHashMap<>();
        List<LiftTable> lift = new ArrayList<>();
        Map<String, Confusion> confusion = new LinkedHashMap<>();
        p.forEach((model, probability) -> {
            Checks.probabilities("model plots: " + model, probability);
            calibration.put(model, Calibration.of(actual, probability, options.calibrationBins()));
            lift.add(LiftTable.of(model, actual, probability, DECILES));
            boolean[] predicted = new boolean[actual.length];
            for (int i = 0; i < actual.length; i++) predicted[i] = probability[i] >= options.threshold();
            confusion.put(model, Confusion.of(actual, predicted));
        });
        return new ModelPlots(roc(actual, p), precisionRecall(actual, p), calibration, lift, confusion, options);
    }

    /**
     * Every plot for a scored table: {@code labelColumn} holds the actual class (positive as named by
     * the options), each value of {@code probabilityColumns} a model's probability column, by model name.
     */
    public static ModelPlots compare(
            Table table, String labelColumn, Map<String, String> probabilityColumns, MetricsOptions options) {
        String who = "model plots";
        Require.nonEmpty(Require.table(table, who, "evaluated"), who);
        Require.that(!probabilityColumns.isEmpty(), who, "name at least one probability column");
        boolean[] actual = ScoredTable.actual(table, labelColumn, options.positive(), who);
        Map<String, double[]> p = new LinkedHashMap<>();
        probabilityColumns.forEach((model, column) -> p.put(model, ScoredTable.scores(table, column, who)));
        return compare(actual, p, options);
    }

    private static CurveReport curves(CurveReport.Kind kind, boolean[] actual, Map<String, double[]> scores) {
        Map<String, double[]> s = checked(kind.title(), actual, scores);
        long positives = positives(actual);
        List<Curve> curves = new ArrayList<>();
        s.forEach((model, score) -> curves.add(
                kind == CurveReport.Kind.ROC
                        ? roc(model, actual, score, positives)
                        : precisionRecall(model, actual, score, positives)));
        return new CurveReport(kind, curves, actual.length, positives);
    }

    /** From (0, 0) to (1, 1); undefined without both classes, since each axis divides by one of them. */
    private static Curve roc(String model, boolean[] actual, double[] score, long positives) {
        long negatives = actual.length - positives;
        if (positives == 0 || negatives == 0) return new Curve(model, List.of(), Double.NaN);
        List<Curve.Point> points = new ArrayList<>();
        points.add(new Curve.Point(Double.POSITIVE_INFINITY, 0, 0));
        Ranking.sweep(
                actual,
                score,
                (threshold, tp, fp) ->
                        points.add(new Curve.Point(threshold, (double) fp / negatives, (double) tp / positives)));
        return new Curve(model, points, Ranking.rocAuc(actual, score));
    }

    /**
     * Recall on x, precision on y; starts at recall 0 with precision 1 (nothing predicted, nothing
     * wrong: scikit-learn's convention). Undefined without positives, as recall is.
     */
    private static Curve precisionRecall(String model, boolean[] actual, double[] score, long positives) {
        if (positives == 0) return new Curve(model, List.of(), Double.NaN);
        List<Curve.Point> points = new ArrayList<>();
        points.add(new Curve.Point(Double.POSITIVE_INFINITY, 0, 1));
        Ranking.sweep(
                actual,
                score,
                (threshold, tp, fp) ->
                        points.add(new Curve.Point(threshold, (double) tp / positives, (double) tp / (tp + fp))));
        return new Curve(model, points, Ranking.averagePrecision(actual, score));
    }

    /** The scores in their given order, each checked against the labels. */
    private static Map<String, double[]> checked(String who, boolean[] actual, Map<String, double[]> scores) {
        Require.that(!scores.isEmpty(), who, "no model to plot");
        Require.that(actual.length > 0, who, "no rows to plot");
        Map<String, double[]> out = new LinkedHashMap<>();
        scores.forEach((model, score) -> {
            Require.that(model != null && !model.isBlank(), who, "every model needs a name");
            Checks.sameLength(who + ": " + model, "actual", actual.length, "score", score.length);
            Checks.finite(who + ": " + model, score);
            out.put(model, score);
        });
        return out;
    }

    static long positives(boolean[] actual) {
        long n = 0;
        for (boolean a : actual) if (a) n++;
        return n;
    }
}
