package org.mlcycle.toolkit.drift;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.util.ArithmeticUtils;

/**
 * Two-sample Kolmogorov-Smirnov test, two-sided, as {@code scipy.stats.ks_2samp(method="auto")}
 * computes it: D from the two empirical CDFs (ties handled exactly); the p-value exact when neither
 * sample has more than 10,000 values (probability that a random merge path leaves the band |F1 -
 * F2| < D), otherwise the one-sample Kolmogorov distribution for n = round(n1 n2 / (n1 + n2)) with
 * SciPy's choice of method (Smirnov's exact one-sided sum, or Pelz-Good). commons-math3's own
 * two-sample test jitters ties and uses another asymptotic, so it is not used for the p-value.
 */
public final class Ks {
    static final int EXACT_LIMIT = 10_000;
    private static final KolmogorovSmirnovTest COMMONS = new KolmogorovSmirnovTest();

    private Ks() {}

    /** Largest |F_a(x) - F_b(x)| over all x, for two ascending non-empty arrays. */
    static double statistic(double[] a, double[] b) {
        int n = a.length, m = b.length;
        int i = 0, j = 0;
        double d = 0;
        while (i < n && j < m) {
            double x = Math.min(a[i], b[j]);
            while (i < n && a[i] <= x) {
                i++;
            }
            while (j < m && b[j] <= x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / n - (double) j / m));
        }
        return d;
    }

    /**
     * {@link #statistic(double[], double[])} of two samples given as distinct ascending values and their
     * counts (non-empty): the same D, without expanding the samples.
     */
    static double statistic(double[] a, long[] countsA, double[] b, long[] countsB) {
        long n = total(countsA), m = total(countsB);
        int i = 0, j = 0;
        long upToA = 0, upToB = 0; // values <= x on each side
        double d = 0;
        while (i < a.length && j < b.length) {
            double x = Math.min(a[i], b[j]);
            if (a[i] <= x) {
                upToA += countsA[i++];
            }
            if (b[j] <= x) {
                upToB += countsB[j++];
            }
            d = Math.max(d, Math.abs((double) upToA / n - (double) upToB / m));
        }
        return d;
    }

    static long total(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** Two-sided p-value of {@code d} for samples of {@code n} and {@code m} values. */
    public static double pValue(double d, int n, int m) {
        if (Math.max(n, m) <= EXACT_LIMIT) {
            return exact(d, n, m);
        }
        double en = (double) n * m / (n + m);
        return oneSampleSf(d, (int) Math.round(en));
    }

    /** P(D >= d) under the null, by dynamic programming over lattice paths (Hodges). */
    static double exact(double d, int n, int m) {
        long g = ArithmeticUtils.gcd(n, m);
        long lcm = (n / g) * (long) m;
        long h = Math.round(d * lcm);
        if (h == 0) {
            return 1.0;
        }
        long a = lcm / n, b = lcm / m;
        double[] row = new double[m + 1];
        double[] next = new double[m + 1];
        double outside = 0;
        row[0] = 1;
        int lo = 0, hi = 0; // columns of this row that may hold mass
        for (int i = 0; i <= n; i++) {
            int nextLo = Integer.MAX_VALUE, nextHi = -1;
            for (int j = lo; j <= hi; j++) {
                double p = row[j];
                if (p == 0) {
                    continue;
                }
                row[j] = 0;
                int rest = (n - i) + (m - j);
                if (rest == 0) {
                    continue;
                }
                if (j < m) {
                    double q = p * (m - j) / rest;
                    if (Math.abs(i * a - (j + 1) * b) < h) {
                        row[j + 1] += q;
                        hi = Math.max(hi, j + 1);
                    } else {
                        outside += q;
                    }
                }
                if (i < n) {
                    double q = p * (n - i) / rest;
                    if (Math.abs((i + 1) * a - j * b) < h) {
                        next[j] += q;
                        nextLo = Math.min(nextLo, j);
                        nextHi = Math.max(nextHi, j);
                    } else {
                        outside += q;
                    }
                }
            }
            double[] t = row;
            row = next;
            next = t;
            if (nextHi < 0) {
                break;
            }
            lo = nextLo;
            hi = nextHi;
        }
        return Math.min(1.0, Math.max(0.0, outside));
    }

    /** Survival function of the one-sample two-sided Kolmogorov statistic D_n, SciPy's branches. */
    static double oneSampleSf(double x, int n) {
        if (x >= 1) {
            return 0;
        }
        if (x <= 0) {
            return 1;
        }
        double t = n * x;
        if (t <= 1) {
            return clip(1 - COMMONS.cdf(x, n));
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nx2 = t * x;
        if (n <= 140) {
            if (nx2 <= 4) {
                return clip(1 - COMMONS.cdf(x, n));
            }
            return clip(2 * smirnov(n, x));
        }
        if (nx2 >= 370) {
            return 0;
        }
        if (nx2 >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        return clip(1 - COMMONS.pelzGood(x, n));
    }

    /** P(D+_n >= x), Birnbaum-Tingey's exact sum, in logs. */
    static double smirnov(int n, double x) {
        int last = (int) Math.floor(n * (1 - x));
        double logC = 0; // ln C(n, 0)
        double maxLog = Double.NEGATIVE_INFINITY;
        double[] logs = new double[last + 1];
        for (int j = 0; j <= last; j++) {
            if (j > 0) {
                logC += Math.log((double) (n - j + 1)) - Math.log(j);
            }
            double u = x + (double) j / n;
            double v = 1 - u;
            double l = logC
                    + (j - 1) * Math.log(u)
                    + (v <= 0 ? (n - j == 0 ? 0 : Double.NEGATIVE_INFINITY) : (n - j) * Math.log(v));
            logs[j] = l;
            maxLog = Math.max(maxLog, l);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - maxLog);
        }
        return x * Math.exp(maxLog) * sum;
    }

    private static double clip(double p) {
        return Math.min(1, Math.max(0, p));
    }
}
