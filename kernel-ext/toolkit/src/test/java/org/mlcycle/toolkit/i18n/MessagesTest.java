package org.mlcycle.toolkit.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.toolkit.exercises.CheckResult;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.HintBox;
import org.mlcycle.toolkit.exercises.MapAnswers;
import org.mlcycle.toolkit.exercises.ModelAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.journal.Stage;

class MessagesTest {
    private static final Exercise EXERCISE =
            Exercise.of("demo-sum", "demo", "a sum", 1, a -> Verdict.pass("3 is right"), "add them up");

    private static final Exercise EXERCISE_NEEDING_TOTAL = Exercise.of(
            "demo-total", "demo", "a total", 1, a -> Verdict.pass("total " + a.number("total")), "add them up");

    @AfterEach
    void back() {
        Messages.use(null);
    }

    @Test
    @DisplayName("the keys each language lacks are listed (they show in English); a key English lacks fails")
    void missingKeys() {
        System.out.print(Messages.TOOLKIT.coverage());
        assertEquals(List.of(), Messages.TOOLKIT.unknownInAnyLanguage(), "keys a translation has and English lacks");
        assertEquals(
                List.of(),
                Messages.TOOLKIT.argumentMismatches(),
                "translations whose format arguments differ from English (a wrong one fails when shown)");
        assertTrue(Messages.missing("en").isEmpty());
        assertEquals(
                Messages.keys().size(), Messages.missing("xx").size(), "a language without a file lacks every key");
    }

    @Test
    @DisplayName("MLCYCLE_LANG's language shows the check, the hint box and the model answer; English otherwise")
    void checkMessagesInTheLearnersLanguage() {
        Messages.use("pt");
        CheckResult pass = new CheckResult("demo-sum", "demo", "a sum", 1, 1, true, "3 is right");
        assertEquals("Correto: 3 is right", pass.toText());
        assertEquals(
                "Dica (demo-sum, tentativa 2): look again",
                HintBox.hint(EXERCISE, 2, "look again").toText());
        assertTrue(ModelAnswer.of(EXERCISE).toText().startsWith("resposta modelo para demo-sum"));

        Messages.use("zh");
        assertEquals("正确：3 is right", pass.toText());
        assertEquals("监控", Stage.MONITORING.title());
        assertEquals("monitoring", Stage.MONITORING.label(), "the magic's name stays as it is");

        Messages.use("fa");
        String html = HintBox.noAnswer(EXERCISE, "").toHtml();
        assertTrue(html.contains("dir=\"rtl\"") && html.contains("هنوز پاسخی نیست"), html);
        String answer = new ModelAnswer("demo-sum", "a sum", "دو عدد را جمع کنید:\n    int sum = a + b;").toHtml();
        assertTrue(
                answer.contains("<div dir=\"auto\">دو عدد") && answer.contains("<div dir=\"auto\">    int sum"),
                "each line takes its own direction: the prose right to left, the code left to right: " + answer);
        assertEquals(
                "'total' هنوز تعریف نشده است: سلولی را که در آن حسابش می‌کنید اجرا کنید",
                EXERCISE_NEEDING_TOTAL.check(new MapAnswers(0)).message(),
                "the check's own words about a missing variable are in the learner's language");

        Messages.use("en");
        assertEquals("Correct: 3 is right", pass.toText());
        assertTrue(ModelAnswer.of(EXERCISE).toHtml().contains("<pre "), "English keeps one preformatted block");
        assertFalse(HintBox.noAnswer(EXERCISE, "").toHtml().contains("rtl"));
    }

    @Test
    @DisplayName("a language given as fa_IR or pt-BR is the language; an unknown one falls back to English per key")
    void fallback() {
        Messages.use("pt-BR");
        assertEquals("pt", Messages.language());
        Messages.use("xx");
        assertEquals("Hint", Messages.get("hint.heading"));
        assertEquals("تلاش 2", Messages.in("fa_IR", "hint.attempt", 2));
    }
}
