package org.mlcycle.toolkit.journal;

import java.time.Instant;

/**
 * A recorded exercise event: a {@code check} attempt (passed or not, the score when there is one,
 * NaN otherwise, and the hint or message shown) or a {@code reveal} of the model answer.
 * {@code lesson} is null for attempts recorded without one.
 */
public record ExerciseResult(
        long id, String exercise, String lesson, String kind, boolean passed, double score, String detail, Instant at) {

    /** The kind of a check attempt. */
    public static final String CHECK = "check";
    /** The kind of a model answer shown on request. */
    public static final String REVEAL = "reveal";
}
