/**
 * The course's exercise texts in the learner's language: {@link org.mlcycle.course.i18n.ExerciseTexts}
 * over the bundle {@code exercises*.properties} beside it. A translator adds {@code exercises_xx.properties}
 * (UTF-8) with the keys translated; the missing ones show in English.
 */
package org.mlcycle.course.i18n;
