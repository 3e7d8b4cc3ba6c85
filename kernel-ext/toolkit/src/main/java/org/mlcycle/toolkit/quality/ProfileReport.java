package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Numbers;
import org.mlcycle.toolkit.report.Rendered;

/**
 * The profile of a table: one {@link ColumnProfile} per column, the duplicate-row count, the alerts
 * and the options used.
 *
 * @param table the table's name
 * @param rows rows in the table
 * @param columns per-column profiles in table order
 * @param duplicateRows rows equal to an earlier row over the profiled columns
 * @param alerts warnings, table-level first
 * @param options how the profile was made
 */
public record ProfileReport(
        String table,
        int rows,
        List<ColumnProfile> columns,
        long duplicateRows,
        List<ProfileAlert> alerts,
        ProfileOptions options)
        implements Rendered {

    public ProfileReport {
        columns = List.copyOf(columns);
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(options, "options");
    }

    /** The profile of one column. */
    public ColumnProfile column(String name) {
        for (ColumnProfile c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        List<String> names = columns.stream().map(ColumnProfile::name).toList();
        throw new IllegalArgumentException("profile: no column '" + name + "' in the profile of '" + table + "' (has: "
                + String.join(", ", names) + ")");
    }

    /** The alerts of one kind. */
    public List<ProfileAlert> alerts(ProfileAlert.Kind kind) {
        return alerts.stream().filter(a -> a.kind() == kind).toList();
    }

    private String headline() {
        return String.format(
                Locale.ROOT,
                "profile '%s': %d rows x %d columns, %d duplicate rows, %d alerts",
                table,
                rows,
                columns.size(),
                duplicateRows,
                alerts.size());
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(headline()).append('\n');
        for (ProfileAlert a : alerts) {
            out.append("  ! ").append(a).append('\n');
        }
        out.append(String.format(
                Locale.ROOT,
                "  %-22s %-8s %9s %8s %12s %12s %12s %12s %12s%n",
                "column",
                "type",
                "missing",
                "distinct",
                "mean",
                "std",
                "min",
                "p50",
                "max"));
        for (ColumnProfile c : columns) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-22s %-8s %9d %8d %12s %12s %12s %12s %12s%n",
                    c.name(),
                    c.type(),
                    c.missing(),
                    c.distinct(),
                    num(c.mean()),
                    num(c.std()),
                    num(c.min()),
                    c.numeric() && !c.quantiles().isEmpty() ? num(c.quantile(0.5)) : "-",
                    num(c.max())));
        }
        return out.toString().stripTrailing();
    }

    /** About six significant digits, whole numbers without a point, NaN as "-": 20000, 11547.3, 0.000149989. */
    private static String num(double v) {
        return Double.isNaN(v) ? "-" : Numbers.brief(v);
    }

    /**
     * An alert as the HTML shows it: its kind and detail in the learner's language, its column's name
     * as it is. An alert the profile's rules would not have written so (a report put together by hand)
     * stays as it was written.
     */
    private String alertLine(ProfileAlert a) {
        ColumnProfile c = columns.stream()
                .filter(p -> p.name().equals(a.column()))
                .findFirst()
                .orElse(null);
        boolean tableLevel = a.kind() == ProfileAlert.Kind.EMPTY_TABLE || a.kind() == ProfileAlert.Kind.DUPLICATES;
        if ((c == null) != tableLevel
                || (a.kind() == ProfileAlert.Kind.IMBALANCE && c.top().isEmpty())
                || !a.detail().equals(Alerts.detail("en", a.kind(), c, rows, duplicateRows, options))) {
            return a.toString();
        }
        String language = Messages.language();
        return Messages.in(language, "report.profile.alert.kind." + Alerts.key(a.kind()))
                + (a.column().isEmpty() ? "" : " '" + a.column() + "'")
                + ": "
                + Alerts.detail(language, a.kind(), c, rows, duplicateRows, options);
    }

    @Override
    public String toHtml() {
        StringBuilder out = new StringBuilder(
                "<div class=\"mlcycle-profile\"" + Messages.dirAttribute() + " style=\"font-family:sans-serif\">");
        out.append("<p style=\"font-weight:bold\">")
                .append(Html.escape(Messages.get(
                        "report.profile.headline", table, rows, columns.size(), duplicateRows, alerts.size())))
                .append("</p>");
        if (!alerts.isEmpty()) {
            out.append("<ul style=\"color:#b35900;margin:0 0 0.5em 0\">");
            for (ProfileAlert a : alerts) {
                out.append("<li>").append(Html.escape(alertLine(a))).append("</li>");
            }
            out.append("</ul>");
        }
        List<List<?>> rowsOut = new ArrayList<>();
        for (ColumnProfile c : columns) {
            String top = c.top().isEmpty()
                    ? ""
                    : String.join(
                            ", ",
                            c.top().stream()
                                    .limit(3)
                                    .map(v -> v.value() + " (" + v.count() + ")")
                                    .toList());
            rowsOut.add(List.of(
                    c.name(),
                    c.type(),
                    c.missing(),
                    String.format(Locale.ROOT, "%.2f%%", 100 * c.missingShare()),
                    c.distinct(),
                    num(c.mean()),
                    num(c.std()),
                    num(c.min()),
                    num(q(c, 0.05)),
                    num(q(c, 0.25)),
                    num(q(c, 0.5)),
                    num(q(c, 0.75)),
                    num(q(c, 0.95)),
                    num(c.max()),
                    top));
        }
        out.append(Html.table(
                Html.headers(
                        "report.profile.",
                        "column",
                        "type",
                        "missing",
                        "missingShare",
                        "distinct",
                        "mean",
                        "std",
                        "min",
                        "p05",
                        "p25",
                        "p50",
                        "p75",
                        "p95",
                        "max",
                        "top"),
                rowsOut));
        if (columns.stream().anyMatch(c -> c.missing() > 0)) {
            out.append(Charts.img(Charts.missingBars(
                    Messages.get("chart.profile.missing"),
                    columns.stream().map(ColumnProfile::name).toList(),
                    columns.stream().map(ColumnProfile::missingShare).toList())));
        }
        out.append("<p style=\"color:#666;font-size:smaller\">")
                .append(Html.escape(Messages.get(
                        "report.profile.method",
                        options.bins(),
                        100 * options.missingShare(),
                        options.maxCategories(),
                        options.skew(),
                        options.imbalance())))
                .append("</p>");
        return out.append("</div>").toString();
    }

    private static double q(ColumnProfile c, double p) {
        return c.numeric() && !c.quantiles().isEmpty() ? c.quantile(p) : Double.NaN;
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("table", table);
        r.put("rows", rows);
        r.put("columns", columns.size());
        r.put("duplicate_rows", duplicateRows);
        Map<String, Object> cols = new LinkedHashMap<>();
        for (ColumnProfile c : columns) {
            cols.put(c.name(), c.toRecord());
        }
        r.put("column", cols);
        r.put(
                "alerts",
                alerts.stream()
                        .map(a -> Map.<String, Object>of(
                                "kind",
                                a.kind().name(),
                                "column",
                                a.column(),
                                "value",
                                a.value(),
                                "detail",
                                a.detail()))
                        .toList());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
