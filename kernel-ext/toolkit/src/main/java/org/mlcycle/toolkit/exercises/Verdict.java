package org.mlcycle.toolkit.exercises;

import java.util.Locale;

/**
 * What one check says about an answer: the share of the points it earns (1 passed, 0 failed,
 * anything between is partial credit) and a message: the confirmation when it passed, a hint
 * otherwise (what is wrong, never the answer).
 */
public record Verdict(double fraction, String message) {
    public Verdict {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("verdict: the fraction " + fraction + " is not between 0 and 1");
        }
        message = message == null ? "" : message.strip();
    }

    /** Passed; {@code message} says what the learner found. */
    public static Verdict pass(String message) {
        return new Verdict(1, message);
    }

    /** Failed; {@code hint} says what is wrong. */
    public static Verdict hint(String hint) {
        return new Verdict(0, hint);
    }

    /** Part of the points, with the hint for the rest. */
    public static Verdict partial(double fraction, String hint) {
        return new Verdict(fraction, hint);
    }

    /** {@code String.format} with {@link Locale#ROOT}, so decimals read the same everywhere. */
    public static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Whether the answer earned every point. */
    public boolean passed() {
        return fraction == 1;
    }

    /** Whether {@code actual} is within {@code tolerance} of {@code expected} (relative above 1 in size). */
    public static boolean close(double actual, double expected, double tolerance) {
        return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
    }
}
