/**
 * Exercises that check themselves: an {@link org.mlcycle.toolkit.exercises.Exercise} has an id
 * (nbgrader's {@code grade_id}), points, a model answer and a {@link org.mlcycle.toolkit.exercises.Check}
 * that reads the learner's live variables through {@link org.mlcycle.toolkit.exercises.Answers} and
 * answers pass or a hint. Checks are Java code found on the classpath ({@link
 * org.mlcycle.toolkit.exercises.ExerciseSet} services), never text in the student's notebook; a
 * seeded exercise recomputes its expected values from the learner's {@link
 * org.mlcycle.toolkit.exercises.Variant}, so no answer is stored anywhere.
 */
package org.mlcycle.toolkit.exercises;
