package org.mlcycle.magics;

import org.mlcycle.toolkit.exercises.AnswerProblem;
import org.mlcycle.toolkit.exercises.Answers;

/** The learner's live variables, as an exercise check reads them; what is missing becomes a hint. */
record NotebookAnswers(Notebook notebook, long seed) implements Answers {

    @Override
    public Object value(String name) {
        try {
            return Variables.value(notebook, name);
        } catch (IllegalArgumentException e) {
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
}
