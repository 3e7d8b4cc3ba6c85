package org.mlcycle.toolkit.exercises;

import java.util.List;

/**
 * A source of exercises, found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.mlcycle.toolkit.exercises.ExerciseSet} of any jar on the kernel's
 * classpath (an instructor's own checks jar added with {@code %jars} works too).
 */
public interface ExerciseSet {
    List<Exercise> exercises();
}
