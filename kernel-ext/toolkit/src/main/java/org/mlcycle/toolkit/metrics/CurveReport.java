package org.mlcycle.toolkit.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * ROC or precision-recall curves of one or more models on the same rows, drawn on one chart with the
 * line a model without skill would follow: the diagonal for ROC, the base rate for precision-recall
 * (under heavy imbalance the ROC curve flatters a model that the precision-recall curve does not).
 *
 * @param kind which curve
 * @param curves one per model, in the order given
 * @param n rows evaluated
 * @param positives rows whose actual class is positive
 */
public record CurveReport(Kind kind, List<Curve> curves, long n, long positives) implements Rendered {

    /** Which curve, with its axes and the name of its area. */
    public enum Kind {
        ROC("ROC curve", "false-positive rate", "true-positive rate (recall)", "AUC"),
        PRECISION_RECALL("precision-recall curve", "recall", "precision", "AP");
        private final String title, x, y, area;

        Kind(String title, String x, String y, String area) {
            this.title = title;
            this.x = x;
            this.y = y;
            this.area = area;
        }

        public String title() {
            return title;
        }

        public String xAxis() {
            return x;
        }

        public String yAxis() {
            return y;
        }

        /** AUC for ROC, AP (average precision) for precision-recall. */
        public String area() {
            return area;
        }
    }

    public CurveReport {
        Objects.requireNonNull(kind, "kind");
        curves = List.copyOf(curves);
    }

    /** Share of rows that are positive: the precision of a model without skill. */
    public double baseRate() {
        return Confusion.ratio(positives, n);
    }

    /** The curve of {@code model}; the message lists the models there are. */
    public Curve curve(String model) {
        for (Curve c : curves) if (c.model().equals(model)) return c;
        throw new IllegalArgumentException(String.format(
                "%s: no model '%s' (has: %s)",
                kind.title,
                model,
                String.join(", ", curves.stream().map(Curve::model).toList())));
    }

    /** The area of a model without skill: 0.5 for ROC, the base rate for precision-recall. */
    public double chanceArea() {
        return kind == Kind.ROC ? 0.5 : baseRate();
    }

    /** The legend entry of a curve: its name and area, or why it is undefined. */
    String legend(Curve c) {
        return legend(c, "en");
    }

    /** The legend entry of a curve in {@code language}. */
    private String legend(Curve c, String language) {
        return c.defined()
                ? String.format(Locale.ROOT, "%s (%s %.4f)", c.model(), kind.area, c.area())
                : Messages.in(
                        language,
                        "report.curves.undefined",
                        c.model(),
                        Messages.in(
                                language, positives == 0 ? "report.curves.noPositives" : "report.curves.noNegatives"));
    }

    /** The curves on one chart with the chance line. */
    public XYChart chart() {
        return ModelCharts.curves(this);
    }

    public String verdict() {
        return verdict("en");
    }

    /** The verdict in {@code language}: English for the text, the learner's for HTML. */
    private String verdict(String language) {
        List<String> parts = new ArrayList<>();
        for (Curve c : curves) parts.add(legend(c, language));
        return Messages.in(
                language,
                "report.curves.headline",
                Messages.in(language, kind == Kind.ROC ? "report.curves.roc" : "report.curves.precisionRecall"),
                n,
                positives,
                Checks.fmt(baseRate()),
                kind.area,
                Checks.fmt(chanceArea()),
                String.join(", ", parts));
    }

    private List<List<?>> rows() {
        List<List<?>> rows = new ArrayList<>();
        for (Curve c : curves)
            rows.add(List.of(c.model(), Checks.fmt(c.area()), c.points().size()));
        return rows;
    }

    /** The column headers in the learner's language; the area keeps its name (AUC, AP). */
    private List<String> head() {
        return List.of(Messages.get("report.curves.model"), kind.area, Messages.get("report.curves.points"));
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(verdict());
        for (List<?> r : rows()) {
            s.append(String.format(Locale.ROOT, "%n  %-20s %s %s, %s points", r.get(0), kind.area, r.get(1), r.get(2)));
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        return Html.translatedReport(verdict(Messages.language()), Charts.img(chart()), Html.table(head(), rows()));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", kind.name().toLowerCase(Locale.ROOT));
        r.put("n", n);
        r.put("positives", positives);
        r.put("base_rate", baseRate());
        List<Map<String, Object>> models = new ArrayList<>();
        for (Curve c : curves) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", c.model());
            m.put(kind == Kind.ROC ? "roc_auc" : "average_precision", c.area());
            m.put("points", c.points().size());
            models.add(m);
        }
        r.put("models", models);
        return r;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
