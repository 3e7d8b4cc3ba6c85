package org.mlcycle.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlcycle.toolkit.quality.ColumnSchema;
import org.mlcycle.toolkit.quality.Schema;
import org.mlcycle.toolkit.quality.SchemaAnomaly;
import org.mlcycle.toolkit.quality.SchemaOptions;
import org.mlcycle.toolkit.quality.SchemaReport;
import org.mlcycle.toolkit.report.Html;

/**
 * {@link Schema#infer} and {@link Schema#validate} over a Spark {@code Dataset}, all exact: one
 * aggregation for missing shares (and ranges), one shuffle counting the text columns' values (domains;
 * on validation only the values outside a domain are counted). The schema is the toolkit's own
 * {@link Schema}, so one inferred on Spark validates a table and the other way round.
 */
public final class SparkSchema {
    private static final String WHO = "schema";
    /** Examples of unseen values listed, as on a table. */
    private static final int EXAMPLES = 10;

    private SparkSchema() {}

    /** Infers a schema from {@code reference}, called {@code name}, with {@link SchemaOptions#defaults()}. */
    public static Schema infer(Dataset<Row> reference, String name) {
        return infer(reference, name, SchemaOptions.defaults());
    }

    /** Infers a schema from {@code reference}, called {@code name}. */
    public static Schema infer(Dataset<Row> reference, String name, SchemaOptions options) {
        if (reference == null) throw new IllegalArgumentException(WHO + ": the reference table is null");
        String[] names = reference.columns();
        List<Column> aggs = new ArrayList<>(List.of(count(lit(1))));
        List<String> texts = new ArrayList<>();
        for (String c : names) {
            Column v = SparkColumns.value(reference, c);
            aggs.add(count(v));
            if (SparkColumns.numeric(reference, c)) {
                aggs.add(min(v));
                aggs.add(max(v));
            } else {
                texts.add(c);
            }
        }
        Row a = reference
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .first();
        long rows = a.getLong(0);
        // one more than the domain limit tells a column over the limit
        Map<String, ValueGroups.Groups> groups = ValueGroups.of(reference, texts, options.maxDomain() + 1, null);
        List<ColumnSchema> cols = new ArrayList<>();
        int at = 1;
        for (String c : names) {
            String type = SparkColumns.tablesawType(reference.schema().apply(c).dataType())
                    .name();
            double missing = rows == 0 ? 0 : (double) (rows - a.getLong(at++)) / rows;
            if (SparkColumns.numeric(reference, c)) {
                double lo = SparkColumns.num(a, at++), hi = SparkColumns.num(a, at++);
                cols.add(new ColumnSchema(
                        c,
                        type,
                        true,
                        missing,
                        List.of(),
                        options.ranges() ? lo : Double.NaN,
                        options.ranges() ? hi : Double.NaN));
            } else {
                ValueGroups.Groups g = groups.getOrDefault(c, ValueGroups.Groups.NONE);
                List<String> domain = g.distinct() <= options.maxDomain()
                        ? List.copyOf(new TreeSet<>(
                                g.top().stream().map(ValueGroups.Count::value).toList()))
                        : List.of();
                cols.add(new ColumnSchema(c, type, false, missing, domain, Double.NaN, Double.NaN));
            }
        }
        return new Schema(name, cols, options);
    }

    /** How {@code batch}, called {@code name}, departs from {@code schema}; the same report as on a table. */
    public static SchemaReport validate(Schema schema, Dataset<Row> batch, String name) {
        if (batch == null) throw new IllegalArgumentException(WHO + ": the batch table is null");
        SchemaOptions options = schema.options();
        Set<String> has = Set.of(batch.columns());
        List<Column> aggs = new ArrayList<>(List.of(count(lit(1))));
        List<String> domainColumns = new ArrayList<>();
        List<Column> unseen = new ArrayList<>();
        for (ColumnSchema s : schema.columns()) {
            if (!has.contains(s.name())) continue;
            Column v = SparkColumns.value(batch, s.name());
            aggs.add(count(v));
            boolean numeric = SparkColumns.numeric(batch, s.name());
            if (s.hasRange() && numeric) {
                Column out = v.lt(s.min()).or(v.gt(s.max()));
                aggs.add(sum(when(out, 1L).otherwise(0L)));
                aggs.add(min(when(out, v)));
                aggs.add(max(when(out, v)));
            }
            if (s.hasDomain() && !numeric) {
                unseen.add(col("c").equalTo(domainColumns.size())
                        .and(not(col("s").isin(s.domain().toArray()))));
                domainColumns.add(s.name());
            }
        }
        Row a = batch.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                .first();
        int rows = SparkColumns.rows(a.getLong(0), WHO);
        Map<String, ValueGroups.Groups> extras = ValueGroups.of(
                batch,
                domainColumns,
                EXAMPLES,
                unseen.stream().reduce(Column::or).orElse(lit(false)));

        List<SchemaAnomaly> out = new ArrayList<>();
        if (rows == 0) {
            out.add(new SchemaAnomaly(
                    SchemaAnomaly.Kind.EMPTY_BATCH, "", Double.NaN, "the batch has no rows", List.of()));
        }
        Set<String> known = new TreeSet<>();
        schema.columns().forEach(s -> known.add(s.name()));
        for (String c : batch.columns()) {
            if (!known.contains(c)) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.NEW_COLUMN,
                        c,
                        Double.NaN,
                        "not in the schema of '" + schema.source() + "' (type " + type(batch, c) + ")",
                        List.of()));
            }
        }
        int at = 1;
        for (ColumnSchema s : schema.columns()) {
            if (!has.contains(s.name())) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.MISSING_COLUMN,
                        s.name(),
                        Double.NaN,
                        "expected " + s.type() + ", absent from '" + name + "'",
                        List.of()));
                continue;
            }
            String type = type(batch, s.name());
            if (!type.equals(s.type())) {
                out.add(new SchemaAnomaly(
                        SchemaAnomaly.Kind.TYPE_CHANGED,
                        s.name(),
                        Double.NaN,
                        "was " + s.type() + ", now " + type,
                        List.of()));
            }
            long present = a.getLong(at++);
            double missing = rows == 0 ? 0 : (double) (rows - present) / rows;
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
            boolean numeric = SparkColumns.numeric(batch, s.name());
            if (s.hasDomain() && !numeric) {
                ValueGroups.Groups g = extras.getOrDefault(s.name(), ValueGroups.Groups.NONE);
                double share = present == 0 ? 0 : (double) g.present() / present;
                if (g.present() > 0 && share > options.unseenTolerance()) {
                    List<String> examples = g.top().stream()
                            .map(v -> v.value() + " (" + v.count() + ")")
                            .toList();
                    out.add(new SchemaAnomaly(
                            SchemaAnomaly.Kind.UNSEEN_CATEGORIES,
                            s.name(),
                            share,
                            String.format(
                                    Locale.ROOT,
                                    "%d values outside the domain of %d (%.2f%% of %d rows): %s",
                                    g.distinct(),
                                    s.domain().size(),
                                    100 * share,
                                    present,
                                    String.join(", ", examples)),
                            examples));
                }
            }
            if (s.hasRange() && numeric) {
                long outside = a.getLong(at);
                double lo = SparkColumns.num(a, at + 1), hi = SparkColumns.num(a, at + 2);
                at += 3;
                if (outside > 0) {
                    double share = (double) outside / present;
                    out.add(new SchemaAnomaly(
                            SchemaAnomaly.Kind.OUT_OF_RANGE,
                            s.name(),
                            share,
                            String.format(
                                    Locale.ROOT,
                                    "%d values (%.2f%%) outside [%s, %s]; outliers span [%s, %s]",
                                    outside,
                                    100 * share,
                                    Html.format(s.min()),
                                    Html.format(s.max()),
                                    Html.format(lo),
                                    Html.format(hi)),
                            Arrays.asList(Html.format(lo), Html.format(hi))));
                }
            }
        }
        return new SchemaReport(schema.source(), name, rows, out);
    }

    private static String type(Dataset<Row> ds, String column) {
        return SparkColumns.tablesawType(ds.schema().apply(column).dataType()).name();
    }
}
