/** The practice notebook's data and exercises: a short lesson-like set for trying the classroom tools. */
package org.mlcycle.course.practice;
