package org.mlcycle.toolkit.metrics;

import java.util.Locale;

/** Argument checks and number formatting shared by the metric classes. */
final class Checks {
    private Checks() {}

    static void sameLength(String who, String a, int na, String b, int nb) {
        if (na != nb) {
            throw new IllegalArgumentException(String.format("%s: %s has %d values but %s has %d", who, a, na, b, nb));
        }
    }

    static void probabilities(String who, double[] p) {
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "%s: probability %s at row %d is not in [0, 1]", who, p[i], i));
            }
        }
    }

    static void finite(String who, double[] score) {
        for (int i = 0; i < score.length; i++) {
            if (!Double.isFinite(score[i])) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "%s: score %s at row %d is not a finite number", who, score[i], i));
            }
        }
    }

    /** Four decimals, or "-" for an undefined (NaN) value. */
    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
