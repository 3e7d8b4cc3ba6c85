package org.mlcycle.toolkit.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mlcycle.toolkit.report.Html;

/**
 * The engine-free half of {@link Drift}: one column's {@link ColumnDrift} from what an engine counted on
 * each side (a table in memory, or Spark's aggregations), so that every statistic, every label and the
 * decision rule come from one method whichever engine read the data.
 *
 * <p>Numbers: the engine gives the values it has (the whole sorted sample, or an equal-weight quantile grid
 * standing for it), the reference's population std, the PSI edges and each side's count per bin. KS D is
 * {@link Ks}'s on the two arrays (its p-value uses the true value counts), Wasserstein is {@link Wasserstein}'s
 * on the same arrays divided by the std (at least 0.001). Categories: the value counts of each side.
 */
public final class ColumnDrifts {
    private ColumnDrifts() {}

    /**
     * One number column's drift.
     *
     * @param refValues the reference's non-missing values (the p-value's sample size)
     * @param refSorted ascending values or quantile grid of the reference; not read when a side has no values
     * @param edges interior PSI edges (see {@link Psi}); {@code refBins} and {@code curBins} hold
     *     {@code edges.length + 1} counts each, of bins (e[i-1], e[i]]
     */
    public static ColumnDrift numeric(
            String name,
            long refValues,
            long curValues,
            double refMissing,
            double curMissing,
            double[] refSorted,
            double[] curSorted,
            double refStd,
            double[] edges,
            long[] refBins,
            long[] curBins,
            DriftOptions o,
            boolean tests) {
        boolean both = refValues > 0 && curValues > 0;
        double ks = both ? Ks.statistic(refSorted, curSorted) : Double.NaN;
        double wass = both ? Wasserstein.distance(refSorted, curSorted) : Double.NaN;
        return numeric(
                name,
                refValues,
                curValues,
                refMissing,
                curMissing,
                ks,
                wass,
                refStd,
                edges,
                refBins,
                curBins,
                o,
                tests);
    }

    /**
     * One number column's drift from each side's distinct values (ascending) and how often each occurs:
     * KS D and Wasserstein are those of the whole samples (as {@link #numeric(String, long, long, double,
     * double, double[], double[], double, double[], long[], long[], DriftOptions, boolean)} computes them
     * on the sorted values), without expanding them.
     *
     * @param refCounts the count of each of {@code refDistinct}; a side with no values has empty arrays
     */
    public static ColumnDrift numeric(
            String name,
            double refMissing,
            double curMissing,
            double[] refDistinct,
            long[] refCounts,
            double[] curDistinct,
            long[] curCounts,
            double refStd,
            double[] edges,
            long[] refBins,
            long[] curBins,
            DriftOptions o,
            boolean tests) {
        long refValues = Ks.total(refCounts), curValues = Ks.total(curCounts);
        boolean both = refValues > 0 && curValues > 0;
        double ks = both ? Ks.statistic(refDistinct, refCounts, curDistinct, curCounts) : Double.NaN;
        double wass = both ? Wasserstein.distance(refDistinct, refCounts, curDistinct, curCounts) : Double.NaN;
        return numeric(
                name,
                refValues,
                curValues,
                refMissing,
                curMissing,
                ks,
                wass,
                refStd,
                edges,
                refBins,
                curBins,
                o,
                tests);
    }

    private static ColumnDrift numeric(
            String name,
            long refValues,
            long curValues,
            double refMissing,
            double curMissing,
            double ks,
            double wasserstein,
            double refStd,
            double[] edges,
            long[] refBins,
            long[] curBins,
            DriftOptions o,
            boolean tests) {
        boolean missingMoved = Math.abs(curMissing - refMissing) > o.missingRateChange();
        String rule = tests ? "KS p < " + num(o.pValue()) : "Wasserstein/std >= " + num(o.wasserstein());
        if (refValues == 0 || curValues == 0) {
            return empty(
                    name,
                    true,
                    refValues,
                    curValues,
                    refMissing,
                    curMissing,
                    List.of(),
                    List.of(),
                    List.of(),
                    rule,
                    missingMoved);
        }
        double ksP = Ks.pValue(ks, Math.toIntExact(refValues), Math.toIntExact(curValues));
        double wass = wasserstein / Math.max(refStd, 0.001);
        double[] pr = shares(refBins, refValues), pc = shares(curBins, curValues);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= edges.length; i++) {
            String lo = i == 0 ? "-inf" : Html.format(edges[i - 1]);
            String hi = i == edges.length ? "inf)" : Html.format(edges[i]) + "]";
            labels.add("(" + lo + ", " + hi);
        }
        int worst = worst(pr, pc);
        double score = tests ? ksP : wass;
        boolean drifted = tests ? ksP < o.pValue() : wass >= o.wasserstein();
        return new ColumnDrift(
                name,
                true,
                refValues,
                curValues,
                refMissing,
                curMissing,
                ks,
                ksP,
                wass,
                Double.NaN,
                0,
                Double.NaN,
                Psi.of(pr, pc),
                JensenShannon.distance(pr, pc),
                Math.abs(pc[worst] - pr[worst]),
                labels.get(worst),
                labels,
                boxed(pr),
                boxed(pc),
                List.of(),
                List.of(),
                rule,
                score,
                drifted,
                missingMoved,
                "");
    }

    /**
     * One column's drift compared as categories, from each side's value counts (missing values not
     * among them).
     *
     * @param numbers whether the values are numbers as text: they are then ordered by their value
     */
    public static ColumnDrift categorical(
            String name,
            Map<String, Long> ref,
            Map<String, Long> cur,
            boolean numbers,
            double refMissing,
            double curMissing,
            DriftOptions o,
            boolean tests) {
        boolean missingMoved = Math.abs(curMissing - refMissing) > o.missingRateChange();
        Comparator<String> order =
                numbers ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> union = new TreeSet<>(order);
        union.addAll(ref.keySet());
        union.addAll(cur.keySet());
        List<String> cats = new ArrayList<>(union);
        long[] nr = new long[cats.size()], nc = new long[cats.size()];
        long totalR = 0, totalC = 0;
        List<String> added = new ArrayList<>(), vanished = new ArrayList<>();
        for (int i = 0; i < cats.size(); i++) {
            nr[i] = ref.getOrDefault(cats.get(i), 0L);
            nc[i] = cur.getOrDefault(cats.get(i), 0L);
            totalR += nr[i];
            totalC += nc[i];
            if (nr[i] == 0) {
                added.add(cats.get(i));
            }
            if (nc[i] == 0) {
                vanished.add(cats.get(i));
            }
        }
        String rule = tests ? "chi-square p < " + num(o.pValue()) : "JS >= " + num(o.js());
        if (totalR == 0 || totalC == 0) {
            return empty(
                    name, false, totalR, totalC, refMissing, curMissing, cats, added, vanished, rule, missingMoved);
        }
        double[] pr = shares(nr, totalR), pc = shares(nc, totalC);
        double[] chi = ChiSquare.test(nr, nc);
        double js = JensenShannon.distance(pr, pc);
        int worst = worst(pr, pc);
        double score = tests ? chi[2] : js;
        boolean drifted = tests ? chi[2] < o.pValue() : js >= o.js();
        return new ColumnDrift(
                name,
                false,
                totalR,
                totalC,
                refMissing,
                curMissing,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                chi[0],
                (int) chi[1],
                chi[2],
                Psi.of(pr, pc),
                js,
                Math.abs(pc[worst] - pr[worst]),
                cats.get(worst),
                cats,
                boxed(pr),
                boxed(pc),
                added,
                vanished,
                rule,
                score,
                drifted,
                missingMoved,
                "");
    }

    /** {@code part / whole}, 0 when {@code whole} is 0: the missing share of a column. */
    public static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Each count as a share of {@code total}. */
    static double[] shares(long[] counts, long total) {
        double[] p = new double[counts.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = counts[i] / (double) total;
        }
        return p;
    }

    /** A column with no values on one side: no statistic, not drifted. */
    private static ColumnDrift empty(
            String name,
            boolean numeric,
            long nRef,
            long nCur,
            double refMissing,
            double curMissing,
            List<String> cats,
            List<String> added,
            List<String> vanished,
            String rule,
            boolean missingMoved) {
        return new ColumnDrift(
                name,
                numeric,
                nRef,
                nCur,
                refMissing,
                curMissing,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                "",
                cats,
                List.of(),
                List.of(),
                added,
                vanished,
                rule,
                Double.NaN,
                false,
                missingMoved,
                "no values in the " + (nRef == 0 ? "reference" : "current") + " table");
    }

    /** The first index with the largest |cur - ref| (numpy's argmax keeps the first). */
    private static int worst(double[] ref, double[] cur) {
        int w = 0;
        for (int i = 1; i < ref.length; i++) {
            if (Math.abs(cur[i] - ref[i]) > Math.abs(cur[w] - ref[w])) {
                w = i;
            }
        }
        return w;
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    /** A threshold as typed: 0.05, 0.1, 1000. */
    static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
