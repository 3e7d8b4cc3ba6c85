package org.mlcycle.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlcycle.toolkit.journal.ExerciseResult;
import org.mlcycle.toolkit.journal.Journal;
import org.mlcycle.toolkit.exercises.ExerciseProgress;
import org.mlcycle.toolkit.exercises.Exercises;

class ExerciseProgressTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("progress counts attempts, hints and reveals per exercise, and lists the untried ones of a started lesson")
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

        List<String> lines = progress.rows().stream().map(r -> r.lesson() + " " + r.exercise() + " " + r.status()
                + " " + r.attempts() + "/" + r.hints() + (r.revealed() ? " revealed" : "")).toList();
        assertEquals(List.of(
                "05-wrong-labels lesson05-kappa not yet 1/1",
                "05-wrong-labels lesson05-remedy not tried 0/0",
                "practice practice-ctr passed 3/2",
                "practice practice-median-bid not tried 0/0",
                "practice practice-why-ctr answer read 0/0 revealed"), lines);
        assertTrue(progress.toText().startsWith("progress: 1 of 5 exercises passed, 4 attempts, 3 hints, 1 model answers read"),
                progress.toText());
    }
}
