package org.mlcycle.hooks;

import java.util.List;
import java.util.Objects;

/**
 * One magic as the user meets it: its name, the other names it answers to, its usage text and how
 * many arguments it needs at least. A line magic and the cell magic of the same name are two specs.
 *
 * @param name the name written after {@code %} (or {@code %%} for a cell magic)
 * @param aliases other names that call the same magic (older names kept for notebooks that use them)
 * @param usage what {@code %help name} shows: how to call it, then {@code  — } and what it does
 * @param minArgs arguments needed on the magic's line; called with fewer, it shows its usage and does nothing
 * @param kind line ({@code %name}) or cell ({@code %%name})
 */
public record MagicSpec(String name, List<String> aliases, String usage, int minArgs, Kind kind) {

    /** Where the magic is written. */
    public enum Kind {
        /** {@code %name args} on a line. */
        LINE,
        /** {@code %%name args} on a cell's first line, the cell below as its body. */
        CELL;

        /** {@code %} or {@code %%}. */
        public String sign() {
            return this == LINE ? "%" : "%%";
        }
    }

    public MagicSpec {
        Objects.requireNonNull(name, "magic spec: name is null");
        Objects.requireNonNull(kind, "magic spec: kind of %" + name + " is null");
        aliases = List.copyOf(aliases);
        if (usage == null || usage.isBlank()) {
            throw new IllegalArgumentException("magic spec: %" + name + " has no usage text");
        }
        if (minArgs < 0) {
            throw new IllegalArgumentException("magic spec: %" + name + " needs minArgs >= 0, not " + minArgs);
        }
    }

    /** A line magic. */
    public static MagicSpec line(String name, int minArgs, String usage, String... aliases) {
        return new MagicSpec(name, List.of(aliases), usage, minArgs, Kind.LINE);
    }

    /** A cell magic. */
    public static MagicSpec cell(String name, int minArgs, String usage, String... aliases) {
        return new MagicSpec(name, List.of(aliases), usage, minArgs, Kind.CELL);
    }

    /** The name and the aliases. */
    public List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream())
                .toList();
    }

    /** Whether {@code args} are too few to run the magic. */
    public boolean missingArguments(List<String> args) {
        return args.size() < minArgs;
    }

    /**
     * The one-line complaint for a call with too few arguments, ending in the usage:
     * {@code missing TABLE; usage: %profile TABLE [--bins N]}. The missing words are read from the
     * usage (the required arguments come first, in capitals or as a choice such as {@code a|b}).
     */
    public String missingMessage(List<String> args) {
        String[] words = usage.split("  — ", 2)[0].strip().split("\\s+");
        StringBuilder missing = new StringBuilder();
        for (int i = args.size() + 1; i <= minArgs && i < words.length; i++) {
            String w = words[i];
            if (w.startsWith("[") || w.startsWith("-") || w.startsWith("(")) {
                missing.setLength(0);
                break;
            }
            missing.append(missing.length() == 0 ? "" : " ").append(w);
        }
        return (missing.length() == 0 ? "missing arguments" : "missing " + missing) + "; usage: " + usage;
    }
}
