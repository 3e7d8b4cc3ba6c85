package org.mlcycle.toolkit.exercises;

import java.util.Objects;
import java.util.regex.Pattern;
import org.mlcycle.toolkit.i18n.Messages;

/**
 * One exercise: its id (nbgrader's {@code grade_id}, so letters, digits, {@code _} and {@code -}),
 * the lesson it belongs to, a short title, the points it is worth, a model answer shown on request
 * ({@code %reveal}) and the check. A question is an exercise without a check and without points:
 * an interview-style prompt whose answer the learner writes in prose and compares with the model.
 */
public record Exercise(String id, String lesson, String title, double points, String modelAnswer, Check check) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    public Exercise {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "exercise: the id '" + id + "' must be letters, digits, '_' or '-'" + " (nbgrader's grade_id)");
        }
        Objects.requireNonNull(lesson, "exercise " + id + ": lesson is null");
        Objects.requireNonNull(title, "exercise " + id + ": title is null");
        if (!(points >= 0)) {
            throw new IllegalArgumentException("exercise " + id + ": points " + points + " is negative");
        }
        if (modelAnswer == null || modelAnswer.isBlank()) {
            throw new IllegalArgumentException("exercise " + id + ": the model answer is empty");
        }
        if (check == null && points > 0) {
            throw new IllegalArgumentException("exercise " + id + ": points without a check");
        }
    }

    /** An exercise worth {@code points}, checked by {@code check}. */
    public static Exercise of(String id, String lesson, String title, double points, Check check, String modelAnswer) {
        return new Exercise(id, lesson, title, points, modelAnswer, Objects.requireNonNull(check, "check"));
    }

    /** An interview-style question: no check, no points, a model answer to reveal. */
    public static Exercise question(String id, String lesson, String title, String modelAnswer) {
        return new Exercise(id, lesson, title, 0, modelAnswer, null);
    }

    /** Whether this is a question without a check. */
    public boolean isQuestion() {
        return check == null;
    }

    /**
     * Runs the check on {@code answers}. What the learner has not done yet (a variable missing or of
     * another kind) and a check stopped by an odd answer (an empty table, an index out of range) come
     * back as hints: a check never fails the kernel.
     */
    public CheckResult check(Answers answers) {
        if (isQuestion()) {
            throw new IllegalArgumentException(
                    id + " is a question without a check; %reveal " + id + " shows the model answer");
        }
        Verdict verdict;
        try {
            verdict = check.run(answers);
        } catch (AnswerProblem e) {
            verdict = Verdict.hint(e.getMessage());
        } catch (RuntimeException e) {
            verdict = Verdict.hint(Messages.get("check.stopped", plainly(e)));
        }
        return new CheckResult(
                id, lesson, title, points, verdict.fraction() * points, verdict.passed(), verdict.message());
    }

    /**
     * What stopped a check, in words a learner reads: the exception's own message (its first line),
     * never its class name, which names the check's code rather than the learner's mistake.
     */
    static String plainly(RuntimeException e) {
        if (e instanceof NullPointerException) {
            return Messages.get("check.stopped.null");
        }
        String m = e.getMessage();
        return m == null || m.isBlank()
                ? Messages.get("check.stopped.unusable")
                : m.strip().lines().findFirst().orElse(m);
    }
}
