package org.mlcycle.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.exercises.Check;
import org.mlcycle.toolkit.exercises.CheckResult;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.Exercises;
import org.mlcycle.toolkit.exercises.MapAnswers;
import org.mlcycle.toolkit.exercises.Variant;
import org.mlcycle.toolkit.exercises.Verdict;

class ExercisesTest {
    /** The course's notebooks, from this module's folder (kernel-ext/course). */
    private static final Path LESSONS = Path.of("../../lessons");

    @Test
    @DisplayName("every lesson notebook has checked exercises of its own, each with a point; lesson 13 adds questions")
    void everyLessonHasExercises() throws IOException {
        Exercises all = Exercises.loaded();
        List<String> notebooks;
        try (Stream<Path> files = Files.list(LESSONS)) {
            notebooks = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d\\d-.*\\.ipynb"))
                    .map(n -> n.substring(0, n.length() - ".ipynb".length()))
                    .sorted()
                    .toList();
        }
        assertTrue(notebooks.size() >= 13, "lessons found in " + LESSONS.toAbsolutePath() + ": " + notebooks);
        for (String lesson : notebooks) {
            List<Exercise> found = all.all().stream()
                    .filter(e -> e.lesson().equals(lesson) && !e.isQuestion())
                    .toList();
            assertFalse(found.isEmpty(), "no checked exercise for lessons/" + lesson + ".ipynb");
            for (Exercise e : found) {
                assertTrue(e.points() >= 1.0, e.id());
                assertTrue(e.id().startsWith("lesson" + lesson.substring(0, 2) + "-"), e.id());
            }
        }
        List<Exercise> questions = all.all().stream()
                .filter(e -> e.lesson().startsWith("13-") && e.isQuestion())
                .toList();
        assertEquals(6, questions.size(), "the interview walkthrough's questions: " + questions);
        questions.forEach(q -> assertTrue(q.modelAnswer().length() > 200, q.id()));
    }

    @Test
    @DisplayName("an unknown id is named with the ids that share its prefix")
    void unknownId() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Exercises.loaded().get("lesson05-kapa"));
        assertEquals(
                "no exercise 'lesson05-kapa' (did you mean lesson05-kappa, lesson05-remedy, lesson05-slice-kappa?)",
                e.getMessage());
    }

    @Test
    @DisplayName("two exercises with one id are refused, naming the id and both lessons")
    void duplicateIds() {
        Check pass = a -> Verdict.pass("ok");
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Exercises.of(
                        List.of(Exercise.of("q1", "a", "t", 1, pass, "x"), Exercise.of("q1", "b", "t", 1, pass, "y"))));
        assertEquals("exercises: two exercises have the id 'q1' (lessons a and b)", e.getMessage());
    }

    @Test
    @DisplayName("ids follow nbgrader's grade_id rule")
    void idRule() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Exercise.question("q 1", "a", "t", "x"));
        assertTrue(e.getMessage().contains("grade_id"), e.getMessage());
    }

    @Test
    @DisplayName("a check that throws on an odd answer gives a hint instead of failing")
    void checkThatThrows() {
        Exercise e = Exercise.of(
                "q",
                "l",
                "t",
                1,
                a -> {
                    throw new IndexOutOfBoundsException("Index 3 out of bounds for length 2");
                },
                "x");
        CheckResult r = e.check(new MapAnswers(1));
        assertEquals(0.0, r.score());
        assertTrue(r.message().contains("(Index 3 out of bounds for length 2)"), r.message());
        assertTrue(!r.message().contains("Exception"), "a learner reads the hint: no class names in it");
    }

    @Test
    @DisplayName("a student id gives the same seed every time, and different ids give different seeds")
    void variantSeeds() {
        assertEquals(Variant.seed("s001"), Variant.seed(" s001 "));
        assertNotEquals(Variant.seed("s001"), Variant.seed("s002"));
        assertEquals(Variant.DEFAULT, Variant.seed("default"));
        assertThrows(IllegalArgumentException.class, () -> Variant.seed(" "));
    }
}
