package org.mlcycle.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.exercises.ExerciseProgress;
import org.mlcycle.toolkit.exercises.Exercises;
import org.mlcycle.toolkit.journal.ExerciseResult;
import org.mlcycle.toolkit.journal.Journal;

class ExerciseProgressTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName(
            "progress counts attempts, hints and reveals per exercise, and lists the untried ones of a started lesson")
    void fromAJournalFile() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.exercise("practice-ctr", "practice", ExerciseResult.CHECK, false, 0, "averaged rows");
            journal.exercise("practice-ctr", "practice", ExerciseResult.CHECK, false, 0, "divided by rows");
            journal.exercise("practice-ctr", "practice", ExerciseResult.CHECK, true, 2, "the day's CTR");
            journal.exercise("practice-why-ctr", "practice", ExerciseResult.REVEAL, false, Double.NaN, "shown");
            journal.exercise("lesson05-kappa", "05-wrong-labels", ExerciseResult.CHECK, false, 0, "p_o");
        }
        List<ExerciseResult> results;
        try (Journal reopened = Journal.open(dir.resolve("j.sqlite"))) {
            results = reopened.exercises();
        }
        assertEquals("practice", results.get(0).lesson());
        assertEquals(ExerciseResult.REVEAL, results.get(3).kind());

        ExerciseProgress progress = ExerciseProgress.of(results, Exercises.loaded());

        List<String> lines = progress.rows().stream()
                .map(r -> r.lesson() + " " + r.exercise() + " " + r.status() + " " + r.attempts() + "/" + r.hints()
                        + (r.revealed() ? " revealed" : ""))
                .toList();
        assertEquals(
                List.of(
                        "05-wrong-labels lesson05-kappa not yet 1/1",
                        "05-wrong-labels lesson05-remedy not tried 0/0",
                        "05-wrong-labels lesson05-slice-kappa not tried 0/0",
                        "practice practice-ctr passed 3/2",
                        "practice practice-median-bid not tried 0/0",
                        "practice practice-why-ctr answer read 0/0 revealed"),
                lines);
        assertTrue(
                progress.toText()
                        .startsWith("progress: 1 of 6 exercises passed, 4 attempts, 3 hints, 1 model answers read"),
                progress.toText());
    }

    @Test
    @DisplayName("progress says how each passed exercise was solved: unaided, with hints, or after the answer was read")
    void howEachWasSolved() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            journal.exercise("lesson14-peak-qps", null, ExerciseResult.CHECK, true, 1, "right");
            journal.exercise("lesson14-window", null, ExerciseResult.CHECK, false, 0, "95%");
            journal.exercise("lesson14-window", null, ExerciseResult.CHECK, true, 1, "right");
            journal.exercise("lesson14-ne", null, ExerciseResult.REVEAL, false, Double.NaN, "shown");
            journal.exercise("lesson14-ne", null, ExerciseResult.CHECK, true, 1, "right");
            journal.exercise("lesson14-hash-bits", null, ExerciseResult.CHECK, true, 1, "right");
            journal.exercise("lesson14-hash-bits", null, ExerciseResult.REVEAL, false, Double.NaN, "read after");
            journal.exercise("lesson14-recalibrate", null, ExerciseResult.CHECK, false, 0, "p*w");
            journal.exercise("practice-ctr", "practice", ExerciseResult.CHECK, true, 2, "right");
            List<ExerciseResult> results = journal.exercises();

            ExerciseProgress lesson = ExerciseProgress.of(results, Exercises.loaded(), "14");

            java.util.Map<String, String> how = new java.util.LinkedHashMap<>();
            lesson.rows().forEach(r -> how.put(r.exercise(), r.status() + "/" + r.how()));
            assertEquals("passed/unaided", how.get("lesson14-peak-qps"));
            assertEquals("passed/with hints", how.get("lesson14-window"));
            assertEquals("passed/after the answer", how.get("lesson14-ne"));
            assertEquals(
                    "passed/unaided", how.get("lesson14-hash-bits"), "a reveal after the pass does not change how");
            assertEquals("not yet/", how.get("lesson14-recalibrate"));
            assertEquals("not tried/", how.get("lesson14-ab-days"));
            assertEquals("not tried/", how.get("lesson14-q-clarify"));
            assertTrue(
                    lesson.rows().stream().allMatch(r -> r.lesson().equals("14-design-ad-click-prediction")),
                    "only the lesson asked for");
            assertTrue(
                    lesson.toText()
                            .lines()
                            .anyMatch(l -> l.strip().startsWith("lesson14-window ")
                                    && l.contains(" passed ")
                                    && l.contains(" with hints ")),
                    lesson.toText());
            assertTrue(
                    lesson.toHtml().contains("<th>how</th>") || lesson.toHtml().contains(">how<"), lesson.toHtml());

            ExerciseProgress untouched = ExerciseProgress.of(results, Exercises.loaded(), "05-wrong-labels");
            assertTrue(untouched.rows().size() >= 1
                    && untouched.rows().stream().allMatch(r -> r.status().equals("not tried")));
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> ExerciseProgress.of(results, Exercises.loaded(), "99"));
            assertTrue(e.getMessage().startsWith("progress: no lesson '99'; lessons with exercises: "), e.getMessage());
        }
    }
}
