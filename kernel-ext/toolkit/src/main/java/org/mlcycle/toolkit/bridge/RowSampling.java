package org.mlcycle.toolkit.bridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * Resampling and weighting of a fold's training rows by row index (the table-level versions are in
 * {@code org.mlcycle.toolkit.imbalance}); {@code labels[r]} is row r's class index.
 */
final class RowSampling {
    private RowSampling() {}

    private static int[][] byClass(int[] rows, int[] labels, int k) {
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < k; c++) members.add(new ArrayList<>());
        for (int r : rows) members.get(labels[r]).add(r);
        int[][] out = new int[k][];
        for (int c = 0; c < k; c++)
            out[c] = members.get(c).stream().mapToInt(Integer::intValue).toArray();
        return out;
    }

    static int[] over(int[] rows, int[] labels, int k, Random random) {
        int[][] members = byClass(rows, labels, k);
        int target = Arrays.stream(members).mapToInt(m -> m.length).max().orElse(0);
        List<Integer> out = new ArrayList<>();
        for (int r : rows) out.add(r);
        for (int[] m : members) {
            for (int d = m.length; d < target && m.length > 0; d++) out.add(m[random.nextInt(m.length)]);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] under(int[] rows, int[] labels, int k, Random random) {
        int[][] members = byClass(rows, labels, k);
        int target = Arrays.stream(members)
                .filter(m -> m.length > 0)
                .mapToInt(m -> m.length)
                .min()
                .orElse(0);
        List<Integer> out = new ArrayList<>();
        for (int[] m : members) {
            int[] s = m.clone();
            for (int i = s.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = s[i];
                s[i] = s[j];
                s[j] = t;
            }
            for (int i = 0; i < Math.min(target, s.length); i++) out.add(s[i]);
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Inverse-frequency weights n / (K * n_k) over the rows trained on. */
    static void weigh(Dataset<Label> data, int[] rows, int[] labels, List<String> classes) {
        long[] counts = new long[classes.size()];
        for (int r : rows) counts[labels[r]]++;
        int present = 0;
        for (long c : counts) if (c > 0) present++;
        for (Example<Label> e : data) {
            int c = classes.indexOf(e.getOutput().getLabel());
            e.setWeight((float) ((double) rows.length / (present * counts[c])));
        }
    }
}
