package org.mlcycle.toolkit.exercises;

/**
 * A check on one number, read top to bottom: the right value passes, then each known mistake gets
 * its own hint, and anything else gets the last, general hint. The first rule that matches wins.
 *
 * <pre>{@code
 * return NumberAnswer.of(kappa, 1e-9)
 *         .right(report.kappa(), "kappa = 0.52")
 *         .mistake(report.observedAgreement(), "that is p_o; kappa corrects it for chance")
 *         .otherwise("check p_e");
 * }</pre>
 */
public final class NumberAnswer {
    private final double answer;
    private final double tolerance;
    private Verdict verdict;

    private NumberAnswer(double answer, double tolerance) {
        this.answer = answer;
        this.tolerance = tolerance;
    }

    /** The learner's {@code answer}, matched within {@code tolerance} (relative above 1, see {@link Verdict#close}). */
    public static NumberAnswer of(double answer, double tolerance) {
        return new NumberAnswer(answer, tolerance);
    }

    /** Passes with {@code message} when the answer is {@code expected}. */
    public NumberAnswer right(double expected, String message) {
        return rule(Verdict.close(answer, expected, tolerance), Verdict.pass(message));
    }

    /** The hint for a known mistake, whose result is {@code wrong}. */
    public NumberAnswer mistake(double wrong, String hint) {
        return rule(Verdict.close(answer, wrong, tolerance), Verdict.hint(hint));
    }

    /** The hint for a mistake recognised by {@code condition} (a sign, a zero). */
    public NumberAnswer mistakeIf(boolean condition, String hint) {
        return rule(condition, Verdict.hint(hint));
    }

    /** The verdict: the first rule that matched, else {@code hint}. */
    public Verdict otherwise(String hint) {
        return verdict != null ? verdict : Verdict.hint(hint);
    }

    private NumberAnswer rule(boolean matches, Verdict result) {
        if (verdict == null && matches) {
            verdict = result;
        }
        return this;
    }
}
