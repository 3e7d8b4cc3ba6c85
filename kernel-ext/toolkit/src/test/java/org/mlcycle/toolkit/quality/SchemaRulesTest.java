package org.mlcycle.toolkit.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.report.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The schema rules on what an engine counted: the half a table and a Spark dataset share. */
class SchemaRulesTest {

    private static final SchemaOptions RANGES = SchemaOptions.defaults().withRanges();

    @Test
    void columnsKeepARangeOnlyWhenAskedAndADomainOnlyUpToItsLimit() {
        assertTrue(SchemaRules.number("bid", "DOUBLE", 0, 1, 9, SchemaOptions.defaults())
                        .min()
                != 1);
        ColumnSchema bid = SchemaRules.number("bid", "DOUBLE", 0.1, 1, 9, RANGES);
        assertEquals(1, bid.min());
        assertEquals(9, bid.max());
        assertEquals(0.1, bid.missingShare());
        ColumnSchema device = SchemaRules.text("device", "STRING", 0, List.of("m", "d"), 2, RANGES);
        assertEquals(List.of("d", "m"), device.domain());
        int limit = RANGES.maxDomain();
        assertTrue(!SchemaRules.text("id", "STRING", 0, List.of("a"), limit + 1, RANGES)
                .hasDomain());
    }

    @Test
    void aBatchsMeasurementsGiveEachKindOfAnomaly() {
        Schema schema = new Schema(
                "march",
                List.of(
                        SchemaRules.text("device", "STRING", 0, List.of("d", "m"), 2, RANGES),
                        SchemaRules.number("bid", "DOUBLE", 0, 10, 40, RANGES),
                        SchemaRules.number("gone", "DOUBLE", 0, 0, 1, RANGES)),
                RANGES);
        Map<String, Long> unseen = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            unseen.put("v" + i, 12L - i);
        }
        Map<String, SchemaRules.BatchColumn> batch = new LinkedHashMap<>();
        batch.put(
                "device", new SchemaRules.BatchColumn("STRING", false, 100, 78, 12, unseen, 0, Double.NaN, Double.NaN));
        batch.put("bid", new SchemaRules.BatchColumn("INTEGER", true, 50, 0, 0, Map.of(), 5, 2, 90));
        batch.put("extra", SchemaRules.BatchColumn.typed("STRING", false));
        SchemaReport r = SchemaRules.validate(schema, "april", 100, batch);
        assertEquals(
                "not in the schema of 'march' (type STRING)",
                r.anomalies(SchemaAnomaly.Kind.NEW_COLUMN).get(0).detail());
        assertEquals(
                "expected DOUBLE, absent from 'april'",
                r.anomalies(SchemaAnomaly.Kind.MISSING_COLUMN).get(0).detail());
        assertEquals(
                "was DOUBLE, now INTEGER",
                r.anomalies(SchemaAnomaly.Kind.TYPE_CHANGED).get(0).detail());
        SchemaAnomaly missing = r.anomalies(SchemaAnomaly.Kind.MISSING_RATE).get(0);
        assertEquals("bid", missing.column());
        assertEquals(0.5, missing.share());
        SchemaAnomaly outside =
                r.anomalies(SchemaAnomaly.Kind.UNSEEN_CATEGORIES).get(0);
        assertEquals(0.78, outside.share());
        assertEquals(SchemaRules.EXAMPLES, outside.values().size());
        assertEquals("v0 (12)", outside.values().get(0));
        assertTrue(outside.detail().startsWith("12 values outside the domain of 2 (78.00% of 100 rows): v0 (12)"));
        SchemaAnomaly range = r.anomalies(SchemaAnomaly.Kind.OUT_OF_RANGE).get(0);
        assertEquals(0.1, range.share());
        String lo = Html.format(10.0), hi = Html.format(40.0), a = Html.format(2.0), b = Html.format(90.0);
        assertEquals(
                "5 values (10.00%) outside [" + lo + ", " + hi + "]; outliers span [" + a + ", " + b + "]",
                range.detail());
        assertEquals(List.of(a, b), range.values());
    }

    @Test
    void aTablesValidationIsTheRulesOnItsCounts() {
        Table ref = Table.create(
                "march", StringColumn.create("device", "m", "d", "m"), DoubleColumn.create("bid", 10, 20, 30));
        Table cur = Table.create(
                "april", StringColumn.create("device", "m", "t", "t", ""), DoubleColumn.create("bid", 5, 20, 35, 25));
        Schema schema = Schema.infer(ref, RANGES);
        Map<String, SchemaRules.BatchColumn> batch = new LinkedHashMap<>();
        batch.put(
                "device",
                new SchemaRules.BatchColumn("STRING", false, 3, 2, 1, Map.of("t", 2L), 0, Double.NaN, Double.NaN));
        batch.put("bid", new SchemaRules.BatchColumn("DOUBLE", true, 4, 0, 0, Map.of(), 2, 5, 35));
        assertEquals(SchemaRules.validate(schema, "april", 4, batch), schema.validate(cur));
    }
}
