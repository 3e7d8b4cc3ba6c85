package org.mlcycle.toolkit.labels;

import java.util.ArrayList;
import java.util.List;

/**
 * Confident learning (Northcutt, Jiang and Chuang, JAIR 2021) with the defaults of cleanlab's
 * {@code find_label_issues}: per-class thresholds, confident joint, calibration, prune by noise rate,
 * rank by self-confidence. The steps, with the conventions of the project's Python reference:
 * <ol>
 *   <li>{@code t[k]} = mean of {@code p[i][k]} over rows labelled k; 2 (never reached) for an absent class.
 *   <li>a row is confident for class k when {@code p[i][k] >= t[k]}; with none it is not counted, with
 *       several it goes to the highest {@code p[i][k]} among them (first on a tie).
 *   <li>{@code C[given][confident]} counts rows; calibration rescales each row of C to the count of its
 *       label, then the whole matrix to n.
 *   <li>for each off-diagonal cell (i, j), flag the {@code rint(C[i][j])} rows labelled i with the largest
 *       {@code p[j] - p[i]} (ties in row order); {@code rint} rounds half to even, as numpy does.
 *   <li>drop a flag where the row's most probable class is its given label; rank the flagged rows by
 *       self-confidence {@code p[i][given]}, lowest first (ties in row order).
 * </ol>
 */
final class ConfidentLearning {
    private ConfidentLearning() {}

    record Result(double[] thresholds, long[][] confidentJoint, double[][] calibratedJoint, int[] ranked) {}

    static Result run(int[] y, double[][] p, int k) {
        int n = y.length;
        long[] counts = new long[k];
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            counts[y[i]]++;
            sums[y[i]] += p[i][y[i]];
        }
        double[] t = new double[k];
        for (int c = 0; c < k; c++) t[c] = counts[c] > 0 ? sums[c] / counts[c] : 2.0;

        long[][] cj = new long[k][k];
        for (int i = 0; i < n; i++) {
            int guess = -1;
            for (int c = 0; c < k; c++) {
                if (p[i][c] >= t[c] && (guess < 0 || p[i][c] > p[i][guess])) guess = c;
            }
            if (guess >= 0) cj[y[i]][guess]++;
        }

        double[][] cal = new double[k][k];
        double total = 0;
        for (int i = 0; i < k; i++) {
            long row = 0;
            for (int j = 0; j < k; j++) row += cj[i][j];
            double denom = row == 0 ? 1 : row;
            for (int j = 0; j < k; j++) {
                cal[i][j] = cj[i][j] / denom * counts[i];
                total += cal[i][j];
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) cal[i][j] = total == 0 ? 0 : cal[i][j] / total * n;
        }

        int[][] rowsOf = new int[k][];
        int[] filled = new int[k];
        for (int c = 0; c < k; c++) rowsOf[c] = new int[(int) counts[c]];
        for (int i = 0; i < n; i++) rowsOf[y[i]][filled[y[i]]++] = i;
        boolean[] flagged = new boolean[n];
        for (int i = 0; i < k; i++) {
            int[] idx = rowsOf[i];
            for (int j = 0; j < k; j++) {
                if (i == j) continue;
                int m = (int) Math.rint(cal[i][j]);
                if (m <= 0 || idx.length == 0) continue;
                flagLargestMargins(idx, p, i, j, Math.min(m, idx.length), flagged);
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (flagged[i] && argmax(p[i]) != y[i]) kept.add(i);
        }
        kept.sort((a, b) -> {
            double sa = p[a][y[a]], sb = p[b][y[b]];
            return sa < sb ? -1 : sa > sb ? 1 : 0;
        });
        int[] ranked = kept.stream().mapToInt(Integer::intValue).toArray();
        return new Result(t, cj, cal, ranked);
    }

    /**
     * Flags the {@code m} rows of {@code idx} (ascending) with the largest {@code p[j] - p[i]}, taking
     * tied rows in row order: the rows above the m-th largest margin, then rows equal to it by index.
     * The same set as a stable sort on the margin, without boxing.
     */
    static void flagLargestMargins(int[] idx, double[][] p, int i, int j, int m, boolean[] flagged) {
        double[] margin = new double[idx.length];
        for (int r = 0; r < idx.length; r++) margin[r] = p[idx[r]][j] - p[idx[r]][i] + 0.0; // -0.0 -> 0.0
        double[] sorted = margin.clone();
        java.util.Arrays.sort(sorted);
        double cut = sorted[sorted.length - m];
        int taken = 0;
        for (int r = 0; r < idx.length; r++) {
            if (margin[r] > cut) {
                flagged[idx[r]] = true;
                taken++;
            }
        }
        for (int r = 0; r < idx.length && taken < m; r++) {
            if (margin[r] == cut) {
                flagged[idx[r]] = true;
                taken++;
            }
        }
    }

    static int argmax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
        return best;
    }
}
