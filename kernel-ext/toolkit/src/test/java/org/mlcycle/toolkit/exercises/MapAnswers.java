package org.mlcycle.toolkit.exercises;

import java.util.HashMap;
import java.util.Map;

/** A learner's notebook reduced to its variables, for checks run without a kernel. */
final class MapAnswers implements Answers {
    private final Map<String, Object> variables = new HashMap<>();
    private final long seed;

    MapAnswers(long seed) {
        this.seed = seed;
    }

    MapAnswers with(String name, Object value) {
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
