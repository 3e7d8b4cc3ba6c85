package org.mlcycle.toolkit.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.mlcycle.toolkit.support.Require;

/**
 * Confidence intervals by the percentile bootstrap: draw the rows again with replacement, compute
 * the statistic on each draw, and keep the middle {@code level} of the results. Seeded, so the
 * same call gives the same interval. For a comparison on the same rows, {@link #difference}
 * resamples the rows once for both scores (a paired bootstrap), which is tighter and right.
 *
 * <pre>{@code
 * Interval p = Bootstrap.interval("precision at 0.5", actual, probability, Bootstrap.precisionAt(0.5));
 * Interval gain = Bootstrap.difference("PR-AUC, B - A", actual, scoreA, scoreB, Bootstrap.averagePrecision());
 * boolean better = gain.excludes(0) && gain.estimate() > 0;
 * }</pre>
 */
public final class Bootstrap {
    /** Resamples when none are given. */
    public static final int RESAMPLES = 1000;
    /** Seed when none is given. */
    public static final long SEED = 2012;
    /** Level when none is given. */
    public static final double LEVEL = 0.95;

    /** A statistic of labeled scores: precision at a threshold, ROC-AUC, log loss... */
    @FunctionalInterface
    public interface Statistic {
        double of(boolean[] actual, double[] score);
    }

    private Bootstrap() {}

    public static Statistic precisionAt(double threshold) {
        return (a, p) -> confusion(a, p, threshold).precision();
    }

    public static Statistic recallAt(double threshold) {
        return (a, p) -> confusion(a, p, threshold).recall();
    }

    /** The share of rows at or above the threshold: how often the ad would be shown. */
    public static Statistic shownAt(double threshold) {
        return (a, p) -> {
            long k = 0;
            for (double v : p) k += v >= threshold ? 1 : 0;
            return k / (double) p.length;
        };
    }

    public static Statistic rocAuc() {
        return Metrics::rocAuc;
    }

    public static Statistic averagePrecision() {
        return Metrics::averagePrecision;
    }

    public static Statistic logLoss() {
        return Metrics::logLoss;
    }

    /** The mean of the scores (for 0/1 scores, a rate). */
    public static Statistic mean() {
        return (a, p) -> Arrays.stream(p).average().orElse(Double.NaN);
    }

    private static Confusion confusion(boolean[] actual, double[] p, double threshold) {
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < actual.length; i++) {
            if (p[i] >= threshold) {
                if (actual[i]) tp++;
                else fp++;
            } else if (actual[i]) fn++;
            else tn++;
        }
        return new Confusion(tp, fp, tn, fn);
    }

    /** The statistic with its 95% interval over 1,000 resamples, seed 2012. */
    public static Interval interval(String name, boolean[] actual, double[] score, Statistic statistic) {
        return interval(name, actual, score, statistic, RESAMPLES, SEED, LEVEL);
    }

    public static Interval interval(
            String name,
            boolean[] actual,
            double[] score,
            Statistic statistic,
            int resamples,
            long seed,
            double level) {
        check(actual, score, name);
        Require.that(statistic != null, name, "statistic is null");
        boolean[] y = new boolean[actual.length]; // reused by every resample: the statistic must not keep them
        double[] s = new double[actual.length];
        return over(
                        name,
                        actual.length,
                        idx -> {
                            for (int i = 0; i < idx.length; i++) {
                                y[i] = actual[idx[i]];
                                s[i] = score[idx[i]];
                            }
                            return statistic.of(y, s);
                        },
                        resamples,
                        seed,
                        level)
                .withPositives(positives(actual, null));
    }

    /** statistic(b) - statistic(a) on the same rows, resampled together (a paired bootstrap). */
    public static Interval difference(String name, boolean[] actual, double[] a, double[] b, Statistic statistic) {
        return difference(name, actual, a, b, statistic, RESAMPLES, SEED, LEVEL);
    }

    public static Interval difference(
            String name,
            boolean[] actual,
            double[] a,
            double[] b,
            Statistic statistic,
            int resamples,
            long seed,
            double level) {
        check(actual, a, name);
        check(actual, b, name);
        return over(
                        name,
                        actual.length,
                        idx -> {
                            boolean[] y = pick(actual, idx);
                            return statistic.of(y, pick(b, idx)) - statistic.of(y, pick(a, idx));
                        },
                        resamples,
                        seed,
                        level)
                .withPositives(positives(actual, null));
    }

    /** statistic(second) - statistic(first) on two independent samples, each resampled on its own. */
    public static Interval difference(
            String name, boolean[] actualA, double[] a, boolean[] actualB, double[] b, Statistic statistic) {
        check(actualA, a, name);
        check(actualB, b, name);
        double estimate = statistic.of(actualB, b) - statistic.of(actualA, a);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] values = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            int[] ia = draw(random, actualA.length);
            int[] ib = draw(random, actualB.length);
            values[r] = statistic.of(pick(actualB, ib), pick(b, ib)) - statistic.of(pick(actualA, ia), pick(a, ia));
        }
        long pos = Math.min(positives(actualA, null), positives(actualB, null));
        return percentile(name, estimate, values, LEVEL, SEED, actualA.length + actualB.length, pos);
    }

    /**
     * The relative change from log A to log B of a total ({@code denA}, {@code denB} null:
     * sum(numB) / sum(numA) - 1) or of a ratio of totals (sum(numB)/sum(denB) over
     * sum(numA)/sum(denA), minus 1: a CTR from clicks and impressions). Each log's rows are
     * resampled on their own, as two independent samples of the same traffic.
     */
    public static Interval change(String name, double[] numA, double[] denA, double[] numB, double[] denB) {
        Require.that(numA != null && numB != null && numA.length > 0 && numB.length > 0, name, "both logs need rows");
        Require.that((denA == null) == (denB == null), name, "give both denominators or neither");
        if (denA != null) {
            Checks.sameLength(name, "numA", numA.length, "denA", denA.length);
            Checks.sameLength(name, "numB", numB.length, "denB", denB.length);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double estimate = ratio(numA, denA, numB, denB, null, null);
        double[] values = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            values[r] = ratio(numA, denA, numB, denB, draw(random, numA.length), draw(random, numB.length));
        }
        return percentile(name, estimate, values, LEVEL, SEED, numA.length + numB.length, -1);
    }

    private static double ratio(double[] numA, double[] denA, double[] numB, double[] denB, int[] ia, int[] ib) {
        double a = sum(numA, ia) / (denA == null ? 1 : sum(denA, ia));
        double b = sum(numB, ib) / (denB == null ? 1 : sum(denB, ib));
        return b / a - 1;
    }

    private static double sum(double[] v, int[] idx) {
        double s = 0;
        if (idx == null) {
            for (double x : v) s += x;
        } else {
            for (int i : idx) s += v[i];
        }
        return s;
    }

    /**
     * Any statistic of {@code n} rows, given as a function of the row indices it should use (the
     * identity for the estimate, a resample for each draw): business totals, rates per request...
     */
    public static Interval over(String name, int n, ToDoubleFunction<int[]> statistic) {
        return over(name, n, statistic, RESAMPLES, SEED, LEVEL);
    }

    public static Interval over(
            String name, int n, ToDoubleFunction<int[]> statistic, int resamples, long seed, double level) {
        Require.that(n > 0, name, "no rows to resample");
        Require.that(
                resamples >= 100, name, "at least 100 resamples are needed for a 95%% interval, got %d", resamples);
        Require.that(level > 0 && level < 1, name, "the level must be in (0, 1), got %s", level);
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        double estimate = statistic.applyAsDouble(all);
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            values[r] = statistic.applyAsDouble(draw(random, n));
        }
        return percentile(name, estimate, values, level, seed, n, -1);
    }

    private static Interval percentile(
            String name, double estimate, double[] values, double level, long seed, long rows, long positives) {
        double[] finite =
                Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        double low = Double.NaN, high = Double.NaN;
        if (finite.length > 0) {
            double tail = (1 - level) / 2;
            low = finite[(int) Math.floor(tail * (finite.length - 1))];
            high = finite[(int) Math.ceil((1 - tail) * (finite.length - 1))];
        }
        return new Interval(name, estimate, low, high, level, values.length, seed, rows, positives);
    }

    private static int[] draw(SplittableRandom random, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = random.nextInt(n);
        return idx;
    }

    private static boolean[] pick(boolean[] v, int[] idx) {
        boolean[] out = new boolean[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }

    private static long positives(boolean[] actual, int[] idx) {
        long k = 0;
        for (boolean a : actual) k += a ? 1 : 0;
        return k;
    }

    private static void check(boolean[] actual, double[] score, String name) {
        Require.that(name != null && !name.isBlank(), "bootstrap", "the interval needs a name");
        Require.that(actual != null && score != null, name, "actual or score is null");
        Checks.sameLength(name, "actual", actual.length, "score", score.length);
        Require.that(actual.length > 0, name, "no rows");
    }
}
