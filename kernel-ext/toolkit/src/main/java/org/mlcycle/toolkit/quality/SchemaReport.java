package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * How a batch departs from a {@link Schema}.
 *
 * @param schema the reference table's name
 * @param batch the batch's name
 * @param rows rows in the batch
 * @param anomalies what was found, batch-level first
 */
public record SchemaReport(String schema, String batch, int rows, List<SchemaAnomaly> anomalies) implements Rendered {

    public SchemaReport {
        anomalies = List.copyOf(anomalies);
    }

    /** True when the batch conforms. */
    public boolean valid() {
        return anomalies.isEmpty();
    }

    /** The anomalies of one kind. */
    public List<SchemaAnomaly> anomalies(SchemaAnomaly.Kind kind) {
        return anomalies.stream().filter(a -> a.kind() == kind).toList();
    }

    private String headline() {
        return String.format(
                Locale.ROOT,
                "schema '%s' vs batch '%s' (%d rows): %s, %d anomalies",
                schema,
                batch,
                rows,
                valid() ? "VALID" : "INVALID",
                anomalies.size());
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(headline());
        for (SchemaAnomaly a : anomalies) {
            out.append("\n  ! ").append(a);
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> rowsOut = new ArrayList<>();
        for (SchemaAnomaly a : anomalies) {
            rowsOut.add(List.of(
                    Messages.get("report.schema.kind." + a.kind().name().toLowerCase(Locale.ROOT)),
                    a.column(),
                    a.detail()));
        }
        return "<div class=\"mlcycle-schema-report\"" + Messages.dirAttribute() + " style=\"font-family:sans-serif\"><p"
                + " style=\"font-weight:bold;color:"
                + (valid() ? "#1a7f37" : "#b3261e") + "\">"
                + Html.escape(Messages.get(
                        "report.schema.headline",
                        schema,
                        batch,
                        rows,
                        Messages.get(valid() ? "report.schema.valid" : "report.schema.invalid"),
                        anomalies.size()))
                + "</p>"
                + (rowsOut.isEmpty()
                        ? ""
                        : Html.table(Html.headers("report.schema.", "anomaly", "column", "detail"), rowsOut))
                + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("schema", schema);
        r.put("batch", batch);
        r.put("rows", rows);
        r.put("valid", valid());
        r.put(
                "anomalies",
                anomalies.stream()
                        .map(a -> Map.<String, Object>of(
                                "kind",
                                a.kind().name(),
                                "column",
                                a.column(),
                                "share",
                                a.share(),
                                "detail",
                                a.detail(),
                                "values",
                                a.values()))
                        .toList());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
