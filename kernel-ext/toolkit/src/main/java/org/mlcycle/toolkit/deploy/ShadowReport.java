package org.mlcycle.toolkit.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Fonts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.metrics.AdMetrics;
import org.mlcycle.toolkit.metrics.ClassificationReport;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What a shadow run found: per row the production decision (served) and the candidate's (logged),
 * how often they agree, and, where the traffic says so, each model's metrics on labelled rows and
 * the business numbers of each decision set. The candidate's business numbers are what the log
 * says would have happened: in a live shadow run a row the production did not show has no click to
 * count, so read them as an estimate.
 */
public record ShadowReport(
        String production,
        String candidate,
        String traffic,
        ShowRule rule,
        double[] productionProbability,
        double[] candidateProbability,
        boolean[] served,
        boolean[] logged,
        ClassificationReport productionMetrics,
        ClassificationReport candidateMetrics,
        AdMetrics productionBusiness,
        AdMetrics candidateBusiness)
        implements Rendered {

    public int rows() {
        return served.length;
    }

    /** Share of rows where both made the same decision. */
    public double agreement() {
        int same = 0;
        for (int i = 0; i < served.length; i++) same += served[i] == logged[i] ? 1 : 0;
        return served.length == 0 ? Double.NaN : same / (double) served.length;
    }

    /** Rows the candidate would show and production does not. */
    public int onlyCandidate() {
        int n = 0;
        for (int i = 0; i < served.length; i++) n += logged[i] && !served[i] ? 1 : 0;
        return n;
    }

    /** Rows production shows and the candidate would not. */
    public int onlyProduction() {
        int n = 0;
        for (int i = 0; i < served.length; i++) n += served[i] && !logged[i] ? 1 : 0;
        return n;
    }

    private static double showRate(boolean[] shown) {
        int n = 0;
        for (boolean s : shown) n += s ? 1 : 0;
        return shown.length == 0 ? Double.NaN : n / (double) shown.length;
    }

    /** The decision log: row, both probabilities, the served and the logged decision. */
    public Table decisions() {
        return Table.create(
                "shadow decisions (" + production + " served, " + candidate + " logged)",
                IntColumn.create("row", Labels.all(rows())),
                DoubleColumn.create("p_production", productionProbability),
                BooleanColumn.create("served", served),
                DoubleColumn.create("p_candidate", candidateProbability),
                BooleanColumn.create("logged", logged));
    }

    private List<String> measureNames() {
        List<String> names = new ArrayList<>(Html.headers("report.shadow.", "showRate"));
        if (productionMetrics != null)
            names.addAll(Html.headers("report.shadow.", "precision", "recall", "rocAuc", "prAuc"));
        if (productionBusiness != null) names.addAll(Html.headers("report.shadow.", "ctr"));
        return names;
    }

    private List<Double> measures(boolean[] shown, ClassificationReport m, AdMetrics b) {
        List<Double> out = new ArrayList<>(List.of(showRate(shown)));
        if (m != null)
            out.addAll(List.of(m.confusion().precision(), m.confusion().recall(), m.rocAuc(), m.averagePrecision()));
        if (b != null) out.add(b.clickThroughRate());
        return out;
    }

    /** Both models side by side on every measure that applies. */
    public CategoryChart chart() {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put(
                Messages.get("report.shadow.servedName", production),
                measures(served, productionMetrics, productionBusiness));
        series.put(
                Messages.get("report.shadow.shadowName", candidate),
                measures(logged, candidateMetrics, candidateBusiness));
        CategoryChart chart =
                Charts.groupedBars(Messages.get("report.shadow.chart.title", rows(), traffic), measureNames(), series);
        Fonts.fit(chart);
        return chart;
    }

    /** The one-line summary, in English (as the text reads it). */
    public String verdict() {
        return headline("en");
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        String s = Messages.in(
                language,
                "report.shadow.headline",
                production,
                candidate,
                rows(),
                traffic,
                100 * agreement(),
                onlyCandidate(),
                onlyProduction());
        if (productionMetrics != null) {
            s += Messages.in(
                    language,
                    "report.shadow.headlineMetrics",
                    Html.format(productionMetrics.confusion().precision()),
                    Html.format(candidateMetrics.confusion().precision()),
                    Html.format(productionMetrics.rocAuc()),
                    Html.format(candidateMetrics.rocAuc()));
        }
        if (productionBusiness != null) {
            s += Messages.in(
                    language,
                    "report.shadow.headlineRevenue",
                    productionBusiness.revenue(),
                    candidateBusiness.revenue());
        }
        return s;
    }

    private List<List<?>> rowsOfTable(String language) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(row(
                Messages.in(language, "report.shadow.servedName", production),
                served,
                productionMetrics,
                productionBusiness));
        rows.add(row(
                Messages.in(language, "report.shadow.loggedName", candidate),
                logged,
                candidateMetrics,
                candidateBusiness));
        return rows;
    }

    private static List<?> row(String name, boolean[] shown, ClassificationReport m, AdMetrics b) {
        return List.of(
                name,
                showRate(shown),
                m == null ? "-" : m.confusion().precision(),
                m == null ? "-" : m.confusion().recall(),
                m == null ? "-" : m.rocAuc(),
                b == null ? "-" : b.impressions(),
                b == null ? "-" : b.clicks(),
                b == null ? "-" : b.clickThroughRate(),
                b == null ? "-" : String.format(Locale.ROOT, "%.2f", b.revenue()));
    }

    private static final List<String> HEAD =
            List.of("model", "show rate", "precision", "recall", "ROC-AUC", "impressions", "clicks", "CTR", "revenue");

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(verdict());
        for (List<?> r : rowsOfTable("en")) {
            s.append("\n  ");
            for (int i = 0; i < HEAD.size(); i++) {
                s.append(i == 0 ? "" : ", ")
                        .append(i == 0 ? "" : HEAD.get(i) + " ")
                        .append(Html.format(r.get(i)));
            }
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        return "<div" + Messages.dirAttribute() + " style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>"
                + Html.escape(headline(Messages.language())) + "</b></p>"
                + Html.table(
                        Html.headers(
                                "report.shadow.",
                                "model",
                                "showRate",
                                "precision",
                                "recall",
                                "rocAuc",
                                "impressions",
                                "clicks",
                                "ctr",
                                "revenue"),
                        rowsOfTable(Messages.language()))
                + Charts.img(chart()) + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("production", production);
        r.put("candidate", candidate);
        r.put("rows", rows());
        r.put("agreement", agreement());
        r.put("only_candidate", onlyCandidate());
        r.put("only_production", onlyProduction());
        r.put("threshold", rule.threshold());
        if (productionMetrics != null) {
            r.put("production_metrics", productionMetrics.toRecord());
            r.put("candidate_metrics", candidateMetrics.toRecord());
        }
        if (productionBusiness != null) {
            r.put("production_business", productionBusiness.toRecord());
            r.put("candidate_business", candidateBusiness.toRecord());
        }
        return r;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
