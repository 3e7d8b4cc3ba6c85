package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.stats.NumericValues;
import org.mlcycle.toolkit.stats.ValueCounts;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.NumericColumn;
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
            double missing = c.size() == 0 ? 0 : (double) c.countMissing() / c.size();
            if (NumericValues.isNumeric(c)) {
                double[] v = options.ranges() ? NumericValues.present(c) : new double[0];
                double min = Double.NaN, max = Double.NaN;
                for (double x : v) {
                    min = Double.isNaN(min) ? x : Math.min(min, x);
                    max = Double.isNaN(max) ? x : Math.max(max, x);
                }
                cols.add(new ColumnSchema(c.name(), c.type().name(), true, missing, List.of(), min, max));
            } else {
                ValueCounts vc = ValueCounts.of(c);
                List<String> domain = vc.counts().size() <= options.maxDomain()
                        ? List.copyOf(new TreeSet<>(vc.counts().keySet()))
                        : List.of();
                cols.add(new ColumnSchema(c.name(), c.type().name(), false, missing, domain, Double.NaN, Double.NaN));
            }
        }
        return new Schema(reference.name(), cols, options);
    }

    /** How {@code batch} departs from this schema; an empty list of anomalies means it conforms. */
    public SchemaReport validate(Table batch) {
        Require.table(batch, WHO, "batch");
        List<SchemaAnomaly> out = new ArrayList<>();
        int rows = batch.rowCount();
        if (rows == 0) {
            out.add(new SchemaAnomaly(
                    SchemaAnomaly.Kind.EMPTY_BATCH, "", Double.NaN, "the batch has no rows", List.of()));
        }
        Set<String> known = new TreeSet<>();
        for (ColumnSchema s : columns) {
            known.add(s.name());
        }
        for (String name : batch.columnNames()) {
            if (!known.contains(name)) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.NEW_COLUMN,
                        name,
                        Double.NaN,
                        "not in the schema of '" + source + "' (type "
                                + batch.column(name).type().name() + ")",
                        List.of()));
            }
        }
        for (ColumnSchema s : columns) {
            if (!batch.containsColumn(s.name())) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.MISSING_COLUMN,
                        s.name(),
                        Double.NaN,
                        "expected " + s.type() + ", absent from '" + batch.name() + "'",
                        List.of()));
                continue;
            }
            Column<?> c = batch.column(s.name());
            String type = c.type().name();
            if (!type.equals(s.type())) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.TYPE_CHANGED,
                        s.name(),
                        Double.NaN,
                        "was " + s.type() + ", now " + type,
                        List.of()));
            }
            double missing = rows == 0 ? 0 : (double) c.countMissing() / rows;
            if (missing > s.missingShare() + options.missingTolerance()) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.MISSING_RATE,
                        s.name(),
                        missing,
                        String.format(
                                Locale.ROOT,
                                "%.2f%% missing, reference %.2f%% (tolerance +%.2f points)",
                                100 * missing,
                                100 * s.missingShare(),
                                100 * options.missingTolerance()),
                        List.of()));
            }
            if (s.hasDomain() && !NumericValues.isNumeric(c)) {
                unseen(s, c).ifPresent(out::add);
            }
            if (s.hasRange() && NumericValues.isNumeric(c)) {
                outOfRange(s, (NumericColumn<?>) c).ifPresent(out::add);
            }
        }
        return new SchemaReport(source, batch.name(), rows, out);
    }

    private java.util.Optional<SchemaAnomaly> unseen(ColumnSchema s, Column<?> c) {
        ValueCounts vc = ValueCounts.of(c);
        Set<String> domain = Set.copyOf(s.domain());
        Map<String, Long> extra = new LinkedHashMap<>();
        long unseen = 0;
        for (Map.Entry<String, Long> e : vc.top(Integer.MAX_VALUE)) {
            if (!domain.contains(e.getKey())) {
                unseen += e.getValue();
                extra.put(e.getKey(), e.getValue());
            }
        }
        long present = vc.present();
        double share = present == 0 ? 0 : (double) unseen / present;
        if (unseen == 0 || share <= options.unseenTolerance()) {
            return java.util.Optional.empty();
        }
        List<String> examples = extra.entrySet().stream()
                .limit(10)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .toList();
        return java.util.Optional.of(new SchemaAnomaly(
                SchemaAnomaly.Kind.UNSEEN_CATEGORIES,
                s.name(),
                share,
                String.format(
                        Locale.ROOT,
                        "%d values outside the domain of %d (%.2f%% of %d rows): %s",
                        extra.size(),
                        s.domain().size(),
                        100 * share,
                        present,
                        String.join(", ", examples)),
                examples));
    }

    private java.util.Optional<SchemaAnomaly> outOfRange(ColumnSchema s, NumericColumn<?> c) {
        double[] v = NumericValues.present(c);
        long out = 0;
        double lo = Double.NaN, hi = Double.NaN;
        for (double x : v) {
            if (x < s.min() || x > s.max()) {
                out++;
                lo = Double.isNaN(lo) ? x : Math.min(lo, x);
                hi = Double.isNaN(hi) ? x : Math.max(hi, x);
            }
        }
        if (out == 0) {
            return java.util.Optional.empty();
        }
        double share = (double) out / v.length;
        return java.util.Optional.of(new SchemaAnomaly(
                SchemaAnomaly.Kind.OUT_OF_RANGE,
                s.name(),
                share,
                String.format(
                        Locale.ROOT,
                        "%d values (%.2f%%) outside [%s, %s]; outliers span [%s, %s]",
                        out,
                        100 * share,
                        Html.format(s.min()),
                        Html.format(s.max()),
                        Html.format(lo),
                        Html.format(hi)),
                List.of(Html.format(lo), Html.format(hi))));
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
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "schema of '%s': %d columns%s",
                source,
                columns.size(),
                options.ranges() ? ", with numeric ranges" : ""));
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
        return "<div class=\"mlcycle-schema\" style=\"font-family:sans-serif\"><p style=\"font-weight:bold\">"
                + Html.escape("schema of '" + source + "': " + columns.size() + " columns") + "</p>"
                + Html.table(List.of("column", "type", "missing", "domain", "range"), rows) + "</div>";
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
