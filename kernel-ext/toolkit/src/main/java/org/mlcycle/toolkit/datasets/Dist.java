package org.mlcycle.toolkit.datasets;

import java.util.SplittableRandom;

/**
 * The few distributions the generator draws from, written out with {@code StrictMath} so that a seed
 * gives the same bytes on every JDK (the JDK's own Gaussian is free to change its algorithm).
 */
final class Dist {
    private Dist() {}

    static double sigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    /** Standard normal by Box-Muller; the second value is dropped to keep one call = two uniforms. */
    static double normal(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble(); // (0, 1]: log(0) would be infinite
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang; shapes below 1 use the u^(1/a) boost. */
    static double gamma(SplittableRandom r, double shape) {
        if (shape < 1.0) {
            double u = 1.0 - r.nextDouble();
            return gamma(r, shape + 1.0) * StrictMath.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / StrictMath.sqrt(9.0 * d);
        while (true) {
            double x = normal(r);
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - r.nextDouble();
            double x2 = x * x;
            // Marsaglia and Tsang's squeeze: accepts about 98% of draws without the two logarithms,
            // and only ever accepts what the exact test below would accept, so the output is the same
            if (u < 1.0 - 0.0331 * x2 * x2) {
                return d * v;
            }
            if (StrictMath.log(u) < 0.5 * x2 + d - d * v + d * StrictMath.log(v)) {
                return d * v;
            }
        }
    }

    static double beta(SplittableRandom r, double a, double b) {
        double x = gamma(r, a);
        double y = gamma(r, b);
        return x / (x + y);
    }

    /** Poisson by Knuth's product of uniforms; fine for the small means used here. */
    static int poisson(SplittableRandom r, double mean) {
        double limit = StrictMath.exp(-mean);
        double p = 1.0;
        int k = -1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > limit);
        return k;
    }

    /** Index drawn from cumulative weights (last element = total) by binary search. */
    static int pick(SplittableRandom r, double[] cumulative) {
        double u = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    /** Zipf weights 1/(k+1)^s for k = 0..n-1. */
    static double[] zipf(int n, double s) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 1.0 / StrictMath.pow(k + 1, s);
        }
        return w;
    }

    /** Rounds half-up to {@code decimals} places so that CSV text and in-memory value agree. */
    static double round(double x, int decimals) {
        double scale = StrictMath.pow(10, decimals);
        return StrictMath.floor(x * scale + 0.5) / scale;
    }

    static double clip(double x, double lo, double hi) {
        return x < lo ? lo : (x > hi ? hi : x);
    }

    /** A generator for one named stream of a seed, independent of the order streams are used in. */
    static SplittableRandom stream(long seed, String name) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return new SplittableRandom(h);
    }
}
