package org.mlcycle.toolkit.drift;

import org.apache.commons.math3.special.Gamma;

/**
 * Chi-square test of homogeneity on a 2 x K table of counts, without continuity correction
 * ({@code scipy.stats.chi2_contingency(correction=False)}). The p-value is the regularised upper
 * incomplete gamma function, accurate far into the tail where 1 - CDF (commons-math3's ChiSquareTest)
 * rounds to 0: see CommonsMathVersusScipyTest.
 */
public final class ChiSquare {
    private ChiSquare() {}

    /** {statistic, degrees of freedom, p-value}; K < 2 gives {0, 0, 1}. */
    public static double[] test(long[] ref, long[] cur) {
        int k = ref.length;
        if (k < 2) {
            return new double[] {0, 0, 1};
        }
        double nr = 0, nc = 0;
        for (int i = 0; i < k; i++) {
            nr += ref[i];
            nc += cur[i];
        }
        double total = nr + nc;
        double stat = 0;
        for (int i = 0; i < k; i++) {
            double col = ref[i] + cur[i];
            double er = nr * col / total, ec = nc * col / total;
            stat += (ref[i] - er) * (ref[i] - er) / er + (cur[i] - ec) * (cur[i] - ec) / ec;
        }
        int dof = k - 1;
        return new double[] {stat, dof, Gamma.regularizedGammaQ(dof / 2.0, stat / 2)};
    }
}
