package org.mlcycle.toolkit.journal;

import java.time.Instant;

/** A recorded move into a stage of the cycle, with the learner's note (may be empty). */
public record StageMove(long id, Stage stage, String note, Instant at) {}
