package org.mlcycle.toolkit.journal;

import java.time.Instant;

/** A recorded exercise attempt: passed or not, the score when there is one (NaN otherwise). */
public record ExerciseResult(long id, String exercise, boolean passed, double score, String detail, Instant at) {}
