package org.mlcycle.toolkit.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The feature transform, fit once on training rows and then applied unchanged to any table with the
 * same columns (validation, test, serving): the same row always gives the same features. Numeric
 * columns: missing values take the training median, then {@code (x - mean) / std} with the training
 * mean and population standard deviation of the imputed values (std 0 counts as 1). Categorical
 * columns: one feature {@code column@level} per training level; a missing value is the level
 * "(missing)"; a level unseen in training, or rarer than the options allow, is "(other)". It is
 * serialisable, and {@link #contentHash()} identifies it in the journal.
 */
public record FeatureSpec(String label, List<Numeric> numeric, List<Categorical> categorical, int minCategoryCount)
        implements Rendered, Serializable {

    private static final long serialVersionUID = 1L;

    /** The bucket of a missing categorical value. */
    public static final String MISSING = "(missing)";

    /** The bucket of a categorical level not kept in training. */
    public static final String OTHER = "(other)";

    /** Tribuo's separator between a column and its level in a one-hot feature name. */
    public static final String JOINER = "@";

    /** A numeric column's training statistics. */
    public record Numeric(String column, double median, double mean, double std) implements Serializable {
        private static final long serialVersionUID = 1L;

        double transform(double raw) {
            double x = Double.isNaN(raw) ? median : raw;
            return (x - mean) / std;
        }
    }

    /** A categorical column's kept levels, in sorted order; "(other)" is always there as the last. */
    public record Categorical(String column, List<String> levels) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Categorical {
            levels = List.copyOf(levels);
        }

        String feature(String level) {
            return column + JOINER + level;
        }
    }

    public FeatureSpec {
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
    }

    /** Fits on every row of {@code train}. */
    public static FeatureSpec fit(Table train, FeatureOptions options) {
        Require.nonEmpty(Require.table(train, "features", "training"), "features");
        return fit(train, allRows(train.rowCount()), options);
    }

    /** Fits on the given rows of {@code table} only (the training part of a fold). */
    public static FeatureSpec fit(Table table, int[] rows, FeatureOptions options) {
        String who = "features";
        Require.table(table, who, "training");
        Require.that(rows.length > 0, who, "no training rows to fit on in table '%s'", table.name());
        Require.column(table, options.label(), who);
        List<Numeric> numeric = new ArrayList<>();
        for (String name : options.numeric()) {
            numeric.add(fitNumeric(table, numericColumn(table, name, who), rows));
        }
        List<Categorical> categorical = new ArrayList<>();
        for (String name : options.categorical()) {
            Column<?> c = Require.column(table, name, who);
            Map<String, int[]> counts = new HashMap<>(); // sorted once below, not on every insert
            for (int r : rows) {
                counts.computeIfAbsent(LabelColumn.isMissing(c, r) ? MISSING : c.getString(r), l -> new int[1])[0]++;
            }
            categorical.add(fitCategorical(name, counts, options.minCategoryCount()));
        }
        return new FeatureSpec(options.label(), numeric, categorical, options.minCategoryCount());
    }

    /** The kept levels from each level's count on the training rows (a missing value counted as "(missing)"). */
    static Categorical fitCategorical(String name, Map<String, int[]> counts, int minCategoryCount) {
        List<String> levels = new ArrayList<>();
        new TreeMap<>(counts).forEach((level, n) -> {
            if (n[0] >= minCategoryCount && !level.equals(OTHER)) levels.add(level);
        });
        levels.add(OTHER);
        return new Categorical(name, levels);
    }

    private static Numeric fitNumeric(Table table, NumericColumn<?> c, int[] rows) {
        double[] present = new double[rows.length];
        int m = 0;
        for (int r : rows) {
            if (!c.isMissing(r)) present[m++] = c.getDouble(r);
        }
        return fitNumeric(c.name(), present, m, rows.length);
    }

    /**
     * A numeric column's statistics from its {@code m} present training values ({@code present[0..m)},
     * reordered in place) out of {@code rows} training rows.
     */
    static Numeric fitNumeric(String name, double[] present, int m, int rows) {
        if (m == 0) {
            return new Numeric(name, 0, 0, 1); // every training value missing: the feature is a constant 0
        }
        double[] sorted = present;
        Arrays.sort(sorted, 0, m);
        double median = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
        double sum = 0;
        for (int i = 0; i < m; i++) sum += sorted[i];
        int missing = rows - m;
        double mean = (sum + missing * median) / rows;
        double ss = 0;
        for (int i = 0; i < m; i++) ss += (sorted[i] - mean) * (sorted[i] - mean);
        ss += missing * (median - mean) * (median - mean);
        double std = Math.sqrt(ss / rows);
        return new Numeric(name, median, mean, std == 0 ? 1 : std);
    }

    static NumericColumn<?> numericColumn(Table table, String name, String who) {
        Column<?> c = Require.column(table, name, who);
        if (!(c instanceof NumericColumn<?> n)) {
            throw new IllegalArgumentException(String.format(
                    "%s: column '%s' in table '%s' is %s, not numeric",
                    who, name, table.name(), c.type().name()));
        }
        return n;
    }

    static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        return rows;
    }

    /** Number of feature columns: one per numeric column plus one per kept level (with "(other)"). */
    public int width() {
        int w = numeric.size();
        for (Categorical c : categorical) w += c.levels.size();
        return w;
    }

    /** All feature names, numeric columns first, then {@code column@level}. */
    public List<String> featureNames() {
        List<String> out = new ArrayList<>();
        for (Numeric n : numeric) out.add(n.column);
        for (Categorical c : categorical) for (String l : c.levels) out.add(c.feature(l));
        return out;
    }

    /** The features of one row as name -> value (zeros of one-hot columns left out), for display and tests. */
    public Map<String, Double> features(Table table, int row) {
        Encoder e = encoder(table);
        String[] names = new String[e.size()];
        double[] values = new double[e.size()];
        e.encode(row, names, values);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) out.put(names[i], values[i]);
        return out;
    }

    /** Binds the spec to a table's columns, checking each is there with a fitting type. */
    Encoder encoder(Table table) {
        return new Encoder(this, table);
    }

    /** A canonical text of everything the transform depends on; hashed by {@link #contentHash()}. */
    public String canonicalText() {
        StringBuilder s = new StringBuilder("mlcycle-feature-spec/1\nlabel\t")
                .append(label)
                .append('\n');
        s.append("min-category-count\t").append(minCategoryCount).append('\n');
        for (Numeric n : numeric) {
            s.append("numeric\t")
                    .append(n.column)
                    .append('\t')
                    .append(Double.toString(n.median))
                    .append('\t')
                    .append(Double.toString(n.mean))
                    .append('\t')
                    .append(Double.toString(n.std))
                    .append('\n');
        }
        for (Categorical c : categorical) {
            s.append("categorical\t").append(c.column);
            for (String l : c.levels)
                s.append('\t')
                        .append(l.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
            s.append('\n');
        }
        return s.toString();
    }

    /** SHA-256 of {@link #canonicalText()} in hex: equal transforms have equal hashes. */
    public String contentHash() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(canonicalText().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Writes the spec with Java serialisation. */
    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(this);
        }
    }

    /** Reads a spec written by {@link #save(Path)}. */
    public static FeatureSpec load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                ObjectInputStream o = new ObjectInputStream(in)) {
            Object read = o.readObject();
            if (!(read instanceof FeatureSpec spec)) {
                throw new IOException(
                        "features: " + file + " holds a " + read.getClass().getName() + ", not a feature spec");
            }
            return spec;
        } catch (ClassNotFoundException e) {
            throw new IOException("features: " + file + " holds an unknown class: " + e.getMessage(), e);
        }
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.features.headline",
                width(),
                numeric.size(),
                categorical.size(),
                label,
                contentHash().substring(0, 12));
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(headline("en")).append(System.lineSeparator());
        for (Numeric n : numeric) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %-24s numeric: missing -> %.6g, scaled (x - %.6g) / %.6g%n",
                    n.column,
                    n.median,
                    n.mean,
                    n.std));
        }
        for (Categorical c : categorical) {
            s.append(String.format(
                    Locale.ROOT, "  %-24s categorical: %d levels + %s%n", c.column, c.levels.size() - 1, OTHER));
        }
        return s.toString().stripTrailing();
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        for (Numeric n : numeric) {
            rows.add(List.of(
                    n.column,
                    "numeric",
                    String.format(Locale.ROOT, "missing -> %.6g; (x - %.6g) / %.6g", n.median, n.mean, n.std)));
        }
        for (Categorical c : categorical) {
            rows.add(List.of(c.column, "categorical", (c.levels.size() - 1) + " levels + " + OTHER));
        }
        return Html.translatedReport(
                headline(Messages.language()),
                Html.table(Html.headers("report.features.", "column", "kind", "transform"), rows));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("label", label);
        r.put("hash", contentHash());
        r.put("width", width());
        r.put("min_category_count", minCategoryCount);
        List<Map<String, Object>> num = new ArrayList<>();
        for (Numeric n : numeric) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("column", n.column);
            m.put("median", n.median);
            m.put("mean", n.mean);
            m.put("std", n.std);
            num.add(m);
        }
        r.put("numeric", num);
        Map<String, Object> cat = new LinkedHashMap<>();
        for (Categorical c : categorical) cat.put(c.column, List.copyOf(c.levels));
        r.put("categorical", cat);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
