package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.magics.DataEngines.Held;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.journal.DatasetVersion;
import org.mlcycle.toolkit.journal.Fingerprint;
import org.mlcycle.toolkit.quality.CheckReport;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.quality.ProfileOptions;
import org.mlcycle.toolkit.quality.ProfileReport;
import org.mlcycle.toolkit.quality.Schema;
import org.mlcycle.toolkit.quality.SchemaOptions;
import org.mlcycle.toolkit.quality.SchemaReport;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The seam another kind of table plugs into: a {@link DataEngine} for a wrapper type the magics have
 * never heard of, and the quality, drift and snapshot magics take it as they take a table.
 */
class DataEngineTest {
    /** A kind of table the magics do not know: a table behind another type. */
    record Frame(Table rows) {}

    /** Delegates to the toolkit on the wrapped table, renamed as the variable: what an engine must do. */
    static final class FrameEngine implements DataEngine {
        @Override
        public boolean accepts(Object data) {
            return data instanceof Frame;
        }

        @Override
        public String describe() {
            return "a Frame";
        }

        private static Table t(Object data, String name) {
            return ((Frame) data).rows().copy().setName(name);
        }

        @Override
        public List<String> columns(Object data) {
            return ((Frame) data).rows().columnNames();
        }

        @Override
        public ProfileReport profile(Object data, String name, ProfileOptions options) {
            return Profile.of(t(data, name), options);
        }

        @Override
        public Checks parseChecks(String checksName, String spec, Object data, String name) {
            return Checks.parse(checksName, spec, t(data, name));
        }

        @Override
        public CheckReport check(Checks checks, Object data, String name) {
            return checks.run(t(data, name));
        }

        @Override
        public Schema inferSchema(Object data, String name, SchemaOptions options) {
            return Schema.infer(t(data, name), options);
        }

        @Override
        public SchemaReport validate(Schema schema, Object data, String name) {
            return schema.validate(t(data, name));
        }

        @Override
        public DriftReport drift(DriftRequest r) {
            return Drift.between(t(r.reference(), r.referenceName()), t(r.current(), r.currentName()), r.options());
        }

        @Override
        public Fingerprint fingerprint(Object data, String name) {
            return Fingerprint.of(t(data, name));
        }
    }

    private static Table ads(String name, double shift, String... devices) {
        double[] bid = new double[devices.length];
        for (int i = 0; i < bid.length; i++) bid[i] = i + shift;
        return Table.create(name, StringColumn.create("device", devices), DoubleColumn.create("bid", bid));
    }

    private final FrameEngine engine = new FrameEngine();
    private final VariablesKernel kernel = VariablesKernel.mlcycle();

    {
        DataEngines.add(engine);
    }

    @AfterEach
    void removeEngine() {
        DataEngines.remove(engine);
    }

    @Test
    @DisplayName("%profile, %%checks and %schema take the other kind, named by its variable")
    void qualityMagics() throws Exception {
        String[] devices = {"mobile", "desktop", "mobile", "tablet", "tv"};
        kernel.with("frame", new Frame(ads("x", 0, devices))).with("table", ads("table", 0, devices));

        ProfileReport p = assertInstanceOf(ProfileReport.class, kernel.line("profile", "frame", "--ignore", "bid"));
        assertEquals("frame", p.table());
        assertEquals(List.of("device"), p.columns().stream().map(c -> c.name()).toList());

        CheckReport c =
                assertInstanceOf(CheckReport.class, kernel.cell("checks", "bid <= 3\ndevice not null", "frame"));
        assertEquals("frame", c.table());
        assertFalse(c.passed());
        assertEquals(1, c.results().get(0).failed());
        var bad = assertThrows(IllegalArgumentException.class, () -> kernel.cell("checks", "price >= 0", "frame"));
        var onTable = assertThrows(IllegalArgumentException.class, () -> kernel.cell("checks", "price >= 0", "table"));
        assertEquals(onTable.getMessage().replace("'table'", "'frame'"), bad.getMessage());

        Schema s = assertInstanceOf(Schema.class, kernel.line("schema", "frame"));
        kernel.with("s", s).with("batch", new Frame(ads("y", 0, "mobile", "phone")));
        SchemaReport r = assertInstanceOf(SchemaReport.class, kernel.line("schema", "s", "batch"));
        assertFalse(r.valid());
        assertTrue(r.toText().contains("phone"), r.toText());
    }

    @Test
    @DisplayName("%drift compares two of the other kind, refuses to mix kinds, and --by needs tables")
    void driftMagic() throws Exception {
        String[] devices = new String[40];
        for (int i = 0; i < 40; i++) devices[i] = i % 2 == 0 ? "mobile" : "desktop";
        kernel.with("old", new Frame(ads("a", 0, devices)))
                .with("recent", new Frame(ads("b", 30, devices)))
                .with("table", ads("table", 0, devices));

        DriftReport d = assertInstanceOf(DriftReport.class, kernel.line("drift", "old", "recent", "--columns", "bid"));
        assertEquals(List.of("bid"), d.columns().stream().map(c -> c.name()).toList());
        assertTrue(d.column("bid").drifted());

        var mixed = assertThrows(IllegalArgumentException.class, () -> kernel.line("drift", "table", "recent"));
        assertTrue(mixed.getMessage().contains("'table' is a Tablesaw Table and 'recent' a Frame"), mixed.getMessage());
        var missing = assertThrows(
                IllegalArgumentException.class, () -> kernel.line("drift", "old", "recent", "--columns", "price"));
        assertTrue(
                missing.getMessage().contains("no column 'price' in table 'old' (has: device, bid)"),
                missing.getMessage());
        var windows = assertThrows(
                IllegalArgumentException.class, () -> kernel.line("drift", "old", "recent", "--by", "bid"));
        assertTrue(windows.getMessage().contains("window by window is not available on a Frame"), windows.getMessage());
    }

    @Test
    @DisplayName("a value of no known kind names every kind the magic takes")
    void unknownKind() {
        kernel.with("text", "hello");
        var e = assertThrows(IllegalArgumentException.class, () -> kernel.line("profile", "text"));
        assertTrue(e.getMessage().contains("'text' is String, not a Tablesaw Table or a Frame"), e.getMessage());
    }

    @Test
    @DisplayName("%snapshot of the other kind records its fingerprint: the table's hash and shape, no rows")
    void snapshot(@TempDir Path dir) throws Exception {
        JournalMagicsTest.Cells cells = new JournalMagicsTest.Cells();
        JournalMagics magics = new JournalMagics(() -> dir.resolve("journal.sqlite"));
        var registry = new org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry();
        JournalMagics.register(new MagicSet(registry, java.util.Optional.empty(), k -> cells), magics);
        try {
            Table rows = ads("ads", 0, "mobile", "desktop", "tv");
            cells.variables.put("frame", new Frame(rows));
            cells.variables.put("ads", rows);
            registry.evalLineMagic(null, "snapshot", List.of("frame", "as", "log"));
            registry.evalLineMagic(null, "snapshot", List.of("ads"));
            DatasetVersion fromFrame = magics.journal().dataset("log@1").orElseThrow();
            DatasetVersion fromTable = magics.journal().dataset("ads@1").orElseThrow();
            assertEquals(fromTable.hash(), fromFrame.hash());
            assertEquals(3, fromFrame.rows());
            assertEquals(fromTable.schema(), fromFrame.schema());
            var e = assertThrows(RuntimeException.class, () -> magics.journal().restore("log@1"));
            assertTrue(e.getMessage().contains("recorded without its rows"), e.getMessage());
        } finally {
            magics.close();
        }
    }

    @Test
    @DisplayName("a Table is held under its own name, another kind under its variable's")
    void names() {
        assertEquals("ads", new Held("v", ads("ads", 0, "a"), DataEngines.TABLES).name());
        assertEquals("v", new Held("v", new Frame(ads("ads", 0, "a")), engine).name());
    }
}
