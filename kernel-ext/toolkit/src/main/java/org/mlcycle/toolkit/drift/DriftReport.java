package org.mlcycle.toolkit.drift;

import static org.mlcycle.toolkit.drift.Drift.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * Drift between two tables: one {@link ColumnDrift} per shared column, the columns only one table
 * has, the overall verdict and the options used. The text and HTML print every threshold, the bins
 * and n next to each p-value.
 *
 * @param reference the reference table's name
 * @param current the current table's name
 * @param referenceRows rows in the reference table
 * @param currentRows rows in the current table
 * @param columns per shared column, in reference order
 * @param onlyInReference columns the current table lacks
 * @param onlyInCurrent columns the reference lacks
 * @param options how the decision was made
 */
public record DriftReport(
        String reference,
        String current,
        int referenceRows,
        int currentRows,
        List<ColumnDrift> columns,
        List<String> onlyInReference,
        List<String> onlyInCurrent,
        DriftOptions options)
        implements Rendered {

    /** Histogram pairs drawn in the HTML form, for the first drifted columns. */
    static final int CHARTS_IN_HTML = 6;

    public DriftReport {
        columns = List.copyOf(columns);
        onlyInReference = List.copyOf(onlyInReference);
        onlyInCurrent = List.copyOf(onlyInCurrent);
        Objects.requireNonNull(options, "options");
    }

    /** The columns that drifted. */
    public List<ColumnDrift> drifted() {
        return columns.stream().filter(ColumnDrift::drifted).toList();
    }

    /** The columns whose missing share moved by more than the option allows. */
    public List<ColumnDrift> missingRateChanges() {
        return columns.stream().filter(ColumnDrift::missingRateChanged).toList();
    }

    /** Share of compared columns that drifted (0 with none compared). */
    public double driftedShare() {
        return columns.isEmpty() ? 0 : (double) drifted().size() / columns.size();
    }

    /** Whether the dataset as a whole drifted: at least {@link DriftOptions#driftShare()} of the columns. */
    public boolean datasetDrift() {
        return !columns.isEmpty() && driftedShare() >= options.driftShare();
    }

    /** The drift of one column. */
    public ColumnDrift column(String name) {
        return columns.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Drift.WHO + ": no column '" + name
                        + "' in the drift report of '" + reference
                        + "' vs '" + current + "' (has: "
                        + String.join(
                                ", ", columns.stream().map(ColumnDrift::name).toList()) + ")"));
    }

    /** Whether p-value tests decided (reference rows at most {@link DriftOptions#pValueRows()}). */
    public boolean decidedByTests() {
        return referenceRows <= options.pValueRows();
    }

    String headline() {
        return f(
                "drift '%s' vs '%s': %d of %d columns drifted (%.0f%%); dataset drift: %s (at >= %.0f%% of columns)",
                reference,
                current,
                drifted().size(),
                columns.size(),
                100 * driftedShare(),
                datasetDrift() ? "YES" : "no",
                100 * options.driftShare());
    }

    String ruleLine() {
        return ruleLine("en");
    }

    /** How columns were judged, in {@code language}: English for the text and the record, the learner's for HTML. */
    String ruleLine(String language) {
        String decide = decidedByTests()
                ? Messages.in(
                        language,
                        "report.drift.rule.tests",
                        referenceRows,
                        options.pValueRows(),
                        Drift.num(options.pValue()))
                : Messages.in(
                        language,
                        "report.drift.rule.effects",
                        referenceRows,
                        options.pValueRows(),
                        Drift.num(options.wasserstein()),
                        Drift.num(options.js()));
        String few = options.categoricalUpTo() > 0
                ? Messages.in(language, "report.drift.rule.few", options.categoricalUpTo())
                : "";
        return decide
                + few
                + Messages.in(
                        language, "report.drift.rule.psi", options.bins(), Drift.num(options.missingRateChange()));
    }

    /** A column's note in the language in use when it is one the toolkit writes, else as given. */
    private static String note(ColumnDrift c) {
        for (String table : List.of("reference", "current")) {
            if (c.note().equals("no values in the " + table + " table")) {
                return Messages.get("report.drift.note.empty." + table);
            }
        }
        return c.note();
    }

    private static String line(ColumnDrift c) {
        StringBuilder s = new StringBuilder(
                f("%-22s %-11s %-6s", c.name(), c.numeric() ? "numeric" : "categorical", c.drifted() ? "DRIFT" : "ok"));
        if (!c.note().isEmpty()) {
            return s.append(c.note()).toString();
        }
        if (c.numeric()) {
            s.append(f(
                    "W/std %.4f  KS D %.4f p %.3g (n %d vs %d)  PSI %.4f  JS %.4f",
                    c.wassersteinNorm(), c.ks(), c.ksP(), c.nRef(), c.nCur(), c.psi(), c.js()));
        } else {
            s.append(f(
                    "JS %.4f  chi2 %.1f dof %d p %.3g (n %d vs %d)  PSI %.4f  L-inf %.4f at '%s'",
                    c.js(), c.chi2(), c.chi2Dof(), c.chi2P(), c.nRef(), c.nCur(), c.psi(), c.linf(), c.linfBin()));
            if (!c.newCategories().isEmpty()) {
                s.append("  new: ")
                        .append(String.join(
                                ", ",
                                c.newCategories()
                                        .subList(
                                                0, Math.min(5, c.newCategories().size()))));
            }
            if (!c.vanishedCategories().isEmpty()) {
                s.append("  vanished: ")
                        .append(String.join(
                                ", ",
                                c.vanishedCategories()
                                        .subList(
                                                0,
                                                Math.min(
                                                        5,
                                                        c.vanishedCategories().size()))));
            }
        }
        if (!c.moved().isEmpty()) {
            s.append("  moved: ").append(c.moved());
        }
        if (c.missingRateChanged()) {
            s.append(f("  missing %.2f%% -> %.2f%%", 100 * c.missingRef(), 100 * c.missingCur()));
        }
        return s.toString();
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(headline()).append("\n  ").append(ruleLine());
        for (ColumnDrift c : columns) {
            out.append("\n  ").append(line(c));
        }
        if (!onlyInReference.isEmpty()) {
            out.append("\n  only in '").append(reference).append("': ").append(String.join(", ", onlyInReference));
        }
        if (!onlyInCurrent.isEmpty()) {
            out.append("\n  only in '").append(current).append("': ").append(String.join(", ", onlyInCurrent));
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder out = new StringBuilder(
                "<div class=\"mlcycle-drift\"" + Messages.dirAttribute() + " style=\"font-family:sans-serif\">");
        out.append("<p style=\"font-weight:bold;color:")
                .append(datasetDrift() ? "#b3261e" : drifted().isEmpty() ? "#1a7f37" : "#b35900")
                .append("\">")
                .append(Html.escape(Messages.get(
                        "report.drift.headline",
                        reference,
                        current,
                        drifted().size(),
                        columns.size(),
                        100 * driftedShare(),
                        Messages.get(datasetDrift() ? "report.drift.yes" : "report.drift.no"),
                        100 * options.driftShare())))
                .append("</p>");
        out.append("<p dir=\"ltr\" style=\"color:#666;font-size:smaller\">")
                .append(Html.escape(ruleLine(Messages.language())))
                .append("</p>");
        List<List<?>> rows = new ArrayList<>();
        for (ColumnDrift c : columns) {
            String p = c.numeric() ? f("%.3g", c.ksP()) : f("%.3g", c.chi2P());
            rows.add(List.of(
                    c.name(),
                    Messages.get(c.numeric() ? "report.drift.numeric" : "report.drift.categorical"),
                    Messages.get(c.drifted() ? "report.drift.drift" : "report.drift.ok"),
                    c.moved(),
                    c.rule(),
                    c.score(),
                    c.numeric() ? f("%.4f", c.ks()) : f("%.1f", c.chi2()),
                    p + f(" (n %d vs %d)", c.nRef(), c.nCur()),
                    c.psi(),
                    c.js(),
                    c.wassersteinNorm(),
                    f("%.4f at %s", c.linf(), c.linfBin()),
                    f(
                            "%.2f%% -> %.2f%%%s",
                            100 * c.missingRef(), 100 * c.missingCur(), c.missingRateChanged() ? " !" : ""),
                    String.join(
                                    ", ",
                                    c.newCategories()
                                            .subList(
                                                    0,
                                                    Math.min(
                                                            5, c.newCategories().size())))
                            + note(c)));
        }
        out.append(Html.table(
                Html.headers(
                        "report.drift.",
                        "column",
                        "kind",
                        "verdict",
                        "moved",
                        "rule",
                        "score",
                        "ksChi2",
                        "pN",
                        "psi",
                        "js",
                        "wStd",
                        "linfAt",
                        "missing",
                        "newNote"),
                rows));
        if (!columns.isEmpty()) {
            List<String> names = columns.stream().map(ColumnDrift::name).toList();
            List<Double> scores = columns.stream()
                    .map(c -> c.numeric() ? c.wassersteinNorm() : c.js())
                    .toList();
            out.append(Charts.img(Charts.scoreBars(
                    Messages.get("chart.drift.effect"),
                    names,
                    scores,
                    decidedByTests() ? Double.NaN : options.wasserstein())));
        }
        drifted().stream()
                .filter(c -> !c.bins().isEmpty() && !c.refShares().isEmpty())
                .limit(CHARTS_IN_HTML)
                .forEach(c -> out.append(Charts.img(Charts.sharesPair(
                        Messages.get("chart.drift.shares", c.name()), c.bins(), c.refShares(), c.curShares()))));
        if (!onlyInReference.isEmpty() || !onlyInCurrent.isEmpty()) {
            out.append("<p>")
                    .append(Html.escape(Messages.get(
                            "report.drift.onlyIn",
                            reference,
                            String.join(", ", onlyInReference),
                            current,
                            String.join(", ", onlyInCurrent))))
                    .append("</p>");
        }
        return out.append("</div>").toString();
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("reference", reference);
        r.put("current", current);
        r.put("rows_ref", referenceRows);
        r.put("rows_cur", currentRows);
        r.put("drifted", drifted().stream().map(ColumnDrift::name).toList());
        r.put("drifted_share", driftedShare());
        r.put("dataset_drift", datasetDrift());
        r.put("rule", ruleLine());
        Map<String, Object> cols = new LinkedHashMap<>();
        for (ColumnDrift c : columns) {
            cols.put(c.name(), c.toRecord());
        }
        r.put("columns", cols);
        r.put("only_in_reference", onlyInReference);
        r.put("only_in_current", onlyInCurrent);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
