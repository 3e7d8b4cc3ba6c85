package org.mlcycle.toolkit.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A k-fold partition of a table's rows: {@code foldOf[i]} is the fold in which row i is held out.
 * {@code classCounts.get(f)} counts each class in fold f (empty for unstratified folds made without a
 * label), so a report can show that every fold holds every class.
 */
public record Folds(int k, long seed, String label, int[] foldOf, List<Map<String, Integer>> classCounts)
        implements Rendered {

    public Folds {
        Objects.requireNonNull(label, "label");
        foldOf = foldOf.clone();
        List<Map<String, Integer>> copy = new ArrayList<>();
        for (Map<String, Integer> m : classCounts) copy.add(Map.copyOf(m));
        classCounts = List.copyOf(copy);
    }

    @Override
    public int[] foldOf() {
        return foldOf.clone();
    }

    /** Rows in the table the folds were made on. */
    public int rows() {
        return foldOf.length;
    }

    /** Rows held out in fold {@code f}, ascending. */
    public int[] testRows(int f) {
        checkFold(f);
        return Arrays.stream(indices()).filter(i -> foldOf[i] == f).toArray();
    }

    /** Rows trained on in fold {@code f}: all the others, ascending. */
    public int[] trainRows(int f) {
        checkFold(f);
        return Arrays.stream(indices()).filter(i -> foldOf[i] != f).toArray();
    }

    /** Fold {@code f} as a train/test split. */
    public Split split(int f) {
        return new Split("fold " + (f + 1) + " of " + k, rows(), trainRows(f), testRows(f), how());
    }

    private int[] indices() {
        int[] idx = new int[foldOf.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return idx;
    }

    private void checkFold(int f) {
        if (f < 0 || f >= k) {
            throw new IllegalArgumentException(String.format("folds: fold %d does not exist (0 to %d)", f, k - 1));
        }
    }

    private String how() {
        return (label.isEmpty() ? "unstratified" : "stratified by '" + label + "'") + ", seed " + seed;
    }

    /** Classes missing from at least one fold, e.g. a class with fewer rows than folds. */
    public List<String> classesMissingFromSomeFold() {
        List<String> out = new ArrayList<>();
        if (classCounts.isEmpty()) return out;
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (Map<String, Integer> m : classCounts) all.addAll(m.keySet());
        for (String c : all) {
            for (Map<String, Integer> m : classCounts) {
                if (m.getOrDefault(c, 0) == 0) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(headline("en")).append(System.lineSeparator());
        for (int f = 0; f < classCounts.size(); f++) {
            s.append(String.format(Locale.ROOT, "  fold %d: %s%n", f + 1, new java.util.TreeMap<>(classCounts.get(f))));
        }
        return s.toString().stripTrailing();
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int size = 0;
            for (int v : foldOf) if (v == f) size++;
            rows.add(List.of(f + 1, size, f < classCounts.size() ? new java.util.TreeMap<>(classCounts.get(f)) : ""));
        }
        return Html.translatedReport(
                headline(Messages.language()),
                Html.table(Html.headers("report.folds.", "fold", "rows", "classes"), rows));
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        List<String> missing = classesMissingFromSomeFold();
        return Messages.in(
                language,
                "report.folds.headline",
                k,
                rows(),
                how(),
                missing.isEmpty()
                        ? Messages.in(language, "report.folds.allClasses")
                        : Messages.in(language, "report.folds.classesAbsent", String.join(", ", missing)));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("k", k);
        r.put("seed", seed);
        r.put("label", label);
        r.put("rows", rows());
        List<Map<String, Object>> counts = new ArrayList<>();
        for (Map<String, Integer> m : classCounts) counts.add(new LinkedHashMap<>(new java.util.TreeMap<>(m)));
        r.put("class_counts", counts);
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Folds f
                && k == f.k
                && seed == f.seed
                && label.equals(f.label)
                && Arrays.equals(foldOf, f.foldOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(k, seed, label, Arrays.hashCode(foldOf));
    }

    @Override
    public String toString() {
        return toText();
    }
}
