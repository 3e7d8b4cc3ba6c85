package org.mlcycle.course.i18n;

import java.util.stream.Collectors;
import org.mlcycle.toolkit.i18n.MessageBundle;
import org.mlcycle.toolkit.i18n.Messages;

/**
 * The words of the course's exercises (titles, hints, pass messages, the prose of the model
 * answers) in the learner's language, from {@code org/mlcycle/course/i18n/exercises*.properties}:
 * English holds every key, a translation the keys it has, and a key a translation lacks shows in
 * English. The language is the one {@link Messages#language()} names ({@code MLCYCLE_LANG}).
 *
 * <p>Keys are the exercise id and what the text is for: {@code lesson04-operating-point.title},
 * {@code ...answer} (the model answer's prose; {@code answer.2} after its code),
 * {@code ...pass.<words>}, {@code ...hint.<words>}, {@code ...mistake.<words>},
 * {@code ...otherwise.<words>}, {@code ...asks.<words>} (what a variable must hold). Texts shared by
 * a lesson's exercises take the lesson's prefix ({@code lessons.} when all lessons share them).
 *
 * <p>Hints and pass messages are looked up when a check runs; titles and model answers when the
 * exercises are loaded, which the kernel does after its language is set.
 */
public final class ExerciseTexts {
    /** The bundle, for tests and tools that list its keys. */
    public static final MessageBundle BUNDLE =
            MessageBundle.of("org.mlcycle.course.i18n.exercises", ExerciseTexts.class);

    private ExerciseTexts() {}

    /** The text {@code key} in the language in use, formatted with {@code args} ({@code String.format}, Locale.ROOT). */
    public static String tr(String key, Object... args) {
        return BUNDLE.get(key, args);
    }

    /** The parts of a model answer, prose and code, a line each. */
    public static String lines(String... parts) {
        return String.join("\n", parts);
    }

    /** A model answer's code, indented four spaces under its prose; the code is not translated. */
    public static String code(String code) {
        return code.lines().map(l -> l.isEmpty() ? l : "    " + l).collect(Collectors.joining("\n"));
    }
}
