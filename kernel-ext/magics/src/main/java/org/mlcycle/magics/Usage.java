package org.mlcycle.magics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.magic.MagicArgsParseException;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;

/**
 * A magic's usage line and the argument spec it describes, kept side by side so the two cannot
 * drift apart. Any misuse fails with one line that ends in the usage; the kernel puts the magic's
 * name in front ({@code %drift: ...}), so the message does not.
 *
 * @param line the usage line shown to the user, starting with the magic's name
 * @param spec how jjava-jupyter splits the arguments
 * @param switches {@code --name} options that take no value (jjava-jupyter's keywords always take one)
 */
record Usage(String line, MagicsArgs spec, Set<String> switches) {
    private static final Pattern MISSING = Pattern.compile("Missing required positional arguments: \\[(.*)]");
    private static final Pattern UNKNOWN = Pattern.compile("Unknown (keyword|flag) argument '(.*)'\\.");

    Usage(String line, MagicsArgs spec) {
        this(line, spec, Set.of());
    }

    /**
     * {@code as NAME} and {@code from REF} written as words after the first argument (the journal
     * magics' style) read as {@code --as NAME} and {@code --from REF}.
     */
    static List<String> wordsAsOptions(List<String> args, String... words) {
        List<String> out = new ArrayList<>(args);
        for (int i = 1; i < out.size(); i++) {
            if (Arrays.asList(words).contains(out.get(i)) && !out.get(i - 1).startsWith("--")) {
                out.set(i, "--" + out.get(i));
            }
        }
        return out;
    }

    /** The arguments by name; a switch given is present with the value "true". */
    Map<String, List<String>> parse(List<String> args) {
        List<String> tokens = new ArrayList<>(args.size());
        for (String a : args) {
            tokens.add(a.startsWith("--") && switches.contains(a.substring(2)) ? a + "=true" : a);
        }
        try {
            return spec.parse(tokens);
        } catch (MagicArgsParseException e) {
            throw fail(plain(e.getMessage()));
        }
    }

    /**
     * jjava-jupyter's parse errors in the words of the usage line: {@code Missing required positional
     * arguments: [cur]} becomes {@code missing CUR}, {@code Unknown keyword argument 'x'.} becomes
     * {@code unknown option --x}.
     */
    private static String plain(String message) {
        Matcher missing = MISSING.matcher(message);
        if (missing.matches()) {
            return "missing " + missing.group(1).toUpperCase(Locale.ROOT);
        }
        Matcher unknown = UNKNOWN.matcher(message);
        if (unknown.matches()) {
            return "unknown option " + (unknown.group(1).equals("flag") ? "-" : "--") + unknown.group(2);
        }
        if (message.startsWith("Too many positional arguments")) {
            return "too many arguments";
        }
        return message.replaceAll("\\.$", "");
    }

    /** One line naming the problem and the usage. */
    IllegalArgumentException fail(String problem) {
        return new IllegalArgumentException(problem + "; usage: " + line);
    }

    /** The value of {@code name} (the last one when given twice), or {@code fallback}. */
    static String one(Map<String, List<String>> args, String name, String fallback) {
        List<String> values = args.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(values.size() - 1);
    }

    /** Whether the switch {@code name} was given. */
    static boolean has(Map<String, List<String>> args, String name) {
        return one(args, name, null) != null;
    }

    /** {@code name}'s value as a whole number, or {@code fallback} when it was not given. */
    int wholeNumber(Map<String, List<String>> args, String name, int fallback) {
        String value = one(args, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw fail("--" + name + " needs a whole number, not '" + value + "'");
        }
    }

    /** {@code name}'s value as a number, or {@code fallback} when it was not given. */
    double number(Map<String, List<String>> args, String name, double fallback) {
        String value = one(args, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw fail("--" + name + " needs a number, not '" + value + "'");
        }
    }

    /** Every value given to {@code name}; {@code a,b} counts as two. */
    static String[] list(Map<String, List<String>> args, String name) {
        return args.getOrDefault(name, List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toArray(String[]::new);
    }
}
