package org.mlcycle.toolkit.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mlcycle.toolkit.report.Progress;
import org.mlcycle.toolkit.split.Folds;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.support.Require;
import org.tribuo.Dataset;
import org.tribuo.Model;
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

    /** Runs the folds one after another; the same as {@code probabilities(table, options, folds, trainer, 1)}. */
    public static OutOfFoldProbabilities probabilities(
            Table table, FeatureOptions options, Folds folds, Trainer<Label> trainer) {
        return probabilities(table, options, folds, trainer, 1);
    }

    /**
     * Runs the folds on {@code threads} threads. Fold f is trained with Tribuo's invocation count f,
     * so the result depends on the trainer's seed and the folds, not on the thread count or on how
     * often the trainer was used before.
     */
    public static OutOfFoldProbabilities probabilities(
            Table table, FeatureOptions options, Folds folds, Trainer<Label> trainer, int threads) {
        return probabilities(table, options, folds, trainer, threads, FoldTraining.asIs());
    }

    /**
     * As above, with each fold's training rows resampled or weighted as {@code training} says; the
     * held-out rows are never resampled.
     */
    public static OutOfFoldProbabilities probabilities(
            Table table,
            FeatureOptions options,
            Folds folds,
            Trainer<Label> trainer,
            int threads,
            FoldTraining training) {
        String who = "out-of-fold";
        Require.nonEmpty(Require.table(table, who, "training"), who);
        Require.that(
                folds.rows() == table.rowCount(),
                who,
                "folds were made on %d rows, but table '%s' has %d",
                folds.rows(),
                table.name(),
                table.rowCount());
        Require.that(threads >= 1, who, "threads must be at least 1, got %d", threads);
        String[] given = LabelColumn.values(table, options.label(), who);
        List<String> classes = new ArrayList<>(new TreeSet<>(List.of(given)));
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) index.put(classes.get(k), k);
        int[] labels = new int[given.length];
        for (int i = 0; i < given.length; i++) labels[i] = index.get(given[i]);
        double[][] p = new double[given.length][];
        FoldEncoder encoder = new FoldEncoder(table, options, classes, labels);
        List<Callable<Void>> tasks = new ArrayList<>();
        // one step per fold done; the folds' own trainings draw nothing under this bar
        Progress progress = Progress.standard();
        progress.start(
                folds.k(),
                String.format(Locale.ROOT, "cross-validation, %d folds of %,d rows", folds.k(), table.rowCount()));
        try {
            runFolds(tasks, folds, threads, encoder, trainer, classes, labels, training, p, progress);
        } finally {
            progress.done();
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] == null) {
                throw new IllegalStateException("out-of-fold: row " + i + " was held out by no fold");
            }
        }
        return new OutOfFoldProbabilities(classes, labels, p, folds, trainer.toString());
    }

    private static void runFolds(
            List<Callable<Void>> tasks,
            Folds folds,
            int threads,
            FoldEncoder encoder,
            Trainer<Label> trainer,
            List<String> classes,
            int[] labels,
            FoldTraining training,
            double[][] p,
            Progress progress) {
        for (int f = 0; f < folds.k(); f++) {
            final int fold = f;
            tasks.add(() -> {
                runFold(encoder, folds, trainer, fold, classes, labels, training, p);
                progress.step();
                return null;
            });
        }
        if (threads == 1) {
            for (Callable<Void> t : tasks) call(t);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()));
            try {
                for (Future<Void> done : pool.invokeAll(tasks)) get(done);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("out-of-fold: interrupted", e);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void runFold(
            FoldEncoder encoder,
            Folds folds,
            Trainer<Label> trainer,
            int fold,
            List<String> classes,
            int[] labels,
            FoldTraining training,
            double[][] p) {
        int[] train = folds.trainRows(fold);
        FoldEncoder.Bound spec = encoder.bind(encoder.fit(train));
        int[] rows = switch (training.resample()) {
            case NONE -> train;
            case OVER -> RowSampling.over(train, labels, classes.size(), new Random(training.seed() * 31 + fold));
            case UNDER -> RowSampling.under(train, labels, classes.size(), new Random(training.seed() * 31 + fold));
        };
        Dataset<Label> data = spec.dataset(rows);
        if (training.classWeights()) RowSampling.weigh(data, rows, labels, classes);
        Model<Label> model = trainer.train(data, Map.of(), fold);
        int[] test = folds.testRows(fold);
        List<Prediction<Label>> predictions = model.predict(spec.examples(test));
        for (int i = 0; i < test.length; i++) { // Model.predict keeps the order of its input
            Map<String, Label> scores = predictions.get(i).getOutputScores();
            double[] row = new double[classes.size()];
            for (int k = 0; k < row.length; k++) {
                Label s = scores.get(classes.get(k));
                row[k] = s == null ? 0.0 : s.getScore();
            }
            p[test[i]] = row; // rows of different folds never overlap
        }
    }

    private static void call(Callable<Void> task) {
        try {
            task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("out-of-fold: " + e.getMessage(), e);
        }
    }

    private static void get(Future<Void> done) throws InterruptedException {
        try {
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("out-of-fold: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
