/**
 * The lessons' exercises (lessons/00 to 14): one class per lesson with its checks, hints and model
 * answers, gathered by {@link org.mlcycle.course.lessons.LessonExercises}, an
 * {@link org.mlcycle.toolkit.exercises.ExerciseSet}. The checks read the learner's live variables
 * and recompute the expected value from the lesson's data, so the notebooks hold only
 * {@code %check_answer id}.
 */
package org.mlcycle.course.lessons;
