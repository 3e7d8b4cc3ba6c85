/**
 * The checks and model answers of the lessons' exercises (lessons/00 to 11), one
 * {@link org.mlcycle.toolkit.exercises.ExerciseSet}. They read the learner's live variables and
 * recompute the expected value from the lesson's data, so the notebooks hold only {@code %check id}.
 */
package org.mlcycle.toolkit.exercises.lessons;
