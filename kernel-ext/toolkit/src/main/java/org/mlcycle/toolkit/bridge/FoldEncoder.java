package org.mlcycle.toolkit.bridge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.support.Require;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.MutableOutputInfo;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The cross-validation path of {@link FeatureSpec} and {@link Features}: the table's feature columns
 * are read once into arrays (numeric values with NaN for missing, categorical values as codes into
 * their distinct strings), and then each fold fits its spec on its training rows and encodes rows
 * from those arrays. Fitting still uses the training rows only, and the spec and features are the
 * same, value for value, as {@link FeatureSpec#fit(Table, int[], FeatureOptions)} followed by
 * {@link Features#dataset(Table, int[], FeatureSpec)}; only the per-row column look-ups and
 * string hashing are gone. Read-only after construction, so folds may share it across threads.
 */
final class FoldEncoder {
    private final Table table;
    private final FeatureOptions options;
    private final String[] numericNames;
    private final double[][] numeric;
    private final String[] categoricalNames;
    /** codes[j][r]: index of row r's level (a missing value is "(missing)") in levels[j]. */
    private final int[][] codes;

    private final String[][] levels;
    private final Label[] classLabels;
    private final double[][] sortedPresent;
    private final int[] labels;

    /** {@code labels[r]} is row r's index in {@code classes}. */
    FoldEncoder(Table table, FeatureOptions options, List<String> classes, int[] labels) {
        String who = "features";
        Require.column(table, options.label(), who);
        this.table = table;
        this.options = options;
        this.labels = labels;
        int n = table.rowCount();
        numericNames = options.numeric().toArray(new String[0]);
        numeric = new double[numericNames.length][];
        for (int j = 0; j < numericNames.length; j++) {
            NumericColumn<?> c = FeatureSpec.numericColumn(table, numericNames[j], who);
            double[] v = new double[n];
            for (int r = 0; r < n; r++) v[r] = c.isMissing(r) ? Double.NaN : c.getDouble(r);
            numeric[j] = v;
        }
        categoricalNames = options.categorical().toArray(new String[0]);
        codes = new int[categoricalNames.length][];
        levels = new String[categoricalNames.length][];
        for (int j = 0; j < categoricalNames.length; j++) {
            Column<?> c = Require.column(table, categoricalNames[j], who);
            Map<String, Integer> index = new HashMap<>();
            List<String> seen = new ArrayList<>();
            int[] code = new int[n];
            for (int r = 0; r < n; r++) {
                String level = LabelColumn.isMissing(c, r) ? FeatureSpec.MISSING : c.getString(r);
                Integer k = index.get(level);
                if (k == null) {
                    k = seen.size();
                    index.put(level, k);
                    seen.add(level);
                }
                code[r] = k;
            }
            codes[j] = code;
            levels[j] = seen.toArray(new String[0]);
        }
        sortedPresent = new double[numericNames.length][];
        classLabels = new Label[classes.size()];
        for (int k = 0; k < classLabels.length; k++) classLabels[k] = new Label(classes.get(k));
    }

    /**
     * The same spec as {@code FeatureSpec.fit(table, rows, options)}. When {@code rows} are distinct
     * and more than half the table (a fold's training rows), a numeric column's sorted training
     * values are its sorted values over the whole table minus the sorted values of the other rows,
     * which saves most of the per-fold sorting; the values, and so the statistics, are the same.
     */
    FeatureSpec fit(int[] rows) {
        Require.that(rows.length > 0, "features", "no training rows to fit on in table '%s'", table.name());
        int n = table.rowCount();
        int[] others = null;
        if (2 * rows.length > n) {
            boolean[] in = new boolean[n];
            boolean distinct = true;
            for (int r : rows) {
                if (in[r]) distinct = false;
                in[r] = true;
            }
            if (distinct) {
                others = new int[n - rows.length];
                int o = 0;
                for (int r = 0; r < n; r++) if (!in[r]) others[o++] = r;
            }
        }
        List<FeatureSpec.Numeric> num = new ArrayList<>();
        double[] present = new double[rows.length];
        for (int j = 0; j < numeric.length; j++) {
            double[] v = numeric[j];
            int m = 0;
            if (others == null) {
                for (int r : rows) {
                    double x = v[r];
                    if (!Double.isNaN(x)) present[m++] = x;
                }
            } else {
                double[] removed = new double[others.length];
                int k = 0;
                for (int r : others) {
                    double x = v[r];
                    if (!Double.isNaN(x)) removed[k++] = x;
                }
                Arrays.sort(removed, 0, k);
                int t = 0;
                for (double x : sortedPresent(j)) {
                    if (t < k && Double.compare(removed[t], x) == 0) t++; // removed is a sub-multiset of all
                    else present[m++] = x;
                }
            }
            num.add(FeatureSpec.fitNumeric(numericNames[j], present, m, rows.length));
        }
        List<FeatureSpec.Categorical> cat = new ArrayList<>();
        for (int j = 0; j < codes.length; j++) {
            int[] code = codes[j];
            int[] count = new int[levels[j].length];
            for (int r : rows) count[code[r]]++;
            Map<String, int[]> counts = new HashMap<>();
            for (int k = 0; k < count.length; k++) {
                if (count[k] > 0) counts.put(levels[j][k], new int[] {count[k]});
            }
            cat.add(FeatureSpec.fitCategorical(categoricalNames[j], counts, options.minCategoryCount()));
        }
        return new FeatureSpec(options.label(), num, cat, options.minCategoryCount());
    }

    /** Column j's present (non-NaN) values over the whole table, sorted; computed on first use. */
    private double[] sortedPresent(int j) {
        synchronized (sortedPresent) {
            if (sortedPresent[j] == null) {
                double[] v = numeric[j];
                double[] s = new double[v.length];
                int m = 0;
                for (double x : v) if (!Double.isNaN(x)) s[m++] = x;
                s = Arrays.copyOf(s, m);
                Arrays.sort(s);
                sortedPresent[j] = s;
            }
            return sortedPresent[j];
        }
    }

    /** A spec bound to the arrays: per categorical column, the feature name of each level code. */
    final class Bound {
        private final FeatureSpec.Numeric[] num;
        private final String[][] featureOfCode;
        /** Position of each feature name in the sorted names, so a row's names can be put in order by int. */
        private final int[] rankOfNumeric;

        private final int[][] rankOfCode;
        /** Numeric columns as 0..n-1 and categorical ones as n.., sorted by name ("column@" if categorical). */
        private final int[] columnOrder;

        private final FeatureSpec spec;

        Bound(FeatureSpec spec) {
            Require.that(
                    spec.numeric().size() == numeric.length
                            && spec.categorical().size() == codes.length,
                    "features",
                    "the spec's columns differ from the encoder's");
            this.spec = spec;
            num = spec.numeric().toArray(new FeatureSpec.Numeric[0]);
            featureOfCode = new String[codes.length][];
            for (int j = 0; j < codes.length; j++) {
                FeatureSpec.Categorical c = spec.categorical().get(j);
                Map<String, String> names = new HashMap<>();
                for (String level : c.levels()) names.put(level, c.feature(level));
                String other = c.feature(FeatureSpec.OTHER);
                String[] f = new String[levels[j].length];
                for (int k = 0; k < f.length; k++) f[k] = names.getOrDefault(levels[j][k], other);
                featureOfCode[j] = f;
            }
            java.util.TreeSet<String> sorted = new java.util.TreeSet<>(List.of(numericNames));
            for (String[] f : featureOfCode) sorted.addAll(List.of(f));
            Map<String, Integer> rank = new HashMap<>();
            for (String name : sorted) rank.put(name, rank.size());
            rankOfNumeric = new int[numericNames.length];
            for (int j = 0; j < numericNames.length; j++) rankOfNumeric[j] = rank.get(numericNames[j]);
            rankOfCode = new int[featureOfCode.length][];
            for (int j = 0; j < featureOfCode.length; j++) {
                rankOfCode[j] = new int[featureOfCode[j].length];
                for (int k = 0; k < featureOfCode[j].length; k++) rankOfCode[j][k] = rank.get(featureOfCode[j][k]);
            }
            String[] key = new String[num.length + featureOfCode.length];
            for (int j = 0; j < num.length; j++) key[j] = numericNames[j];
            for (int j = 0; j < featureOfCode.length; j++)
                key[num.length + j] = categoricalNames[j] + FeatureSpec.JOINER;
            columnOrder = java.util.stream.IntStream.range(0, key.length)
                    .boxed()
                    .sorted(java.util.Comparator.comparing(i -> key[i]))
                    .mapToInt(Integer::intValue)
                    .toArray();
        }

        /**
         * Row {@code row}'s features, handed to Tribuo already in name order. Columns are visited in
         * the order of their names (a categorical column as "column@"), which is the order of their
         * features in almost every table, so the insertion below rarely moves anything; it keeps the
         * order right when it is not.
         */
        private ArrayExample<Label> example(int row, Label y) {
            int size = columnOrder.length;
            String[] names = new String[size];
            double[] values = new double[size];
            int[] ranks = new int[size];
            for (int k = 0; k < size; k++) {
                int j = columnOrder[k];
                if (j < num.length) {
                    insert(
                            names,
                            values,
                            ranks,
                            k,
                            numericNames[j],
                            num[j].transform(numeric[j][row]),
                            rankOfNumeric[j]);
                } else {
                    int c = j - num.length, code = codes[c][row];
                    insert(names, values, ranks, k, featureOfCode[c][code], 1.0, rankOfCode[c][code]);
                }
            }
            return new NameOrderedExample(y, names, values);
        }

        /** Inserts into the first {@code k} entries, kept sorted by rank. */
        private static void insert(
                String[] names, double[] values, int[] ranks, int k, String name, double value, int rank) {
            int i = k;
            while (i > 0 && ranks[i - 1] > rank) {
                names[i] = names[i - 1];
                values[i] = values[i - 1];
                ranks[i] = ranks[i - 1];
                i--;
            }
            names[i] = name;
            values[i] = value;
            ranks[i] = rank;
        }

        /**
         * Labelled training examples of {@code rows}, in that order (no row metadata), as an immutable
         * dataset whose feature map is built from the arrays instead of by observing every feature of
         * every example: the same features and feature ids as a {@link MutableDataset} of the same
         * examples; each feature's statistics are a {@link RealInfo} (count, min, max, mean, sum of
         * squared deviations) where the mutable dataset would keep one-hot features as categorical.
         */
        ImmutableDataset<Label> dataset(int[] rows) {
            int n = rows.length;
            List<VariableInfo> infos = new ArrayList<>();
            List<Example<Label>> examples = new ArrayList<>(n);
            MutableOutputInfo<Label> outputs = Features.LABELS.generateInfo();
            for (int r : rows) {
                Label y = classLabels[labels[r]];
                outputs.observe(y);
                examples.add(example(r, y));
            }
            for (int j = 0; j < num.length; j++) {
                double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
                double[] v = numeric[j];
                for (int r : rows) {
                    double x = num[j].transform(v[r]);
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                    sum += x;
                }
                double mean = sum / n, ss = 0;
                for (int r : rows) {
                    double d = num[j].transform(v[r]) - mean;
                    ss += d * d;
                }
                infos.add(new RealInfo(numericNames[j], n, max, min, mean, ss));
            }
            for (int j = 0; j < featureOfCode.length; j++) {
                Map<String, int[]> counts = new HashMap<>();
                int[] perCode = new int[levels[j].length];
                for (int r : rows) perCode[codes[j][r]]++;
                for (int k = 0; k < perCode.length; k++) {
                    if (perCode[k] > 0) counts.computeIfAbsent(featureOfCode[j][k], f -> new int[1])[0] += perCode[k];
                }
                counts.forEach((name, c) -> infos.add(new RealInfo(name, c[0], 1, 1, 1, 0)));
            }
            DataProvenance source = new SimpleDataSourceProvenance(
                    "mlcycle table '" + table.name() + "', feature spec "
                            + spec.contentHash().substring(0, 12),
                    Features.LABELS);
            return new FoldDataset(
                    source, new ImmutableFeatureMap(infos), outputs.generateImmutableOutputInfo(), examples);
        }

        /** Unlabelled examples of {@code rows}, in that order (no row metadata). */
        List<Example<Label>> examples(int[] rows) {
            List<Example<Label>> out = new ArrayList<>(rows.length);
            for (int r : rows) out.add(example(r, LabelFactory.UNKNOWN_LABEL));
            return out;
        }
    }

    /**
     * An {@link ArrayExample} whose names arrive sorted: it skips ArrayExample's argsort (which
     * allocates a tuple per feature) when they are, and sorts as usual when they are not.
     */
    private static final class NameOrderedExample extends ArrayExample<Label> {
        private static final long serialVersionUID = 1L;

        NameOrderedExample(Label y, String[] names, double[] values) {
            super(y, names, values);
        }

        @Override
        protected void sort() {
            for (int i = 1; i < size; i++) {
                if (featureNames[i - 1].compareTo(featureNames[i]) >= 0) {
                    super.sort();
                    return;
                }
            }
        }
    }

    /** An immutable dataset of examples made by {@link Bound}, which are valid by construction. */
    private static final class FoldDataset extends ImmutableDataset<Label> {
        private static final long serialVersionUID = 1L;

        FoldDataset(
                DataProvenance source,
                ImmutableFeatureMap features,
                ImmutableOutputInfo<Label> outputs,
                List<Example<Label>> examples) {
            super(source, Features.LABELS, features, outputs);
            data.addAll(examples);
        }
    }

    Bound bind(FeatureSpec spec) {
        return new Bound(spec);
    }
}
