package org.mlcycle.toolkit.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SchemaTest {

    private static Table reference() {
        return Table.create(
                "march",
                StringColumn.create("device", "mobile", "desktop", "mobile", "tablet"),
                DoubleColumn.create("bid", 10, 20, 30, 40),
                StringColumn.create("country", "US", "", "GB", "NA"));
    }

    @Test
    void infersTypesMissingSharesAndSortedDomains() {
        Schema s = Schema.infer(reference());
        assertEquals(List.of("desktop", "mobile", "tablet"), s.column("device").domain());
        assertEquals(List.of("GB", "NA", "US"), s.column("country").domain());
        assertEquals(0.25, s.column("country").missingShare());
        assertEquals("DOUBLE", s.column("bid").type());
        assertFalse(s.column("bid").hasRange(), "ranges are opt-in, as in TFDV");
        assertEquals(
                40.0,
                Schema.infer(reference(), SchemaOptions.defaults().withRanges())
                        .column("bid")
                        .max());
    }

    @Test
    void aColumnWithMoreValuesThanTheDomainLimitGetsNoDomain() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add("id" + i);
        }
        Schema s = Schema.infer(Table.create("t", StringColumn.create("user", ids)));
        assertFalse(s.column("user").hasDomain());
    }

    @Test
    void aBatchLikeTheReferenceIsValid() {
        SchemaReport r = Schema.infer(reference()).validate(reference());
        assertTrue(r.valid());
        assertTrue(r.toText().startsWith("schema 'march' vs batch 'march' (4 rows): VALID, 0 anomalies"));
    }

    @Test
    void reportsNewMissingAndRetypedColumns() {
        Table batch = Table.create(
                "april",
                IntColumn.create("device", 1, 2),
                DoubleColumn.create("bid", 10, 20),
                StringColumn.create("browser", "chrome", "safari"));
        SchemaReport r = Schema.infer(reference()).validate(batch);
        assertEquals(
                List.of("browser"),
                r.anomalies(SchemaAnomaly.Kind.NEW_COLUMN).stream()
                        .map(SchemaAnomaly::column)
                        .toList());
        assertEquals(
                List.of("country"),
                r.anomalies(SchemaAnomaly.Kind.MISSING_COLUMN).stream()
                        .map(SchemaAnomaly::column)
                        .toList());
        assertEquals(
                "was STRING, now INTEGER",
                r.anomalies(SchemaAnomaly.Kind.TYPE_CHANGED).get(0).detail());
    }

    @Test
    void unseenCategoriesComeWithTheirShareAndCounts() {
        Table batch = Table.create(
                "april",
                StringColumn.create("device", "mobile", "watch", "watch", "tv", "", "desktop"),
                DoubleColumn.create("bid", 1, 2, 3, 4, 5, 6),
                StringColumn.create("country", "US", "US", "US", "US", "US", "US"));
        SchemaAnomaly a = Schema.infer(reference())
                .validate(batch)
                .anomalies(SchemaAnomaly.Kind.UNSEEN_CATEGORIES)
                .get(0);
        assertEquals("device", a.column());
        assertEquals(0.6, a.share(), 1e-12); // 3 of the 5 non-missing values
        assertEquals(List.of("watch (2)", "tv (1)"), a.values());
    }

    @Test
    void outOfRangeValuesAreFlaggedOnlyWhenRangesWereInferred() {
        Table batch = Table.create(
                "april",
                StringColumn.create("device", "mobile", "mobile"),
                DoubleColumn.create("bid", 5, 25),
                StringColumn.create("country", "US", "GB"));
        assertTrue(Schema.infer(reference()).validate(batch).valid());
        SchemaAnomaly a = Schema.infer(reference(), SchemaOptions.defaults().withRanges())
                .validate(batch)
                .anomalies(SchemaAnomaly.Kind.OUT_OF_RANGE)
                .get(0);
        assertEquals(0.5, a.share());
        assertTrue(a.detail().startsWith("1 values (50.00%) outside [10.0, 40.0]"), a.detail());
    }

    @Test
    void aRiseInTheMissingRateBeyondTheToleranceIsAnAnomaly() {
        Table batch = Table.create(
                "april",
                StringColumn.create("device", "mobile", "", "", "desktop"),
                DoubleColumn.create("bid", 1, 2, 3, 4),
                StringColumn.create("country", "US", "", "GB", "US"));
        SchemaReport r = Schema.infer(reference()).validate(batch);
        assertEquals(
                List.of("device"),
                r.anomalies(SchemaAnomaly.Kind.MISSING_RATE).stream()
                        .map(SchemaAnomaly::column)
                        .toList());
        assertEquals(0.5, r.anomalies(SchemaAnomaly.Kind.MISSING_RATE).get(0).share());
    }

    @Test
    void anEmptyBatchIsAnAnomalyNotAnException() {
        Table empty = Table.create(
                "none", StringColumn.create("device"), DoubleColumn.create("bid"), StringColumn.create("country"));
        SchemaReport r = Schema.infer(reference()).validate(empty);
        assertEquals(
                List.of(SchemaAnomaly.Kind.EMPTY_BATCH),
                r.anomalies().stream().map(SchemaAnomaly::kind).toList());
    }
}
