package org.mlcycle.toolkit.exercises;

import java.util.HashMap;
import java.util.Map;

/**
 * A learner's notebook reduced to its variables: what an {@link ExerciseSet}'s own unit tests give
 * its checks, so a course can test its model answers and hints without a kernel.
 */
public final class MapAnswers implements Answers {
    private final Map<String, Object> variables = new HashMap<>();
    private final long seed;

    /** Answers of the learner whose variant seed is {@code seed} (see {@link Variant#seed}). */
    public MapAnswers(long seed) {
        this.seed = seed;
    }

    /** Defines the variable {@code name}, as a notebook cell would; returns this for chaining. */
    public MapAnswers with(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    @Override
    public Object value(String name) {
        if (!variables.containsKey(name)) {
            throw AnswerProblem.missing(name);
        }
        return variables.get(name);
    }

    @Override
    public Object eval(String expression) {
        throw new AnswerProblem("no notebook to evaluate " + expression + " in");
    }

    @Override
    public long seed() {
        return seed;
    }
}
