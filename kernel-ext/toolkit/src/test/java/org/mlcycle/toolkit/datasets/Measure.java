package org.mlcycle.toolkit.datasets;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Small statistics the dataset tests measure, written out so each test reads as its claim. */
final class Measure {
    private Measure() {}

    static double mean(int[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** Share of rows whose value in {@code column} equals {@code value} (as text). */
    static double share(Table t, String column, String value) {
        Column<?> c = t.column(column);
        int n = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            n += c.getString(i).equals(value) ? 1 : 0;
        }
        return n / (double) t.rowCount();
    }

    /** Population stability index of a categorical column; empty cells count as 1e-4. */
    static double psi(Table reference, Table current, String column) {
        Map<String, Double> r = frequencies(reference, column);
        Map<String, Double> c = frequencies(current, column);
        java.util.Set<String> keys = new java.util.TreeSet<>(r.keySet());
        keys.addAll(c.keySet());
        double psi = 0;
        for (String k : keys) {
            double p = Math.max(1e-4, r.getOrDefault(k, 0.0));
            double q = Math.max(1e-4, c.getOrDefault(k, 0.0));
            psi += (q - p) * Math.log(q / p);
        }
        return psi;
    }

    static Map<String, Double> frequencies(Table t, String column) {
        Map<String, Double> f = new HashMap<>();
        Column<?> c = t.column(column);
        for (int i = 0; i < t.rowCount(); i++) {
            f.merge(c.getString(i), 1.0 / t.rowCount(), Double::sum);
        }
        return f;
    }

    /** Cohen's kappa of two 0/1 labelings on the rows where both are present. */
    static double kappa(IntColumn a, IntColumn b) {
        int n = 0;
        int agree = 0;
        int a1 = 0;
        int b1 = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.isMissing(i) || b.isMissing(i)) {
                continue;
            }
            n++;
            agree += a.getInt(i) == b.getInt(i) ? 1 : 0;
            a1 += a.getInt(i);
            b1 += b.getInt(i);
        }
        double po = agree / (double) n;
        double pa = a1 / (double) n;
        double pb = b1 / (double) n;
        double pe = pa * pb + (1 - pa) * (1 - pb);
        return (po - pe) / (1 - pe);
    }

    /** ROC-AUC by ranks (Mann-Whitney), ties counted half. */
    static double auc(double[] score, int[] y) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (i, j) -> Double.compare(score[i], score[j]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && score[idx[j + 1]] == score[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[idx[k]] == 1) {
                    rankSumPos += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = score.length - pos;
        return (rankSumPos - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }
}
