package org.mlcycle.toolkit.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Fonts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A classifier's evaluation over more than two classes: per class precision, recall, F1 and support,
 * their macro (plain mean over classes) and weighted (mean weighted by support) averages, accuracy
 * (which equals the micro average of all three for single-label data), the confusion matrix and,
 * when probabilities were given, the multiclass log-loss. The definitions are scikit-learn's
 * ({@code classification_report}, {@code confusion_matrix}, {@code log_loss}).
 *
 * <p>A class never predicted has no precision (NaN, shown as "-"), and a class absent from the
 * actual labels has no recall; as scikit-learn's default {@code zero_division} does, the averages
 * count such a value as 0, and the verdict names the classes concerned.
 */
public final class MulticlassReport implements Rendered {
    private final List<String> classes;
    private final long[][] matrix;
    private final double logLoss;

    /**
     * A report from the confusion counts: {@code matrix[a][p]} rows of actual class {@code a}
     * predicted as {@code p}, both indexing {@code classes}; {@code logLoss} NaN when not known.
     */
    public MulticlassReport(List<String> classes, long[][] matrix, double logLoss) {
        this.classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
        Objects.requireNonNull(matrix, "matrix");
        if (matrix.length != this.classes.size()) {
            throw new IllegalArgumentException(
                    String.format("multiclass: %d classes but %d matrix rows", this.classes.size(), matrix.length));
        }
        this.matrix = new long[matrix.length][];
        for (int a = 0; a < matrix.length; a++) {
            if (matrix[a].length != matrix.length) {
                throw new IllegalArgumentException(String.format(
                        "multiclass: matrix row %d has %d columns, expected %d", a, matrix[a].length, matrix.length));
            }
            for (long v : matrix[a]) {
                if (v < 0) throw new IllegalArgumentException("multiclass: counts must not be negative");
            }
            this.matrix[a] = matrix[a].clone();
        }
        this.logLoss = logLoss;
    }

    /** Class names in the order of the matrix's rows and columns. */
    public List<String> classes() {
        return classes;
    }

    /** Copy of the confusion matrix: actual class down ({@code [a]}), predicted class across ({@code [a][p]}). */
    public long[][] confusion() {
        long[][] copy = new long[matrix.length][];
        for (int a = 0; a < matrix.length; a++) copy[a] = matrix[a].clone();
        return copy;
    }

    /** Rows of actual class {@code actual} predicted as {@code predicted}. */
    public long count(String actual, String predicted) {
        return matrix[index(actual)][index(predicted)];
    }

    /** Multiclass log-loss of the probabilities given; NaN when the report was made from predictions only. */
    public double logLoss() {
        return logLoss;
    }

    /** All rows. */
    public long n() {
        long n = 0;
        for (long[] row : matrix) for (long v : row) n += v;
        return n;
    }

    /** Rows whose actual class is {@code name}. */
    public long support(String name) {
        return support(index(name));
    }

    /** Of the rows predicted {@code name}, the share that are {@code name}; NaN when none is predicted. */
    public double precision(String name) {
        return precision(index(name));
    }

    /** Of the rows of class {@code name}, the share predicted {@code name}; NaN when there are none. */
    public double recall(String name) {
        return recall(index(name));
    }

    /** Harmonic mean of precision and recall, {@code 2tp / (2tp + fp + fn)}; NaN when both are undefined. */
    public double f1(String name) {
        return f1(index(name));
    }

    /** Share of rows predicted as their actual class (also the micro-averaged precision, recall and F1). */
    public double accuracy() {
        long right = 0;
        for (int k = 0; k < matrix.length; k++) right += matrix[k][k];
        return Confusion.ratio(right, n());
    }

    /** Mean precision over classes, an undefined one counted as 0. */
    public double macroPrecision() {
        return average(this::precision, false);
    }

    /** Mean recall over classes, an undefined one counted as 0. */
    public double macroRecall() {
        return average(this::recall, false);
    }

    /** Mean F1 over classes, an undefined one counted as 0. */
    public double macroF1() {
        return average(this::f1, false);
    }

    /** Precision averaged with each class weighted by its support. */
    public double weightedPrecision() {
        return average(this::precision, true);
    }

    /** Recall averaged with each class weighted by its support. */
    public double weightedRecall() {
        return average(this::recall, true);
    }

    /** F1 averaged with each class weighted by its support. */
    public double weightedF1() {
        return average(this::f1, true);
    }

    /**
     * The matrix as an annotated heat map, actual class down and predicted class across; its title and
     * axes in the learner's language, drawn in a font that has their letters.
     */
    public HeatMapChart chart() {
        int size = Math.max(320, Math.min(720, 120 + 42 * classes.size()));
        HeatMapChart chart = new HeatMapChartBuilder()
                .width(size + 60)
                .height(size)
                .title(Messages.get("report.multiclass.chartTitle"))
                .xAxisTitle(Messages.get("report.multiclass.predicted"))
                .yAxisTitle(Messages.get("report.multiclass.actual"))
                .build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("#,##0");
        chart.getStyler().setLegendVisible(false);
        int k = classes.size();
        List<Number[]> cells = new ArrayList<>();
        // y runs bottom-up in XChart: put the first class on top, as in the table
        List<String> down = new ArrayList<>(classes);
        java.util.Collections.reverse(down);
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) cells.add(new Number[] {p, k - 1 - a, matrix[a][p]});
        }
        chart.addSeries("rows", classes, down, cells);
        Fonts.fit(chart, String.join("", classes));
        return chart;
    }

    /** One line: accuracy and macro F1, and the weakest class, or what is undefined. */
    public String verdict() {
        return verdict("en");
    }

    /** The verdict in {@code language}: English for the text, the learner's for HTML. */
    private String verdict(String language) {
        List<String> neverPredicted = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        int weakest = -1;
        for (int k = 0; k < classes.size(); k++) {
            if (Double.isNaN(precision(k))) neverPredicted.add(classes.get(k));
            if (support(k) == 0) absent.add(classes.get(k));
            if (!Double.isNaN(f1(k)) && (weakest < 0 || f1(k) < f1(weakest))) weakest = k;
        }
        StringBuilder s = new StringBuilder(Messages.in(
                language,
                "report.multiclass.summary",
                classes.size(),
                n(),
                Checks.fmt(accuracy()),
                Checks.fmt(macroF1())));
        if (weakest >= 0) {
            s.append(Messages.in(language, "report.multiclass.weakest", classes.get(weakest), Checks.fmt(f1(weakest))));
        }
        if (!neverPredicted.isEmpty()) {
            s.append(Messages.in(language, "report.multiclass.neverPredicted", String.join(", ", neverPredicted)));
        }
        if (!absent.isEmpty()) {
            s.append(Messages.in(language, "report.multiclass.absent", String.join(", ", absent)));
        }
        return s.toString();
    }

    /** The per-class table's rows, then the averages: class, precision, recall, F1, support. */
    private List<List<?>> lines(String language) {
        List<List<?>> rows = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            rows.add(List.of(classes.get(k), precision(k), recall(k), f1(k), support(k)));
        }
        long n = n();
        double acc = accuracy();
        rows.add(List.of(Messages.in(language, "report.multiclass.accuracyRow"), acc, acc, acc, n));
        rows.add(List.of(
                Messages.in(language, "report.multiclass.macroRow"), macroPrecision(), macroRecall(), macroF1(), n));
        rows.add(List.of(
                Messages.in(language, "report.multiclass.weightedRow"),
                weightedPrecision(),
                weightedRecall(),
                weightedF1(),
                n));
        return rows;
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder("metrics: ").append(verdict()).append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "  %-24s %9s %9s %9s %9s%n", "", "precision", "recall", "F1", "support"));
        for (List<?> row : lines("en")) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %-24s %9s %9s %9s %9d%n",
                    row.get(0),
                    Checks.fmt((Double) row.get(1)),
                    Checks.fmt((Double) row.get(2)),
                    Checks.fmt((Double) row.get(3)),
                    (Long) row.get(4)));
        }
        if (!Double.isNaN(logLoss)) s.append(String.format(Locale.ROOT, "  log-loss %s%n", Checks.fmt(logLoss)));
        return s.toString().stripTrailing();
    }

    @Override
    public String toHtml() {
        List<List<?>> cells = new ArrayList<>();
        for (List<?> row : lines(Messages.language())) {
            cells.add(List.of(
                    row.get(0),
                    Checks.fmt((Double) row.get(1)),
                    Checks.fmt((Double) row.get(2)),
                    Checks.fmt((Double) row.get(3)),
                    row.get(4)));
        }
        List<String> header = new ArrayList<>(List.of(Messages.get("report.multiclass.corner")));
        header.addAll(classes);
        List<List<?>> counts = new ArrayList<>();
        for (int a = 0; a < classes.size(); a++) {
            List<Object> row = new ArrayList<>();
            row.add(classes.get(a));
            for (long v : matrix[a]) row.add(v);
            counts.add(row);
        }
        String loss = Double.isNaN(logLoss)
                ? ""
                : "<p style=\"margin:4px 0\">"
                        + Html.escape(Messages.get("report.multiclass.logLoss", Checks.fmt(logLoss))) + "</p>";
        return Html.translatedReport(
                Messages.get("report.multiclass.headline", verdict(Messages.language())),
                Html.table(Html.headers("report.multiclass.", "class", "precision", "recall", "f1", "support"), cells),
                loss,
                "<div style=\"display:flex;gap:16px;align-items:flex-start;margin-top:6px\"><div>",
                Html.table(header, counts),
                "</div>",
                Charts.img(chart()),
                "</div>");
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("verdict", verdict());
        r.put("n", n());
        r.put("classes", classes);
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("precision", precision(k));
            c.put("recall", recall(k));
            c.put("f1", f1(k));
            c.put("support", support(k));
            perClass.put(classes.get(k), c);
        }
        r.put("per_class", perClass);
        r.put("accuracy", accuracy());
        r.put("macro", Map.of("precision", macroPrecision(), "recall", macroRecall(), "f1", macroF1()));
        r.put("weighted", Map.of("precision", weightedPrecision(), "recall", weightedRecall(), "f1", weightedF1()));
        r.put("log_loss", logLoss);
        List<List<Long>> m = new ArrayList<>();
        for (long[] row : matrix) {
            List<Long> line = new ArrayList<>();
            for (long v : row) line.add(v);
            m.add(line);
        }
        r.put("confusion", m);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }

    private int index(String name) {
        int k = classes.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException(
                    String.format("multiclass: no class '%s' (classes: %s)", name, String.join(", ", classes)));
        }
        return k;
    }

    private long support(int k) {
        long s = 0;
        for (long v : matrix[k]) s += v;
        return s;
    }

    private long predicted(int k) {
        long s = 0;
        for (long[] row : matrix) s += row[k];
        return s;
    }

    private double precision(int k) {
        return Confusion.ratio(matrix[k][k], predicted(k));
    }

    private double recall(int k) {
        return Confusion.ratio(matrix[k][k], support(k));
    }

    private double f1(int k) {
        long tp = matrix[k][k];
        return Confusion.ratio(2 * tp, support(k) + predicted(k));
    }

    private double average(java.util.function.IntToDoubleFunction metric, boolean weighted) {
        double sum = 0, weight = 0;
        for (int k = 0; k < classes.size(); k++) {
            double w = weighted ? support(k) : 1;
            double v = metric.applyAsDouble(k);
            sum += w * (Double.isNaN(v) ? 0 : v);
            weight += w;
        }
        return Confusion.ratio(sum, weight);
    }
}
