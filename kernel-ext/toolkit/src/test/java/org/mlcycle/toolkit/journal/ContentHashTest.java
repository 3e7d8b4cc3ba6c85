package org.mlcycle.toolkit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class ContentHashTest {

    private static Table fromCsv(String csv) {
        return Table.read()
                .usingOptions(CsvReadOptions.builder(new StringReader(csv)).tableName("from csv"));
    }

    private static Table fromCode() {
        return Table.create(
                "built in code",
                StringColumn.create("query", "shoes", "hat", "scarf"),
                IntColumn.create("clicks", 3, 0, 7),
                DoubleColumn.create("bid", 0.5, 1.25, 2.0));
    }

    @Test
    @DisplayName("the same rows read from CSV and built in code, in another row and column order, hash the same")
    void sameDataBuiltTwoWays() {
        Table csv = fromCsv("bid,query,clicks\n2.0,scarf,7\n0.5,shoes,3\n1.25,hat,0\n");

        assertEquals(ContentHash.of(fromCode()), ContentHash.of(csv));
    }

    @Test
    @DisplayName("a whole number hashes the same in an integer and in a double column")
    void integerEqualsDouble() {
        Table ints = Table.create("a", IntColumn.create("n", 1, 2, 3));
        Table doubles = Table.create("b", DoubleColumn.create("n", 1.0, 2.0, 3.0));

        assertEquals(ContentHash.of(ints), ContentHash.of(doubles));
    }

    @Test
    @DisplayName("one changed value, a renamed column, a dropped row or a duplicated row changes the hash")
    void changesChangeTheHash() {
        String base = ContentHash.of(fromCode());

        Table changed = fromCode();
        changed.intColumn("clicks").set(1, 1);
        Table renamed = fromCode();
        renamed.column("bid").setName("price");
        Table dropped = fromCode().dropRows(2);
        Table duplicated = fromCode().append(fromCode().first(1));

        assertNotEquals(base, ContentHash.of(changed));
        assertNotEquals(base, ContentHash.of(renamed));
        assertNotEquals(base, ContentHash.of(dropped));
        assertNotEquals(base, ContentHash.of(duplicated));
    }

    @Test
    @DisplayName("a missing value differs from zero, and the text 1 differs from the number 1")
    void missingAndTextAreDistinct() {
        DoubleColumn withMissing = DoubleColumn.create("x", 1.0, Double.NaN);
        DoubleColumn withZero = DoubleColumn.create("x", 1.0, 0.0);
        Table text = Table.create("t", StringColumn.create("x", "1"));
        Table number = Table.create("t", IntColumn.create("x", 1));

        assertNotEquals(ContentHash.of(Table.create("t", withMissing)), ContentHash.of(Table.create("t", withZero)));
        assertNotEquals(ContentHash.of(text), ContentHash.of(number));
    }

    @Test
    @DisplayName("the hash is 64 hex digits and a null table is refused in one line")
    void formatAndNull() {
        assertEquals(64, ContentHash.of(fromCode()).length());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContentHash.of(null));
        assertEquals("content hash: the table is null", e.getMessage());
    }

    @Test
    @DisplayName("row digests of plain values, combined in the stated order, give the table's hash")
    void rowsFromValues() {
        Table t = Table.create(
                "mixed",
                StringColumn.create("query", "shoes", "", "scarf"),
                IntColumn.create("clicks", 3, 0, 7),
                DoubleColumn.create("bid", 0.5, Double.NaN, 2.0),
                tech.tablesaw.api.DateColumn.create(
                        "day", java.time.LocalDate.of(2024, 3, 1), null, java.time.LocalDate.of(2024, 3, 3)),
                tech.tablesaw.api.BooleanColumn.create("shown", true, false, true));
        // sorted names: bid, clicks, day, query, shown
        java.util.List<byte[]> rows = new java.util.ArrayList<>(java.util.List.of(
                ContentHash.row(new Object[] {0.5, 3, java.time.LocalDate.of(2024, 3, 1), "shoes", true}),
                ContentHash.row(new Object[] {null, 0, null, null, false}),
                ContentHash.row(new Object[] {2.0, 7L, java.time.LocalDate.of(2024, 3, 3), "scarf", true})));
        rows.sort(ContentHash.ROW_ORDER);
        assertEquals(ContentHash.of(t), ContentHash.combine(t.columnNames(), 3, rows.iterator()));
        assertThrows(IllegalArgumentException.class, () -> ContentHash.combine(t.columnNames(), 4, rows.iterator()));
        assertEquals(ContentHash.of(t), Fingerprint.of(t).hash());
        assertEquals(
                java.util.List.of("query:string", "clicks:integer", "bid:double", "day:local_date", "shown:boolean"),
                Fingerprint.of(t).schema());
    }
}
