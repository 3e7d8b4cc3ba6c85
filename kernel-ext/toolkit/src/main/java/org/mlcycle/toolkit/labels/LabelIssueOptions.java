package org.mlcycle.toolkit.labels;

import java.util.Objects;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/**
 * How out-of-fold probabilities are made for label-issue detection: {@code folds} stratified folds
 * drawn with {@code seed}, each trained with {@code trainer}.
 */
public record LabelIssueOptions(int folds, long seed, Trainer<Label> trainer) {

    public LabelIssueOptions {
        if (folds < 2) {
            throw new IllegalArgumentException("label issues: folds must be at least 2, got " + folds);
        }
        Objects.requireNonNull(trainer, "label issues: trainer");
    }

    /** 5 stratified folds (cleanlab's default), seed 0, Tribuo's logistic regression (AdaGrad, 5 epochs). */
    public static LabelIssueOptions defaults() {
        return new LabelIssueOptions(5, 0, new LogisticRegressionTrainer());
    }

    public LabelIssueOptions withFolds(int folds) {
        return new LabelIssueOptions(folds, seed, trainer);
    }

    public LabelIssueOptions withSeed(long seed) {
        return new LabelIssueOptions(folds, seed, trainer);
    }

    public LabelIssueOptions withTrainer(Trainer<Label> trainer) {
        return new LabelIssueOptions(folds, seed, trainer);
    }
}
