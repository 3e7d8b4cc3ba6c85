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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mlcycle.toolkit.quality.ColumnSchema;
import org.mlcycle.toolkit.quality.Schema;
import org.mlcycle.toolkit.quality.SchemaOptions;
import org.mlcycle.toolkit.quality.SchemaReport;
import org.mlcycle.toolkit.quality.SchemaRules;

/**
 * {@link Schema#infer} and {@link Schema#validate} over a Spark {@code Dataset}, all exact: one
 * aggregation for missing shares (and ranges), one shuffle counting the text columns' values (domains;
 * on validation only the values outside a domain are counted). The schema is the toolkit's own
 * {@link Schema}, so one inferred on Spark validates a table and the other way round.
 */
public final class SparkSchema {
    private static final String WHO = "schema";

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
            String type = type(reference, c);
            double missing = SchemaRules.share(rows - a.getLong(at++), rows);
            if (SparkColumns.numeric(reference, c)) {
                double lo = SparkColumns.num(a, at++), hi = SparkColumns.num(a, at++);
                cols.add(SchemaRules.number(c, type, missing, lo, hi, options));
            } else {
                ValueGroups.Groups g = groups.getOrDefault(c, ValueGroups.Groups.NONE);
                cols.add(SchemaRules.text(
                        c,
                        type,
                        missing,
                        g.top().stream().map(ValueGroups.Count::value).toList(),
                        g.distinct(),
                        options));
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
                SchemaRules.EXAMPLES,
                unseen.stream().reduce(Column::or).orElse(lit(false)));

        Map<String, ColumnSchema> known = new HashMap<>();
        schema.columns().forEach(s -> known.put(s.name(), s));
        // what the aggregation measured, in the order it read the columns; the batch order comes after
        Map<String, SchemaRules.BatchColumn> measured = new HashMap<>();
        int at = 1;
        for (ColumnSchema s : schema.columns()) {
            if (!has.contains(s.name())) continue;
            String type = type(batch, s.name());
            boolean numeric = SparkColumns.numeric(batch, s.name());
            long present = a.getLong(at++);
            long outside = 0;
            double lo = Double.NaN, hi = Double.NaN;
            if (s.hasRange() && numeric) {
                outside = a.getLong(at);
                lo = SparkColumns.num(a, at + 1);
                hi = SparkColumns.num(a, at + 2);
                at += 3;
            }
            ValueGroups.Groups g = s.hasDomain() && !numeric
                    ? extras.getOrDefault(s.name(), ValueGroups.Groups.NONE)
                    : ValueGroups.Groups.NONE;
            Map<String, Long> top = new LinkedHashMap<>();
            g.top().forEach(v -> top.put(v.value(), v.count()));
            measured.put(
                    s.name(),
                    new SchemaRules.BatchColumn(
                            type, numeric, present, g.present(), g.distinct(), top, outside, lo, hi));
        }
        Map<String, SchemaRules.BatchColumn> inOrder = new LinkedHashMap<>();
        for (String c : batch.columns()) {
            inOrder.put(
                    c,
                    known.containsKey(c)
                            ? measured.get(c)
                            : SchemaRules.BatchColumn.typed(type(batch, c), SparkColumns.numeric(batch, c)));
        }
        return SchemaRules.validate(schema, name, rows, inOrder);
    }

    private static String type(Dataset<Row> ds, String column) {
        return SparkColumns.tablesawType(ds.schema().apply(column).dataType()).name();
    }
}
