/**
 * Per-learner variants of the lessons' exercises: {@link org.mlcycle.course.variant.StudentDraw},
 * the one seeded builder that every lesson's data class draws a learner's numbers, rows and world
 * with, and {@link org.mlcycle.course.variant.StudentRows}, its short names for the notebooks.
 */
package org.mlcycle.course.variant;
