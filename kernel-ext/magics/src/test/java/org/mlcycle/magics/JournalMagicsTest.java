package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.journal.Journal;
import org.mlcycle.toolkit.journal.RunEntry;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class JournalMagicsTest {
    @TempDir
    Path dir;

    /**
     * A notebook's variables and cell output, held in memory, behaving as stock JJava does (magic
     * values are displayed); rendering goes through jjava's real Renderer.
     */
    static final class Cells implements Notebook {
        final Map<String, Object> variables = new HashMap<>();
        final List<DisplayData> shown = new ArrayList<>();
        final List<String> ran = new ArrayList<>();
        final Renderer renderer = new Renderer();

        Cells() {
            MlcycleExtension.renderers(renderer);
        }

        @Override
        public Object variable(String name) {
            if (!variables.containsKey(name)) {
                throw new IllegalArgumentException("cannot find symbol: variable " + name);
            }
            return variables.get(name);
        }

        /** Runs nothing: records the code, and fails when it says {@code throw}, as a failing cell would. */
        @Override
        public Object run(String code) {
            ran.add(code);
            if (code.contains("throw")) {
                throw new IllegalStateException("the cell threw");
            }
            return null;
        }

        @Override
        public void define(String name, Class<?> type, Object value) {
            variables.put(name, type.cast(value));
        }

        @Override
        public void show(Object value) {
            shown.add(renderer.render(value));
        }

        @Override
        public Object result(Object value) {
            show(value);
            return null;
        }

        /** What {@link #markFailed} wrote to stderr, one entry a line. */
        final List<String> stderr = new ArrayList<>();

        final List<Map<String, Object>> metadata = new ArrayList<>();

        @Override
        public void show(Object value, Map<String, Object> meta) {
            show(value);
            metadata.add(meta);
        }

        @Override
        public void markFailed(String line) {
            stderr.add(line);
        }

        String lastText() {
            return (String) shown.get(shown.size() - 1).getData(MIMEType.TEXT_PLAIN);
        }
    }

    private final Cells cells = new Cells();
    private final MagicsRegistry registry = new MagicsRegistry();
    private JournalMagics magics;

    private Path journalFile() {
        return dir.resolve(".mlcycle/journal.sqlite");
    }

    private void setUp() {
        magics = new JournalMagics(this::journalFile);
        JournalMagics.register(new MagicSet(registry, java.util.Optional.empty(), kernel -> cells), magics);
    }

    @AfterEach
    void closeJournal() {
        if (magics != null) {
            magics.close();
        }
    }

    private void line(String name, String... args) throws Exception {
        registry.evalLineMagic(null, name, List.of(args));
    }

    @Test
    @DisplayName("%stage records the move and shows the path so far on one line")
    void stage() throws Exception {
        setUp();
        line("stage", "scoping");
        line("stage", "data", "collect", "ads");
        line("stage", "development");
        line("stage", "data", "relabel");

        assertEquals("stage: scoping → data → development ↺ data", cells.lastText());
        magics.close();
        try (Journal journal = Journal.open(journalFile())) {
            assertEquals("collect ads", journal.stageMoves().get(1).note());
        }
    }

    @Test
    @DisplayName("%objective repeated unchanged records nothing; a changed one is a pivot")
    void objectiveRepeated() throws Exception {
        setUp();
        line("objective", "impressions");
        line("objective", "impressions");
        assertEquals(1, magics.journal().objectives().size());
        line("objective", "click-through", "rate");
        assertEquals(2, magics.journal().objectives().size());
        assertEquals(
                "impressions", magics.journal().currentObjective().orElseThrow().previousMetric());
    }

    @Test
    @DisplayName("%stage naming the stage the work is already in records nothing and says so")
    void stageAlreadyThere() throws Exception {
        setUp();
        line("stage", "development", "lesson", "3");
        line("stage", "development", "lesson", "4");

        assertEquals("still in development: development", cells.lastText());
        assertEquals(1, magics.journal().stageMoves().size());
        assertEquals("lesson 3", magics.journal().stageMoves().get(0).note());
    }

    @Test
    @DisplayName("%stage with an unknown stage or no stage says how to use it and records nothing")
    void stageBadInput() throws Exception {
        setUp();
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> line("stage", "training"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> line("stage"));

        assertTrue(unknown.getMessage().startsWith("stage: unknown stage 'training'"), unknown.getMessage());
        assertTrue(none.getMessage().startsWith("missing scoping|data|"), none.getMessage());
        assertTrue(none.getMessage().contains("; usage: %stage scoping|data|"), none.getMessage());
        assertEquals(0, magics.journal().stageMoves().size());
    }

    @Test
    @DisplayName("%snapshot records a table variable as a version, and %restore defines it back")
    void snapshotAndRestore() throws Exception {
        setUp();
        cells.variables.put("ads", Table.create("ads", IntColumn.create("clicks", 1, 2, 3)));

        line("snapshot", "ads");
        cells.variables.put("ads", Table.create("ads", IntColumn.create("clicks", 1, 2, 3, 4)));
        line("snapshot", "ads", "from", "ads@1");
        assertTrue(cells.lastText().startsWith("ads@2 "), cells.lastText());
        assertTrue(cells.lastText().endsWith("4 rows × 1 columns  from ads@1"), cells.lastText());

        line("restore", "ads@1", "as", "first");

        Table first = assertInstanceOf(Table.class, cells.variables.get("first"));
        assertEquals(3, first.rowCount());
        assertEquals("restored ads@1 as first: ads: 3 rows X 1 cols", cells.lastText());
    }

    @Test
    @DisplayName("%snapshot of something that is not a Table names what it is")
    void snapshotNotATable() throws Exception {
        setUp();
        cells.variables.put("n", 42);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> line("snapshot", "n"));

        assertEquals("'n' is a Integer, not a Tablesaw Table", e.getMessage());
    }

    @Test
    @DisplayName("%%objective takes key: value lines, and a second objective shows as a pivot")
    void objectiveCellForm() throws Exception {
        setUp();
        registry.evalCellMagic(
                null,
                "objective",
                List.of(),
                "metric: impressions\nconstraints: p99 latency 50 ms\n" + "stakeholders: ads team");
        line("objective", "click-through", "rate");

        assertEquals("pivot: impressions -> click-through rate", cells.lastText());
        assertEquals("p99 latency 50 ms", magics.journal().objectives().get(0).constraints());
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class,
                () -> registry.evalCellMagic(null, "objective", List.of(), "optimise clicks"));
        assertTrue(bad.getMessage().contains("is not 'key: value'"), bad.getMessage());
    }

    @Test
    @DisplayName("%runs, %lineage and %lifecycle show HTML tables and PNG charts")
    void reports() throws Exception {
        setUp();
        cells.variables.put("ads", Table.create("ads", IntColumn.create("clicks", 1, 2)));
        line("stage", "data");
        line("snapshot", "ads");
        magics.journal()
                .record(RunEntry.named("baseline")
                        .withData("ads@1")
                        .withMetric("auc", 0.7)
                        .withModel("m", "p"));
        line("stage", "development");
        cells.shown.clear();

        line("runs");
        line("lineage", "ads");
        line("lifecycle");

        assertEquals(5, cells.shown.size(), "runs table + chart, lineage, path + loop chart");
        assertTrue(((String) cells.shown.get(0).getData(MIMEType.TEXT_HTML)).contains("<th>auc</th>"));
        assertTrue(cells.shown.get(1).hasDataForType(MIMEType.IMAGE_PNG));
        assertEquals(
                "ads@1 -> run #1 baseline -> model m -> auc=0.7000",
                cells.shown.get(2).getData(MIMEType.TEXT_PLAIN));
        assertTrue(cells.shown.get(4).hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    @DisplayName("%journal --last 2 shows the newest events and %journal export writes the file")
    void journalAndExport() throws Exception {
        setUp();
        line("stage", "scoping");
        line("stage", "data");
        line("stage", "development");

        line("journal", "--last", "2");
        String text = cells.lastText();
        line("journal", "export", dir.resolve("out.csv").toString());

        assertEquals(2, text.split("\n").length, text);
        assertTrue(text.endsWith("stage       development"), text);
        assertTrue(Files.readString(dir.resolve("out.csv")).startsWith("at,kind,summary\n"));
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> line("journal", "--last", "x"));
        assertTrue(
                bad.getMessage().startsWith("--last needs a whole number, not 'x'; usage: %journal "),
                bad.getMessage());
    }

    @Test
    @DisplayName("%track records params, metrics, a changed table as a new version, and the model")
    void trackLineForm() throws Exception {
        setUp();
        cells.variables.put("lr", 0.1);
        cells.variables.put("auc", 0.83);
        cells.variables.put("model", "majority-class baseline");
        cells.variables.put("ads", Table.create("ads", IntColumn.create("clicks", 1, 2)));

        line("track", "baseline", "--params", "lr", "--metrics", "auc", "--data", "ads", "--model", "model");

        var run = magics.journal().runs().get(0);
        assertEquals("finished", run.status());
        assertEquals(Map.of("lr", "0.1"), run.params());
        assertEquals(Map.of("auc", 0.83), run.metrics());
        assertEquals(List.of("ads@1"), run.data());
        assertEquals("majority-class baseline", magics.journal().models().get(0).provenance());
        assertTrue(cells.lastText().startsWith("run #1 baseline (finished"), cells.lastText());
    }

    @Test
    @DisplayName("%%track runs the body first; a body that throws leaves the run marked failed")
    void trackCellForm() throws Exception {
        setUp();
        cells.variables.put("auc", 0.7);

        registry.evalCellMagic(null, "track", List.of("ok", "--metrics", "auc"), "double auc = 0.7;");
        assertThrows(
                IllegalStateException.class,
                () -> registry.evalCellMagic(null, "track", List.of("broken"), "throw new IllegalStateException();"));

        assertEquals(List.of("double auc = 0.7;", "throw new IllegalStateException();"), cells.ran);
        assertEquals(
                List.of("finished", "failed"),
                magics.journal().runs().stream().map(r -> r.status()).toList());
        assertTrue(magics.journal().runs().get(0).duration() != null);
    }

    @Test
    @DisplayName("%track with a metric that is not a number says which and marks the run failed")
    void trackBadMetric() throws Exception {
        setUp();
        cells.variables.put("auc", "high");

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> line("track", "r", "--metrics", "auc"));

        assertEquals("metric 'auc' is a String, not a number", e.getMessage());
        assertEquals("failed", magics.journal().runs().get(0).status());
        IllegalArgumentException usage = assertThrows(IllegalArgumentException.class, () -> line("track", "--metrics"));
        assertTrue(usage.getMessage().startsWith("missing RUN; usage: %track RUN "), usage.getMessage());
    }

    @Test
    @DisplayName("%snapshot and %restore take 'as NAME' as words or as --as, through the one argument parser")
    void snapshotAndRestoreWordsOrOptions() throws Exception {
        setUp();
        cells.variables.put(
                "ads", tech.tablesaw.api.Table.create("ads", tech.tablesaw.api.IntColumn.create("x", 1, 2)));

        line("snapshot", "ads", "as", "ad logs");
        line("snapshot", "ads", "--as", "other");
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> line("snapshot", "ads", "--like", "x"));
        IllegalArgumentException extra =
                assertThrows(IllegalArgumentException.class, () -> line("restore", "ad logs@1", "extra"));

        assertEquals(
                List.of("ad logs", "other"),
                magics.journal().datasets().stream().map(d -> d.name()).sorted().toList());
        assertTrue(
                unknown.getMessage().startsWith("unknown option --like; usage: %snapshot TABLE"), unknown.getMessage());
        assertTrue(extra.getMessage().startsWith("too many arguments; usage: %restore"), extra.getMessage());
    }
}
