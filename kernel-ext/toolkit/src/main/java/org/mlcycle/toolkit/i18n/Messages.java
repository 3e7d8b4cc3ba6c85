package org.mlcycle.toolkit.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words the course shows around its results (check verdicts, hint boxes, model answers,
 * report headings) in the learner's language, from the resource bundle
 * {@code org/mlcycle/toolkit/i18n/messages*.properties} (UTF-8, as Java reads properties bundles).
 *
 * <p>The language is {@link #use(String) set} explicitly, else read from the system property
 * {@code mlcycle.lang}, else from the environment variable {@code MLCYCLE_LANG} (which
 * {@code ./mlcycle lessons --lang} sets for the kernel of a translated lesson), else English. A key
 * a language lacks falls back to English: the bundles form a parent chain, so a half-translated
 * language still shows every message. The JVM's own default locale plays no part, so a learner's
 * machine in another locale still sees the course in the language asked for. The language chosen here
 * holds for every {@link MessageBundle}, the course's exercise texts included.
 */
public final class Messages {
    /** The languages the course is translated into, English first. */
    public static final List<String> LANGUAGES = List.of("en", "fa", "zh", "pt");

    static final MessageBundle TOOLKIT = MessageBundle.of("org.mlcycle.toolkit.i18n.messages", Messages.class);
    private static volatile String chosen;

    private Messages() {}

    /** Uses {@code language} ("fa", "zh", "pt", "en") from now on; null goes back to the setting. */
    public static void use(String language) {
        chosen = language == null ? null : normalise(language);
    }

    /** The language in use: {@link #use}, else {@code mlcycle.lang}, else {@code MLCYCLE_LANG}, else "en". */
    public static String language() {
        String lang = chosen;
        if (lang == null) {
            lang = System.getProperty("mlcycle.lang");
        }
        if (lang == null || lang.isBlank()) {
            lang = System.getenv("MLCYCLE_LANG");
        }
        return lang == null || lang.isBlank() ? "en" : normalise(lang);
    }

    /** Whether the language in use is written right to left (Persian). */
    public static boolean rightToLeft() {
        return "fa".equals(language());
    }

    /** {@code dir="rtl"} for HTML in a right-to-left language, else "" (a fragment's outer element). */
    public static String dirAttribute() {
        return rightToLeft() ? " dir=\"rtl\"" : "";
    }

    /** The message {@code key} in the language in use, formatted with {@code args} (String.format). */
    public static String get(String key, Object... args) {
        return TOOLKIT.get(key, args);
    }

    /** The message {@code key} in {@code language}, English where that language lacks it. */
    public static String in(String language, String key, Object... args) {
        return TOOLKIT.in(language, key, args);
    }

    /** The keys English has. */
    public static Set<String> keys() {
        return TOOLKIT.keys();
    }

    /** The keys English has and {@code language}'s own bundle does not (they show in English). */
    public static List<String> missing(String language) {
        return TOOLKIT.missing(language);
    }

    /** The keys {@code language}'s own bundle has and English lacks: never shown, a mistake. */
    public static List<String> unknown(String language) {
        return TOOLKIT.unknown(language);
    }

    /** "fa_IR", "FA", "pt-BR" become "fa", "fa", "pt". */
    static String normalise(String language) {
        String lang = language.strip().toLowerCase(Locale.ROOT);
        int cut = lang.indexOf('_') >= 0 ? lang.indexOf('_') : lang.indexOf('-');
        return cut > 0 ? lang.substring(0, cut) : lang;
    }
}
