package org.mlcycle.toolkit.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builds a {@link MulticlassReport} from predictions (and, for log-loss, probabilities): from arrays,
 * or from a table scored by a model, which holds the actual class, the predicted class and one
 * probability column per class named {@code prefix + class}.
 */
public final class Multiclass {
    private Multiclass() {}

    /** Precision, recall, F1 and the confusion matrix of {@code predicted} against {@code actual}; no log-loss. */
    public static MulticlassReport of(String[] actual, String[] predicted) {
        Checks.sameLength("multiclass", "actual", actual.length, "predicted", predicted.length);
        return report(classes(List.of(), actual, predicted), actual, predicted, null, null);
    }

    /**
     * The same with log-loss: {@code probability[i][k]} is row {@code i}'s probability of
     * {@code classes.get(k)} (rows are divided by their sum, as scikit-learn does).
     */
    public static MulticlassReport of(
            String[] actual, String[] predicted, List<String> classes, double[][] probability) {
        Checks.sameLength("multiclass", "actual", actual.length, "predicted", predicted.length);
        Checks.sameLength("multiclass", "actual", actual.length, "probabilities", probability.length);
        for (int i = 0; i < probability.length; i++) {
            if (probability[i].length != classes.size()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "multiclass: row %d has %d probabilities for %d classes",
                        i,
                        probability[i].length,
                        classes.size()));
            }
            Checks.probabilities("multiclass", probability[i]);
        }
        return report(classes(classes, actual, predicted), actual, predicted, List.copyOf(classes), probability);
    }

    /**
     * Evaluates a scored table: {@code labelColumn} the actual class, {@code predictionColumn} the
     * predicted one, and every column named {@code probabilityPrefix + class} a class's probability
     * (none: no log-loss). A table scored by a {@code ServingModel} has {@code "prediction"} and
     * {@code "p_"}.
     */
    public static MulticlassReport of(
            Table table, String labelColumn, String predictionColumn, String probabilityPrefix) {
        Require.nonEmpty(Require.table(table, "multiclass", "evaluated"), "multiclass");
        String[] actual = strings(table, labelColumn);
        String[] predicted = strings(table, predictionColumn);
        List<String> classes = new ArrayList<>();
        for (String name : table.columnNames()) {
            if (probabilityPrefix != null && name.startsWith(probabilityPrefix)) {
                classes.add(name.substring(probabilityPrefix.length()));
            }
        }
        if (classes.isEmpty()) return of(actual, predicted);
        double[][] probability = new double[table.rowCount()][classes.size()];
        for (int k = 0; k < classes.size(); k++) {
            double[] p = ScoredTable.scores(table, probabilityPrefix + classes.get(k), "multiclass");
            for (int i = 0; i < p.length; i++) probability[i][k] = p[i];
        }
        return of(actual, predicted, classes, probability);
    }

    private static String[] strings(Table table, String name) {
        Column<?> column = Require.column(table, name, "multiclass");
        String[] out = new String[table.rowCount()];
        for (int i = 0; i < out.length; i++) {
            if (column.isMissing(i)) {
                throw new IllegalArgumentException(String.format(
                        "multiclass: missing value in row %d of column '%s' in table '%s'", i, name, table.name()));
            }
            out[i] = column.getString(i);
        }
        return out;
    }

    /** Every class named anywhere, in number order when all are numbers (as scikit-learn sorts labels), else by name. */
    private static List<String> classes(List<String> given, String[] actual, String[] predicted) {
        Set<String> all = new LinkedHashSet<>(given);
        for (String a : actual) all.add(a);
        for (String p : predicted) all.add(p);
        List<String> sorted = new ArrayList<>(all);
        boolean numbers = sorted.stream().allMatch(Multiclass::isNumber);
        sorted.sort(numbers ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        return sorted;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Counts the matrix; with probabilities (columns in {@code probabilityClasses} order), the
     * log-loss too, which needs every actual class to have a probability column.
     */
    private static MulticlassReport report(
            List<String> classes,
            String[] actual,
            String[] predicted,
            List<String> probabilityClasses,
            double[][] probability) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) index.put(classes.get(k), k);
        long[][] matrix = new long[classes.size()][classes.size()];
        for (int i = 0; i < actual.length; i++) matrix[index.get(actual[i])][index.get(predicted[i])]++;
        double logLoss = Double.NaN;
        if (probability != null) {
            Map<String, Integer> column = new HashMap<>();
            for (int k = 0; k < probabilityClasses.size(); k++) column.put(probabilityClasses.get(k), k);
            int[] label = new int[actual.length];
            for (int i = 0; i < actual.length; i++) {
                Integer k = column.get(actual[i]);
                if (k == null) {
                    throw new IllegalArgumentException(String.format(
                            "multiclass: actual class '%s' at row %d has no probability column (classes: %s)",
                            actual[i], i, String.join(", ", probabilityClasses)));
                }
                label[i] = k;
            }
            logLoss = Metrics.logLoss(label, probability);
        }
        return new MulticlassReport(classes, matrix, logLoss);
    }
}
