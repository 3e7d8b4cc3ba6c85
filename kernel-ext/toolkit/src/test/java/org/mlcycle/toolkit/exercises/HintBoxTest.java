package org.mlcycle.toolkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HintBoxTest {
    private static final Exercise EXERCISE = Exercise.of(
            "demo-sum",
            "demo",
            "a sum",
            1,
            a -> {
                int[] values = new int[2];
                return Verdict.pass("" + values[(int) a.number("i")]);
            },
            "add them up");

    @Test
    @DisplayName("a hint box names the exercise and the attempt, as HTML and as text, and never says Exception")
    void hintBox() {
        HintBox box = HintBox.hint(EXERCISE, 3, "that is the mean <not the median>");
        assertEquals("Hint (demo-sum, attempt 3): that is the mean <not the median>", box.toText());
        assertTrue(box.toHtml().contains("attempt 3") && box.toHtml().contains("&lt;not the median&gt;"), box.toHtml());
        assertEquals("demo-sum: not passed yet (attempt 3)", box.failedLine());
        assertEquals("hint", box.toRecord().get("kind"));

        HintBox blank = HintBox.noAnswer(EXERCISE, "");
        assertTrue(blank.toText().startsWith("No answer yet (demo-sum): write your answer"), blank.toText());
        assertEquals("demo-sum: no answer yet", blank.failedLine());
        assertEquals("no answer", blank.toRecord().get("kind"));
    }

    @Test
    @DisplayName("a check stopped by an odd answer says what stopped it without the exception's class name")
    void stoppedCheck() {
        CheckResult out = EXERCISE.check(new MapAnswers(1).with("i", 5));
        assertFalse(out.passed());
        assertEquals(
                "the check stopped on your answer (Index 5 out of bounds for length 2); look at the values you"
                        + " computed",
                out.message());
        assertFalse(out.toText().contains("Exception"), out.toText());
    }
}
