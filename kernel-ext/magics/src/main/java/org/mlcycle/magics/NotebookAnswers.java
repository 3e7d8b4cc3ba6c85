package org.mlcycle.magics;

import java.util.ArrayList;
import java.util.List;
import org.mlcycle.toolkit.exercises.AnswerProblem;
import org.mlcycle.toolkit.exercises.Answers;

/**
 * The learner's live variables, as an exercise check reads them; what is missing becomes a hint.
 * It remembers the variables the check read and the first one that was not defined, so that
 * {@code %check} can tell an answer not written yet from a wrong one.
 */
final class NotebookAnswers implements Answers {
    private final Notebook notebook;
    private final long seed;
    private final List<String> read = new ArrayList<>();
    private String missing;

    NotebookAnswers(Notebook notebook, long seed) {
        this.notebook = notebook;
        this.seed = seed;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public Object value(String name) {
        if (!read.contains(name)) {
            read.add(name);
        }
        try {
            return Variables.value(notebook, name);
        } catch (IllegalArgumentException e) {
            if (missing == null) {
                missing = name;
            }
            throw AnswerProblem.missing(name);
        }
    }

    @Override
    public Object eval(String expression) {
        try {
            return notebook.run(expression);
        } catch (RuntimeException e) {
            throw new AnswerProblem("the check needs " + expression + ", which does not run yet: run the lesson's"
                    + " cells above this one first");
        }
    }

    /** The variables the check asked for, in the order it asked. */
    List<String> read() {
        return List.copyOf(read);
    }

    /** The first variable the check asked for that the notebook does not define; null when none. */
    String missing() {
        return missing;
    }
}
