package org.mlcycle.toolkit.imbalance;

import java.util.Locale;
import org.mlcycle.toolkit.metrics.Confusion;
import org.mlcycle.toolkit.metrics.Ranking;
import org.mlcycle.toolkit.support.Require;

/**
 * Decision-threshold tuning on a validation split (never on the test split, whose job is to measure
 * the tuned model). Candidate thresholds are the distinct predicted probabilities; "positive" means
 * probability at or above the threshold. Under heavy imbalance the best threshold is often far
 * below 0.5.
 */
public final class Thresholds {
    private Thresholds() {}

    /** The threshold with the highest F1; on a tie, the highest such threshold (fewer rows shown). */
    public static ThresholdChoice maximiseF1(boolean[] actual, double[] probability) {
        check(actual, probability, "threshold tuning");
        double best = Double.NaN, bestF1 = -1;
        for (double[] step : sweep(actual, probability)) {
            double f1 = 2 * step[1] / (2 * step[1] + step[2] + (step[3] - step[1]));
            if (f1 > bestF1) {
                bestF1 = f1;
                best = step[0];
            }
        }
        return new ThresholdChoice("highest F1", best, at(actual, probability, best), at(actual, probability, 0.5));
    }

    /** The highest threshold whose recall reaches {@code recall}: the fewest positives predicted for that recall. */
    public static ThresholdChoice forRecall(boolean[] actual, double[] probability, double recall) {
        check(actual, probability, "threshold tuning");
        Require.that(recall > 0 && recall <= 1, "threshold tuning", "target recall must be in (0, 1], got %s", recall);
        for (double[] step : sweep(actual, probability)) {
            if (step[1] / step[3] >= recall) {
                return new ThresholdChoice(
                        String.format(Locale.ROOT, "recall >= %s", recall),
                        step[0],
                        at(actual, probability, step[0]),
                        at(actual, probability, 0.5));
            }
        }
        throw new IllegalStateException("threshold tuning: no threshold reaches recall " + recall);
    }

    /**
     * The lowest threshold at which precision still reaches {@code precision}: the most rows shown
     * that keep the bar. Precision measured on a handful of rows is noise, so thresholds showing
     * fewer than {@code minShown} validation rows do not count.
     */
    public static ThresholdChoice forPrecision(boolean[] actual, double[] probability, double precision, int minShown) {
        check(actual, probability, "threshold tuning");
        Require.that(
                precision > 0 && precision <= 1,
                "threshold tuning",
                "target precision must be in (0, 1], got %s",
                precision);
        Require.that(minShown >= 1, "threshold tuning", "minShown must be at least 1, got %d", minShown);
        double chosen = Double.NaN;
        for (double[] step : sweep(actual, probability)) {
            double shown = step[1] + step[2];
            if (shown < minShown) {
                continue;
            }
            if (step[1] / shown >= precision) {
                chosen = step[0];
            }
        }
        if (Double.isNaN(chosen)) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "threshold tuning: no threshold showing at least %d rows reaches precision %s",
                    minShown,
                    precision));
        }
        return new ThresholdChoice(
                String.format(Locale.ROOT, "precision >= %s", precision),
                chosen,
                at(actual, probability, chosen),
                at(actual, probability, 0.5));
    }

    /** Every distinct probability as a threshold, highest first, with {threshold, tp, fp, positives}. */
    private static java.util.List<double[]> sweep(boolean[] actual, double[] probability) {
        java.util.List<double[]> steps = new java.util.ArrayList<>();
        int positives = Ranking.sweep(actual, probability, (t, tp, fp) -> steps.add(new double[] {t, tp, fp, 0}));
        for (double[] step : steps) {
            step[3] = positives;
        }
        return steps;
    }

    private static void check(boolean[] actual, double[] probability, String who) {
        Require.that(
                actual.length == probability.length,
                who,
                "actual has %d values but probability has %d",
                actual.length,
                probability.length);
        Require.that(actual.length > 0, who, "no validation rows");
        boolean any = false;
        for (boolean a : actual) any |= a;
        Require.that(any, who, "the validation rows hold no positive; use a stratified split");
    }

    private static Confusion at(boolean[] actual, double[] probability, double threshold) {
        boolean[] predicted = new boolean[actual.length];
        for (int i = 0; i < actual.length; i++) predicted[i] = probability[i] >= threshold;
        return Confusion.of(actual, predicted);
    }
}
