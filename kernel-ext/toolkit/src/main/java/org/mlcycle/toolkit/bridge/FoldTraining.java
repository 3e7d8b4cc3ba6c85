package org.mlcycle.toolkit.bridge;

import com.google.errorprone.annotations.CheckReturnValue;

/**
 * What is done to each fold's training rows before its model is trained, and only to them (the
 * held-out rows are always scored as they are): random over- or under-sampling (seeded by
 * {@code seed} and the fold number) and inverse-frequency example weights. The feature spec is fit
 * on the fold's training rows before resampling, so duplicated rows do not shift its statistics.
 */
@CheckReturnValue
public record FoldTraining(Resample resample, boolean classWeights, long seed) {

    /** Which resampling, if any. */
    public enum Resample {
        NONE,
        /** Every class but the largest topped up to its count, rows drawn with replacement. */
        OVER,
        /** Every class but the rarest cut to its count, rows drawn without replacement. */
        UNDER
    }

    public FoldTraining {
        if (resample == null) {
            throw new IllegalArgumentException("fold training: resample is null; use Resample.NONE");
        }
    }

    /** Train on the fold's rows as they are. */
    public static FoldTraining asIs() {
        return new FoldTraining(Resample.NONE, false, 0);
    }

    public FoldTraining withResample(Resample resample, long seed) {
        return new FoldTraining(resample, classWeights, seed);
    }

    public FoldTraining withClassWeights(boolean on) {
        return new FoldTraining(resample, on, seed);
    }
}
