package org.mlcycle.toolkit.drift;

/**
 * Jensen-Shannon distance in base 2 (the square root of the divergence, between 0 and 1), on
 * unsmoothed shares, as {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}. Evidently's
 * threshold is on the natural-log distance, which is this value times sqrt(ln 2), about 0.833.
 */
public final class JensenShannon {
    private JensenShannon() {}

    public static double distance(double[] p, double[] q) {
        double sp = 0, sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        double left = 0, right = 0;
        for (int i = 0; i < p.length; i++) {
            double a = p[i] / sp, b = q[i] / sq;
            double m = (a + b) / 2;
            left += relEntr(a, m);
            right += relEntr(b, m);
        }
        double js = (left + right) / Math.log(2);
        return Math.sqrt(Math.max(0, js / 2));
    }

    private static double relEntr(double x, double y) {
        return x > 0 && y > 0 ? x * Math.log(x / y) : 0;
    }
}
