package org.mlcycle.toolkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExercisesTest {

    @Test
    @DisplayName("the classpath holds one checked exercise per lesson, 00 to 12, each with a point; lesson 11 adds questions")
    void oneExercisePerLesson() {
        Exercises all = Exercises.loaded();
        for (int lesson = 0; lesson <= 12; lesson++) {
            String prefix = String.format("%02d-", lesson);
            List<Exercise> found = all.all().stream()
                    .filter(e -> e.lesson().startsWith(prefix) && !e.isQuestion()).toList();
            assertEquals(1, found.size(), "lesson " + prefix + ": " + found);
            assertEquals(1.0, found.get(0).points());
            assertTrue(found.get(0).id().startsWith(String.format("lesson%02d-", lesson)), found.get(0).id());
        }
        List<Exercise> questions = all.all().stream()
                .filter(e -> e.lesson().startsWith("11-") && e.isQuestion()).toList();
        assertEquals(6, questions.size(), "the interview walkthrough's questions: " + questions);
        questions.forEach(q -> assertTrue(q.modelAnswer().length() > 200, q.id()));
    }

    @Test
    @DisplayName("an unknown id is named with the ids that share its prefix")
    void unknownId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Exercises.loaded().get("lesson05-kapa"));
        assertEquals("no exercise 'lesson05-kapa' (did you mean lesson05-kappa?)", e.getMessage());
    }

    @Test
    @DisplayName("two exercises with one id are refused, naming the id and both lessons")
    void duplicateIds() {
        Check pass = a -> Verdict.pass("ok");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Exercises.of(List.of(
                Exercise.of("q1", "a", "t", 1, pass, "x"), Exercise.of("q1", "b", "t", 1, pass, "y"))));
        assertEquals("exercises: two exercises have the id 'q1' (lessons a and b)", e.getMessage());
    }

    @Test
    @DisplayName("ids follow nbgrader's grade_id rule")
    void idRule() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Exercise.question("q 1", "a", "t", "x"));
        assertTrue(e.getMessage().contains("grade_id"), e.getMessage());
    }

    @Test
    @DisplayName("a check that throws on an odd answer gives a hint instead of failing")
    void checkThatThrows() {
        Exercise e = Exercise.of("q", "l", "t", 1, a -> {
            throw new IndexOutOfBoundsException("Index 3 out of bounds for length 2");
        }, "x");
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
