package org.mlcycle.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.course.i18n.ExerciseTexts;
import org.mlcycle.toolkit.exercises.CheckResult;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.Exercises;
import org.mlcycle.toolkit.exercises.MapAnswers;
import org.mlcycle.toolkit.i18n.MessageBundle;
import org.mlcycle.toolkit.i18n.Messages;

/** The exercises' texts come from the course bundle: every key the code names exists, translations fall back. */
class ExerciseTextsTest {
    /** The sources of the exercises, from this module's folder (kernel-ext/course). */
    private static final List<Path> SOURCES = List.of(
            Path.of("src/main/java/org/mlcycle/course/lessons"), Path.of("src/main/java/org/mlcycle/course/practice"));
    /** A key in the source: an exercise id or a lesson's prefix, then a dot ("lesson04-where-to-look.title"). */
    private static final Pattern KEY = Pattern.compile("\"((?:lesson\\d\\d|lessons|practice)[\\w-]*\\.[\\w.-]+)\"");

    private static final MessageBundle TEXTS = ExerciseTexts.BUNDLE;

    @AfterEach
    void back() {
        Messages.use(null);
    }

    @Test
    @DisplayName("the keys each language lacks are listed (they show in English); a key English lacks fails")
    void missingKeys() {
        System.out.print(TEXTS.coverage());
        assertEquals(List.of(), TEXTS.unknownInAnyLanguage(), "keys a translation has and English lacks");
        assertTrue(TEXTS.missing("en").isEmpty());
        assertEquals(TEXTS.keys().size(), TEXTS.missing("xx").size(), "a language without a file lacks every key");
    }

    @Test
    @DisplayName("every key the lessons' code names is in the English bundle, and every English key is used")
    void keysInCodeExistInEnglish() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path folder : SOURCES) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file :
                        files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() > 400, "keys found in " + SOURCES + ": " + used.size());
        Set<String> absent = new TreeSet<>(used);
        absent.removeAll(TEXTS.keys());
        assertEquals(Set.of(), absent, "keys the code uses and exercises.properties lacks");
        Set<String> unused = new TreeSet<>(TEXTS.keys());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "keys of exercises.properties no code uses");
    }

    @Test
    @DisplayName("in every language each exercise has a title and a model answer; translations keep the arguments")
    void everyLanguageBuildsEveryExercise() {
        for (String lang : Messages.LANGUAGES) {
            Messages.use(lang);
            for (Exercise e : Exercises.loaded().all()) {
                assertFalse(e.title().isBlank(), lang + " " + e.id());
            }
        }
        assertEquals(List.of(), TEXTS.argumentMismatches(), "translations whose format arguments differ from English");
    }

    @Test
    @DisplayName("with language fa the exercise texts show in Persian, and in English again with en")
    void persianWithEnglishFallback() {
        MapAnswers answers = new MapAnswers(0)
                .with("modelShows", new boolean[] {true, true, true, false, false, false, false})
                .with("legacyShows", new boolean[] {true, false, false, true, true, true, false});
        Messages.use("fa");
        Exercise onlyModel = Exercises.loaded().get("lesson08-only-model");
        assertEquals("نامزدهایی که فقط مدل نشان می‌دهد", onlyModel.title());
        CheckResult both = onlyModel.check(answers.with("onlyModel", 1));
        assertTrue(both.message().startsWith("ردیف‌هایی را شمردید که هر دو"), both.message());
        CheckResult reversed = onlyModel.check(answers.with("onlyModel", 3));
        assertTrue(reversed.message().startsWith("برعکس شمردید"), reversed.message());
        // a key the Persian file lacks shows in English: MessageBundleTest, on a half-translated bundle

        Messages.use("en");
        assertEquals(
                "candidates only the model shows",
                Exercises.loaded().get("lesson08-only-model").title());
        assertTrue(
                onlyModel.check(answers.with("onlyModel", 1)).message().startsWith("you counted rows where both show"));
    }
}
