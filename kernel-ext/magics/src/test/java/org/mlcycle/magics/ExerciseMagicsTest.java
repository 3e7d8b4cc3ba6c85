package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.exercises.Variant;
import org.mlcycle.toolkit.exercises.practice.PracticeData;
import org.mlcycle.toolkit.journal.ExerciseResult;
import org.mlcycle.toolkit.journal.Journal;
import tech.tablesaw.api.Table;

class ExerciseMagicsTest {
    @TempDir
    Path dir;

    private final JournalMagicsTest.Cells cells = new JournalMagicsTest.Cells();
    private final MagicsRegistry registry = new MagicsRegistry();
    private JournalMagics journal;

    private void setUp() {
        journal = new JournalMagics(() -> dir.resolve("journal.sqlite"));
        ExerciseMagics.register(registry, kernel -> cells, new ExerciseMagics(journal));
    }

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    private void line(String name, String... args) throws Exception {
        registry.evalLineMagic(null, name, List.of(args));
    }

    @Test
    @DisplayName("%check fails with the hint, then shows Correct, and the journal holds both attempts with the lesson")
    void checkRecordsAttempts() throws Exception {
        setUp();
        Table ads = PracticeData.ads(Variant.DEFAULT);
        cells.variables.put("ctr", 0.0);

        ExerciseMagics.NotPassed failed = assertThrows(ExerciseMagics.NotPassed.class, () -> line("check", "practice-ctr"));
        assertTrue(failed.getMessage().startsWith("practice-ctr: ctr is 0: an integer division?"), failed.getMessage());

        cells.variables.put("ctr", ads.intColumn("clicks").sum() / ads.intColumn("impressions").sum());
        line("check", "practice-ctr");
        assertTrue(cells.lastText().startsWith("Correct: the day's CTR is "), cells.lastText());

        journal.close();
        try (Journal j = Journal.open(dir.resolve("journal.sqlite"))) {
            List<ExerciseResult> results = j.exercises();
            assertEquals(List.of(false, true), results.stream().map(ExerciseResult::passed).toList());
            assertEquals("practice", results.get(1).lesson());
            assertEquals(2.0, results.get(1).score());
        }
    }

    @Test
    @DisplayName("%reveal shows the model answer and %progress counts it; misuse says how to call them")
    void revealAndProgress() throws Exception {
        setUp();
        line("reveal", "practice-why-ctr");
        assertTrue(cells.lastText().startsWith("model answer to practice-why-ctr"), cells.lastText());

        line("progress");
        assertTrue(cells.lastText().startsWith("progress: 0 of 3 exercises passed, 0 attempts, 0 hints, 1 model answers read"),
                cells.lastText());

        IllegalArgumentException usage = assertThrows(IllegalArgumentException.class, () -> line("check"));
        assertEquals("missing ID; usage: " + ExerciseMagics.CHECK_USAGE, usage.getMessage());
        assertThrows(IllegalArgumentException.class, () -> line("progress", "now"));
    }
}
