package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.stats.NumericValues;
import org.mlcycle.toolkit.stats.ValueCounts;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What a batch of data should look like, inferred from a reference table (TFDV's {@code infer_schema}):
 * column types, missing shares, text domains up to {@link SchemaOptions#maxDomain()} values and,
 * when asked for, numeric ranges. {@link #validate} lists how a new batch departs from it.
 *
 * @param source the reference table's name
 * @param columns one entry per reference column, in table order
 * @param options how the schema was inferred and how strictly it validates
 */
public record Schema(String source, List<ColumnSchema> columns, SchemaOptions options) implements Rendered {
    private static final String WHO = "schema";

    public Schema {
        columns = List.copyOf(columns);
        Objects.requireNonNull(options, "options");
    }

    /** Infers a schema from {@code reference} with {@link SchemaOptions#defaults()}. */
    public static Schema infer(Table reference) {
        return infer(reference, SchemaOptions.defaults());
    }

    /** Infers a schema from {@code reference}. */
    public static Schema infer(Table reference, SchemaOptions options) {
        Require.table(reference, WHO, "reference");
        List<ColumnSchema> cols = new ArrayList<>();
        for (Column<?> c : reference.columns()) {
            double missing = SchemaRules.share(c.countMissing(), c.size());
            if (NumericValues.isNumeric(c)) {
                double[] v = options.ranges() ? NumericValues.present(c) : new double[0];
                double min = Double.NaN, max = Double.NaN;
                for (double x : v) {
                    min = Double.isNaN(min) ? x : Math.min(min, x);
                    max = Double.isNaN(max) ? x : Math.max(max, x);
                }
                cols.add(SchemaRules.number(c.name(), c.type().name(), missing, min, max, options));
            } else {
                Map<String, Long> counts = ValueCounts.of(c).counts();
                cols.add(SchemaRules.text(c.name(), c.type().name(), missing, counts.keySet(), counts.size(), options));
            }
        }
        return new Schema(reference.name(), cols, options);
    }

    /** How {@code batch} departs from this schema; an empty list of anomalies means it conforms. */
    public SchemaReport validate(Table batch) {
        Require.table(batch, WHO, "batch");
        int rows = batch.rowCount();
        Map<String, SchemaRules.BatchColumn> measured = new LinkedHashMap<>();
        for (Column<?> c : batch.columns()) {
            boolean numeric = NumericValues.isNumeric(c);
            ColumnSchema s = columns.stream()
                    .filter(k -> k.name().equals(c.name()))
                    .findFirst()
                    .orElse(null);
            if (s == null) {
                measured.put(c.name(), SchemaRules.BatchColumn.typed(c.type().name(), numeric));
                continue;
            }
            long present = rows - c.countMissing();
            long unseen = 0;
            Map<String, Long> extra = new LinkedHashMap<>();
            if (s.hasDomain() && !numeric) {
                Set<String> domain = Set.copyOf(s.domain());
                for (Map.Entry<String, Long> e : ValueCounts.of(c).top(Integer.MAX_VALUE)) {
                    if (!domain.contains(e.getKey())) {
                        unseen += e.getValue();
                        extra.put(e.getKey(), e.getValue());
                    }
                }
            }
            long out = 0;
            double lo = Double.NaN, hi = Double.NaN;
            if (s.hasRange() && numeric) {
                for (double x : NumericValues.present(c)) {
                    if (x < s.min() || x > s.max()) {
                        out++;
                        lo = Double.isNaN(lo) ? x : Math.min(lo, x);
                        hi = Double.isNaN(hi) ? x : Math.max(hi, x);
                    }
                }
            }
            measured.put(
                    c.name(),
                    new SchemaRules.BatchColumn(
                            c.type().name(), numeric, present, unseen, extra.size(), extra, out, lo, hi));
        }
        return SchemaRules.validate(this, batch.name(), rows, measured);
    }

    /** The schema of one column. */
    public ColumnSchema column(String name) {
        return columns.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(WHO + ": no column '" + name + "' in the schema of '"
                        + source + "' (has: "
                        + String.join(
                                ", ", columns.stream().map(ColumnSchema::name).toList()) + ")"));
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(headline("en") + (options.ranges() ? ", with numeric ranges" : ""));
        for (ColumnSchema c : columns) {
            out.append(String.format(
                    Locale.ROOT, "%n  %-22s %-16s missing %.2f%%", c.name(), c.type(), 100 * c.missingShare()));
            if (c.hasDomain()) {
                out.append(", domain of ").append(c.domain().size());
            }
            if (c.hasRange()) {
                out.append(", range [")
                        .append(Html.format(c.min()))
                        .append(", ")
                        .append(Html.format(c.max()))
                        .append(']');
            }
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        for (ColumnSchema c : columns) {
            String domain = !c.hasDomain()
                    ? ""
                    : c.domain().size() <= 8
                            ? String.join(", ", c.domain())
                            : String.join(", ", c.domain().subList(0, 8)) + ", ... ("
                                    + c.domain().size() + ")";
            rows.add(List.of(
                    c.name(),
                    c.type(),
                    String.format(Locale.ROOT, "%.2f%%", 100 * c.missingShare()),
                    domain,
                    c.hasRange() ? Html.format(c.min()) + " .. " + Html.format(c.max()) : ""));
        }
        return "<div class=\"mlcycle-schema\"" + Messages.dirAttribute()
                + " style=\"font-family:sans-serif\"><p style=\"font-weight:bold\">"
                + Html.escape(headline(Messages.language())) + "</p>"
                + Html.table(Html.headers("report.schemaOf.", "column", "type", "missing", "domain", "range"), rows)
                + "</div>";
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(language, "report.schemaOf.headline", source, columns.size());
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("source", source);
        r.put("columns", columns.stream().map(ColumnSchema::toRecord).toList());
        r.put("max_domain", options.maxDomain());
        r.put("ranges", options.ranges());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
