package org.mlcycle.toolkit.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.metrics.Metrics;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.split.Folds;

/**
 * Predicted class probabilities for every row of a table, each from the fold model that did not see
 * the row. Row i of {@link #probabilities()} is table row i; column k is {@code classes().get(k)}
 * (classes sorted by name); {@code labels[i]} is the index of row i's given class. A class absent
 * from a fold's training rows gets probability 0 from that fold's model.
 */
public record OutOfFoldProbabilities(
        List<String> classes, int[] labels, double[][] probabilities, Folds folds, String trainer) implements Rendered {

    public OutOfFoldProbabilities {
        classes = List.copyOf(classes);
        Objects.requireNonNull(folds, "folds");
        Objects.requireNonNull(trainer, "trainer");
        labels = labels.clone();
        double[][] copy = new double[probabilities.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = probabilities[i].clone();
        probabilities = copy;
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException(String.format(
                    "out-of-fold: %d labels but %d probability rows", labels.length, probabilities.length));
        }
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of the n x K matrix. */
    @Override
    public double[][] probabilities() {
        double[][] copy = new double[probabilities.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = probabilities[i].clone();
        return copy;
    }

    /** Probability of class {@code k} for every row. */
    public double[] probabilitiesOf(int k) {
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) out[i] = probabilities[i][k];
        return out;
    }

    /** Probability of class {@code name} for every row. */
    public double[] probabilitiesOf(String name) {
        int k = classes.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException(
                    "out-of-fold: no class '" + name + "' (has: " + String.join(", ", classes) + ")");
        }
        return probabilitiesOf(k);
    }

    /** Rows. */
    public int rows() {
        return labels.length;
    }

    /** ROC-AUC of class {@code k} against the given labels (one class against the rest). */
    public double rocAuc(int k) {
        boolean[] actual = new boolean[labels.length];
        for (int i = 0; i < actual.length; i++) actual[i] = labels[i] == k;
        return Metrics.rocAuc(actual, probabilitiesOf(k));
    }

    /** The class the ROC-AUC in the report is computed for: the last one (e.g. "1" of "0", "1"). */
    public int positiveIndex() {
        return classes.size() - 1;
    }

    @Override
    public String toText() {
        return headline("en");
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        int pos = positiveIndex();
        return Messages.in(
                language,
                "report.outOfFold.headline",
                rows(),
                folds.k(),
                Messages.in(
                        language,
                        folds.label().isEmpty() ? "report.outOfFold.unstratified" : "report.outOfFold.stratified"),
                fmt(rocAuc(pos)),
                classes.get(pos),
                trainer);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        int[] counts = new int[classes.size()];
        for (int y : labels) counts[y]++;
        for (int k = 0; k < classes.size(); k++) rows.add(List.of(classes.get(k), counts[k], fmt(rocAuc(k))));
        return Html.translatedReport(
                headline(Messages.language()),
                Html.table(Html.headers("report.outOfFold.", "class", "rows", "rocAuc"), rows));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rows", rows());
        r.put("classes", classes);
        r.put("folds", folds.toRecord());
        r.put("trainer", trainer);
        r.put("roc_auc", rocAuc(positiveIndex()));
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
