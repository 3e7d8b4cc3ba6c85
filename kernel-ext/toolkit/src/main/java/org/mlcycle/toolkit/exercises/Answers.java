package org.mlcycle.toolkit.exercises;

import org.mlcycle.toolkit.i18n.Messages;

/**
 * What a check may read from the learner's notebook: variables by name, the value of an expression
 * (for notebook-defined types such as a record the lesson declared), and the learner's variant
 * seed. A missing variable or one of the wrong kind ends the check with a hint, not an error.
 */
public interface Answers {

    /** The live value of the notebook variable {@code name} (null when it holds null). */
    Object value(String name);

    /** The value of the Java expression {@code expression} evaluated in the notebook. */
    Object eval(String expression);

    /** The seed of the learner's variant ({@link Variant}); {@link Variant#DEFAULT} without one. */
    long seed();

    /** The variable {@code name} as a number, whatever numeric type the learner declared. */
    default double number(String name) {
        Object value = value(name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw AnswerProblem.wrongKind(name, value, Messages.get("answer.asks.number"));
    }

    /** The variable {@code name} as a whole number. */
    default long whole(String name) {
        Object value = value(name);
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw AnswerProblem.wrongKind(name, value, Messages.get("answer.asks.whole"));
    }

    /** The variable {@code name} as a {@code type}; {@code described} names it for the learner. */
    default <T> T value(String name, Class<T> type, String described) {
        Object value = value(name);
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw AnswerProblem.wrongKind(name, value, described);
    }

    /** The expression's value as a number. */
    default double evalNumber(String expression) {
        Object value = eval(expression);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new AnswerProblem(Messages.get("answer.notNumber", expression, value));
    }
}
