package org.mlcycle.toolkit.exercises;

import org.mlcycle.toolkit.i18n.Messages;

/**
 * The learner's notebook does not hold what a check needs yet (a variable not defined, or of
 * another kind). {@link Exercise#check} turns it into a hint: it is the learner's to fix, not a
 * fault of the check.
 */
public final class AnswerProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnswerProblem(String message) {
        super(message, null, false, false);
    }

    /** {@code 'rpm' is not defined yet: run the cell that computes it}. */
    public static AnswerProblem missing(String name) {
        return new AnswerProblem(Messages.get("answer.missing", undefined(name)));
    }

    /** {@code 'rpm' is a String, but the exercise asks for a number}. */
    public static AnswerProblem wrongKind(String name, Object value, String described) {
        String kind = value == null
                ? "null"
                : Messages.get("answer.kind", value.getClass().getSimpleName());
        return new AnswerProblem(Messages.get("answer.wrongKind", name, kind, described));
    }

    /** {@code 'rpm' is not defined yet}: how {@link #missing} begins, in the language in use. */
    public static String undefined(String name) {
        return Messages.get("answer.undefined", name);
    }
}
