package org.mlcycle.toolkit.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mlcycle.toolkit.split.Folds;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.support.Require;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import tech.tablesaw.api.Table;

/**
 * Out-of-fold probabilities: for each fold, a feature spec fit on that fold's training rows only (so
 * no statistic of a held-out row leaks into its features), a model trained on them, and predictions
 * for the held-out rows, placed back at their table rows through the example metadata.
 */
public final class OutOfFold {
    private OutOfFold() {}

    /** Runs the folds one after another with {@code trainer} (its own seed makes the result reproducible). */
    public static OutOfFoldProbabilities probabilities(Table table, FeatureOptions options, Folds folds,
            Trainer<Label> trainer) {
        String who = "out-of-fold";
        Require.nonEmpty(Require.table(table, who, "training"), who);
        Require.that(folds.rows() == table.rowCount(), who, "folds were made on %d rows, but table '%s' has %d",
                folds.rows(), table.name(), table.rowCount());
        String[] given = LabelColumn.values(table, options.label(), who);
        List<String> classes = new ArrayList<>(new TreeSet<>(List.of(given)));
        int[] labels = new int[given.length];
        for (int i = 0; i < given.length; i++) labels[i] = classes.indexOf(given[i]);
        double[][] p = new double[given.length][];
        for (int f = 0; f < folds.k(); f++) {
            int[] train = folds.trainRows(f);
            FeatureSpec spec = FeatureSpec.fit(table, train, options);
            MutableDataset<Label> data = Features.dataset(table, train, spec);
            Model<Label> model = trainer.train(data);
            for (Prediction<Label> pred : model.predict(Features.examples(table, folds.testRows(f), spec))) {
                Map<String, Label> scores = pred.getOutputScores();
                double[] row = new double[classes.size()];
                for (int k = 0; k < row.length; k++) {
                    Label s = scores.get(classes.get(k));
                    row[k] = s == null ? 0.0 : s.getScore();
                }
                p[Features.row(pred.getExample())] = row;
            }
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] == null) {
                throw new IllegalStateException("out-of-fold: row " + i + " was held out by no fold");
            }
        }
        return new OutOfFoldProbabilities(classes, labels, p, folds, trainer.toString());
    }
}
