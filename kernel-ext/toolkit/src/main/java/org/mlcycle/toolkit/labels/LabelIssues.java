package org.mlcycle.toolkit.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.OutOfFold;
import org.mlcycle.toolkit.bridge.OutOfFoldProbabilities;
import org.mlcycle.toolkit.split.Folds;
import org.mlcycle.toolkit.split.Split;
import org.mlcycle.toolkit.split.Splits;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * Finds rows whose label is probably wrong by confident learning on out-of-fold probabilities (see
 * {@link ConfidentLearning} for the exact steps). Only training data is searched: a table handed out
 * as a test split is refused, because relabelling the test set by what a model believes makes the
 * test agree with the model.
 */
public final class LabelIssues {
    private LabelIssues() {}

    private static final String WHO = "label issues";

    /**
     * Stratified k-fold out-of-fold probabilities on {@code table}, then confident learning. Issue rows
     * are rows of {@code table}.
     */
    public static LabelIssueReport find(Table table, FeatureOptions features, LabelIssueOptions options) {
        refuseTestSet(table);
        Require.nonEmpty(table, WHO);
        Folds folds = Splits.stratifiedKFold(table, features.label(), options.folds(), options.seed());
        return find(OutOfFold.probabilities(table, features, folds, options.trainer()));
    }

    /**
     * Searches the training rows of {@code split} only; issue rows are rows of {@code table}, the table
     * the split was made on.
     */
    public static LabelIssueReport find(Table table, Split split, FeatureOptions features, LabelIssueOptions options) {
        Require.table(table, WHO, "searched");
        LabelIssueReport onTrain = find(split.train(table), features, options);
        int[] trainRows = split.trainRows();
        List<LabelIssue> mapped = new ArrayList<>();
        for (LabelIssue i : onTrain.issues()) {
            mapped.add(new LabelIssue(trainRows[i.row()], i.given(), i.suggested(), i.selfConfidence()));
        }
        return new LabelIssueReport(
                onTrain.classes(),
                table.rowCount(),
                onTrain.thresholds(),
                onTrain.confidentJoint(),
                onTrain.calibratedJoint(),
                mapped,
                onTrain.source() + "; training rows of " + split.method() + " split only",
                onTrain.rocAuc());
    }

    /** Confident learning on probabilities made elsewhere (they must be out-of-fold). */
    public static LabelIssueReport find(OutOfFoldProbabilities oof) {
        Folds f = oof.folds();
        String source = String.format(
                Locale.ROOT,
                "out-of-fold probabilities from %d %s folds (seed %d)",
                f.k(),
                f.label().isEmpty() ? "unstratified" : "stratified",
                f.seed());
        return find(oof.labels(), oof.probabilities(), oof.classes(), source, oof.rocAuc(oof.positiveIndex()));
    }

    /**
     * Confident learning on a probability matrix: {@code labels[i]} indexes {@code classes}, row i of
     * {@code probabilities} holds one probability per class. The probabilities must be out-of-sample;
     * in-sample ones make every label look right.
     */
    public static LabelIssueReport find(int[] labels, double[][] probabilities, List<String> classes) {
        return find(labels, probabilities, classes, "given probabilities", Double.NaN);
    }

    private static LabelIssueReport find(int[] labels, double[][] p, List<String> classes, String source, double auc) {
        int k = classes.size();
        Require.that(k >= 2, WHO, "need at least 2 classes, got %d", k);
        Require.that(labels.length == p.length, WHO, "%d labels but %d probability rows", labels.length, p.length);
        for (int i = 0; i < p.length; i++) {
            // plain checks: Require.that would box its arguments once per row
            if (labels[i] < 0 || labels[i] >= k) {
                Require.that(false, WHO, "label %d at row %d is not a class index (0 to %d)", labels[i], i, k - 1);
            }
            if (p[i].length != k) {
                Require.that(false, WHO, "row %d has %d probabilities for %d classes", i, p[i].length, k);
            }
            for (double v : p[i]) {
                if (!(v >= 0 && v <= 1)) Require.that(false, WHO, "probability %s at row %d is not in [0, 1]", v, i);
            }
        }
        ConfidentLearning.Result r = ConfidentLearning.run(labels, p, k);
        List<LabelIssue> issues = new ArrayList<>(r.ranked().length);
        for (int row : r.ranked()) {
            issues.add(new LabelIssue(
                    row, classes.get(labels[row]), classes.get(ConfidentLearning.argmax(p[row])), p[row][labels[row]]));
        }
        return new LabelIssueReport(
                classes, labels.length, r.thresholds(), r.confidentJoint(), r.calibratedJoint(), issues, source, auc);
    }

    private static void refuseTestSet(Table table) {
        Require.table(table, WHO, "searched");
        if (Splits.isTestSet(table)) {
            throw new IllegalArgumentException(String.format(
                    "label issues: table '%s' is a test split; search the training rows instead (fixing test labels by"
                            + " a model's beliefs makes the test agree with the model)",
                    table.name()));
        }
    }
}
