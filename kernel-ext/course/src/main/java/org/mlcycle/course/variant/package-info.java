/** Per-learner variants of the lessons' exercises: seeded draws of a lesson's own rows. */
package org.mlcycle.course.variant;
