package org.mlcycle.toolkit.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One family of {@code .properties} files (UTF-8): {@code name.properties} in English, which holds
 * every key, and {@code name_fa.properties}, {@code name_zh.properties}, {@code name_pt.properties}
 * beside it. A key a language lacks falls back to English (the bundles form a parent chain); the
 * JVM's default locale plays no part. {@link Messages} reads the toolkit's own words through one of
 * these and chooses the language for every bundle; a module with texts of its own (the course's
 * exercises) makes another with {@link #of}.
 *
 * <p>A message with arguments is a {@code String.format} pattern ({@link Locale#ROOT}, so decimals
 * read the same everywhere; {@code %%} for a percent sign); one without is shown as written.
 */
public final class MessageBundle {
    // no fallback to the JVM's default locale: only to the root bundle, which is English
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final ClassLoader loader;

    private MessageBundle(String baseName, ClassLoader loader) {
        this.baseName = Objects.requireNonNull(baseName, "baseName");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /**
     * The bundle {@code baseName} ("org.mlcycle.course.i18n.exercises"), read with {@code owner}'s
     * class loader: the one that holds the files, also when its jar was added to a running notebook.
     */
    public static MessageBundle of(String baseName, Class<?> owner) {
        return new MessageBundle(baseName, owner.getClassLoader());
    }

    /** The message {@code key} in the language {@link Messages#language() in use}, formatted with {@code args}. */
    public String get(String key, Object... args) {
        return in(Messages.language(), key, args);
    }

    /** The message {@code key} in {@code language}, English where that language lacks it. */
    public String in(String language, String key, Object... args) {
        String pattern = bundle(language).getString(key); // English has every key: a typo fails here
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }

    /** Whether English has {@code key}. */
    public boolean has(String key) {
        return bundle("en").containsKey(key);
    }

    /** The keys English has. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(bundle("en").keySet()));
    }

    /** The keys English has and {@code language}'s own file does not (they show in English). */
    public List<String> missing(String language) {
        Set<String> own = ownKeys(language);
        List<String> out = new ArrayList<>();
        for (String key : keys()) {
            if (!own.contains(key)) {
                out.add(key);
            }
        }
        return out;
    }

    /** The keys {@code language}'s own file has and English lacks: never shown, a mistake. */
    public List<String> unknown(String language) {
        List<String> out = new ArrayList<>(ownKeys(language));
        out.removeAll(keys());
        return out;
    }

    /**
     * What each of {@link Messages#LANGUAGES} lacks, a line each ("exercises_fa: 3 of 466 keys
     * missing, shown in English: a, b, c"), for a test or a translator to read.
     */
    public String coverage() {
        String name = baseName.substring(baseName.lastIndexOf('.') + 1);
        StringBuilder out = new StringBuilder();
        for (String lang : Messages.LANGUAGES) {
            List<String> missing = missing(lang);
            out.append(name)
                    .append('_')
                    .append(lang)
                    .append(": ")
                    .append(missing.size())
                    .append(" of ")
                    .append(keys().size())
                    .append(" keys missing, shown in English")
                    .append(missing.isEmpty() ? "" : ": " + String.join(", ", missing))
                    .append('\n');
        }
        return out.toString();
    }

    /** The keys some translation has and English lacks, as "fa: key" lines: each a mistake. */
    public List<String> unknownInAnyLanguage() {
        List<String> out = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            unknown(lang).forEach(k -> out.add(lang + ": " + k));
        }
        return out;
    }

    /**
     * The translated texts whose format arguments differ from English ("zh: key"): a different
     * conversion at a position (%d where English has %s) fails when the text is shown, so every
     * language must keep English's arguments, in any order ({@code %2$s}).
     */
    public List<String> argumentMismatches() {
        List<String> out = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            Set<String> own = ownKeys(lang);
            for (String key : keys()) {
                if (own.contains(key) && !arguments(in(lang, key)).equals(arguments(in("en", key)))) {
                    out.add(lang + ": " + key);
                }
            }
        }
        return out;
    }

    /**
     * A String.format argument: its position if given, and its conversion. The texts use no space
     * flag, so "95% interval" in a text without arguments is prose, not an argument.
     */
    private static final Pattern ARG = Pattern.compile("%(\\d+\\$)?[-#+0,(]*\\d*(?:\\.\\d+)?([a-zA-Z%])");

    /** The conversions of a pattern's arguments, in order of position ("%%" and "%n" are none). */
    static List<String> arguments(String pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = ARG.matcher(pattern);
        int next = 1;
        while (m.find()) {
            if (m.group(2).equals("%") || m.group(2).equals("n")) {
                continue;
            }
            int at = m.group(1) == null ? next++ : Integer.parseInt(m.group(1).replace("$", ""));
            while (out.size() < at) {
                out.add("");
            }
            out.set(at - 1, m.group(2).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** The keys of {@code language}'s own file, read as the file it is (not what it inherits). */
    private Set<String> ownKeys(String language) {
        String lang = Messages.normalise(language);
        if ("en".equals(lang)) {
            return keys();
        }
        String file = baseName.replace('.', '/') + "_" + lang + ".properties";
        try (InputStream in = loader.getResourceAsStream(file)) {
            if (in == null) {
                return Set.of();
            }
            Properties own = new Properties();
            own.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new TreeSet<>(own.stringPropertyNames());
        } catch (IOException e) {
            throw new UncheckedIOException("messages: cannot read " + file, e);
        }
    }

    private ResourceBundle bundle(String language) {
        String lang = Messages.normalise(language);
        Locale locale = "en".equals(lang) ? Locale.ROOT : Locale.forLanguageTag(lang);
        return ResourceBundle.getBundle(baseName, locale, loader, CONTROL);
    }
}
