package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.course.practice.PracticeData;
import org.mlcycle.toolkit.exercises.Variant;
import org.mlcycle.toolkit.journal.ExerciseResult;
import org.mlcycle.toolkit.journal.Journal;
import tech.tablesaw.api.Table;

class ExerciseMagicsTest {
    @TempDir
    Path dir;

    private final JournalMagicsTest.Cells cells = new JournalMagicsTest.Cells();
    private final MagicsRegistry registry = new MagicsRegistry();
    private JournalMagics journal;

    private ExerciseMagics magics;

    private void setUp() {
        journal = new JournalMagics(() -> dir.resolve("journal.sqlite"));
        magics = new ExerciseMagics(journal);
        ExerciseMagics.register(new MagicSet(registry, java.util.Optional.empty(), kernel -> cells), magics);
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
    @DisplayName(
            "%check shows a hint box and marks the cell failed on stderr, then shows Correct; the journal holds both")
    void checkRecordsAttempts() throws Exception {
        setUp();
        Table ads = PracticeData.ads(Variant.DEFAULT);
        magics.cells().record("double ctr = 0;\nctr = ads.intColumn(\"clicks\").sum() / 0 + 0;\nctr");
        cells.variables.put("ctr", 0.0);

        line("check", "practice-ctr");
        assertTrue(
                cells.lastText().startsWith("Hint (practice-ctr, attempt 1): ctr is 0: an integer division?"),
                cells.lastText());
        String html = (String) cells.shown.get(cells.shown.size() - 1).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<b>Hint</b>") && html.contains("attempt 1"), html);
        assertEquals(List.of("practice-ctr: not passed yet (attempt 1)"), cells.stderr);
        assertEquals(
                Map.of(
                        "check",
                        Map.of(
                                "exercise",
                                "practice-ctr",
                                "kind",
                                "hint",
                                "attempt",
                                1,
                                "message",
                                "ctr is 0: an integer division? Divide two doubles (sum() returns a double).")),
                cells.metadata.get(0));

        line("check", "practice-ctr");
        assertTrue(cells.lastText().startsWith("Hint (practice-ctr, attempt 2): "), cells.lastText());

        cells.variables.put(
                "ctr",
                ads.intColumn("clicks").sum() / ads.intColumn("impressions").sum());
        line("check", "practice-ctr");
        assertTrue(cells.lastText().startsWith("Correct: the day's CTR is "), cells.lastText());
        assertEquals(2, cells.stderr.size(), "a pass writes nothing to stderr");

        journal.close();
        try (Journal j = Journal.open(dir.resolve("journal.sqlite"))) {
            List<ExerciseResult> results = j.exercises();
            assertEquals(
                    List.of(false, false, true),
                    results.stream().map(ExerciseResult::passed).toList());
            assertEquals("practice", results.get(2).lesson());
            assertEquals(2.0, results.get(2).score());
        }
    }

    @Test
    @DisplayName(
            "%check on an answer cell left as the template, or never run, says 'no answer yet' and counts no attempt")
    void blankAnswerIsNoAnswerYet() throws Exception {
        setUp();
        line("check", "practice-ctr");
        assertEquals(
                "No answer yet (practice-ctr): 'ctr' is not defined yet: write your answer where the cell above"
                        + " says // YOUR CODE HERE, run that cell, then run this check again.",
                cells.lastText());
        assertEquals(List.of("practice-ctr: no answer yet"), cells.stderr);

        magics.cells().record("double ctr = 0;\n// YOUR CODE HERE\nctr");
        magics.cells().record("%check practice-ctr");
        cells.variables.put("ctr", 0.0);
        line("check", "practice-ctr");
        assertTrue(cells.lastText().startsWith("No answer yet (practice-ctr): write your answer"), cells.lastText());
        String html = (String) cells.shown.get(cells.shown.size() - 1).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<b>No answer yet</b>") && !html.contains("integer division"), html);

        // the same 0 from code the student wrote is a wrong answer, with its hint
        magics.cells().record("// YOUR CODE HERE\nctr = ads.intColumn(\"clicks\").sum() / 100000;");
        line("check", "practice-ctr");
        assertTrue(
                cells.lastText().startsWith("Hint (practice-ctr, attempt 1): ctr is 0: an integer division?"),
                cells.lastText());

        journal.close();
        try (Journal j = Journal.open(dir.resolve("journal.sqlite"))) {
            assertEquals(1, j.exercises().size(), "only the written answer is an attempt");
        }
    }

    @Test
    @DisplayName("%reveal shows the model answer and %progress counts it; misuse says how to call them")
    void revealAndProgress() throws Exception {
        setUp();
        line("reveal", "practice-why-ctr");
        assertTrue(cells.lastText().startsWith("model answer to practice-why-ctr"), cells.lastText());

        line("progress");
        assertTrue(
                cells.lastText()
                        .startsWith("progress: 0 of 3 exercises passed, 0 attempts, 0 hints, 1 model answers read"),
                cells.lastText());

        IllegalArgumentException usage = assertThrows(IllegalArgumentException.class, () -> line("check"));
        assertEquals("missing ID; usage: " + ExerciseMagics.CHECK_USAGE, usage.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> line("progress", "now"));
        assertTrue(
                unknown.getMessage().startsWith("progress: no lesson 'now'; lessons with exercises: "),
                unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> line("progress", "practice", "now"));

        line("progress", "practice");
        assertTrue(
                cells.lastText().startsWith("progress: 0 of 3 exercises passed")
                        && cells.lastText().contains("practice-ctr"),
                cells.lastText());
    }
}
