package org.mlcycle.toolkit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseMigrationTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("exercise results written before lessons and kinds existed read back as checks without a lesson")
    void olderResultsBecomeChecks() throws Exception {
        Path file = dir.resolve("old.sqlite");
        Journal.open(file, JournalOptions.defaults(), Migration.ALL.subList(0, 2))
                .close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) { // the row as the schema-2 code wrote it
            s.execute(
                    "INSERT INTO exercise_results(exercise, passed, score, detail, at) VALUES ('q1', 1, 1, 'done', 0)");
        }
        try (Journal now = Journal.open(file)) {
            now.exercise("q2", "practice", ExerciseResult.REVEAL, false, Double.NaN, "shown");
            List<ExerciseResult> results = now.exercises();

            assertEquals(ExerciseResult.CHECK, results.get(0).kind());
            assertNull(results.get(0).lesson());
            assertEquals("practice", results.get(1).lesson());
            assertEquals(ExerciseResult.REVEAL, results.get(1).kind());
            assertEquals(
                    "q2: model answer read", now.timeline(1).events().get(0).summary());
        }
    }

    @Test
    @DisplayName("an unknown kind is refused before anything is written")
    void unknownKind() {
        try (Journal journal = Journal.open(dir.resolve("j.sqlite"))) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> journal.exercise("q1", null, "peek", false, 0, ""));
            assertEquals("exercise: the kind is 'peek', not 'check' or 'reveal'", e.getMessage());
            assertEquals(0, journal.exercises().size());
        }
    }
}
