package org.mlcycle.kernel.magics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;

/**
 * Turns magics in a cell into Java calls to {@link MagicCalls}, as IJava users write them:
 * {@code %%name args} on a cell's first line, {@code %name args} on a line of its own, and
 * {@code var x = %name args}.
 *
 * <p>Differences from jjava-jupyter 1.0-a6's parser, each on purpose: a {@code %} that starts a
 * continued expression line ({@code int r = a\n    %b;}) is Java's remainder, not a magic; a magic's
 * return value is kept (1.0-a6 drops it); a cell magic may have an empty body; an unknown magic
 * stops the cell before anything runs, with the nearest names; names match case-insensitively when
 * unambiguous ({@code %loadFromPom}); magics that take Java code ({@code %time}) get the rest of
 * the line untouched.
 */
public final class MagicSyntax extends MagicParser {
    private static final Pattern LINE = Pattern.compile("^(\\s*)%(\\w[\\w.-]*)(.*)$");
    private static final Pattern ASSIGNED = Pattern.compile("^(.*[^=!<>+\\-*/%&|^]=\\s*)%(\\w[\\w.-]*)(.*)$");
    private static final Pattern CELL = Pattern.compile("^\\s*%%(\\w[\\w.-]*)([^\\n]*)(?:\\n([\\s\\S]*))?$");
    private static final String CALLS = MagicCalls.class.getName();

    private final MagicsRegistry registry;
    private final Set<String> codeMagics;

    /** @param codeMagics magics whose argument is Java code, passed as one string */
    public MagicSyntax(MagicsRegistry registry, Set<String> codeMagics) {
        super("%", "%%", null);
        this.registry = registry;
        this.codeMagics = Set.copyOf(codeMagics);
    }

    @Override
    public String resolveMagics(String cell) {
        Matcher cellMagic = CELL.matcher(cell);
        if (cellMagic.matches()) {
            String name = resolveName(cellMagic.group(1), registry.getCellMagicNames(), true);
            String body = cellMagic.group(3) == null ? "" : cellMagic.group(3);
            List<String> args = arguments(name, cellMagic.group(2)); // %%timeit -n 3: options on the magic's line
            return CALLS + ".cell(" + literal(name) + "," + list(args) + "," + literal(body) + ");";
        }
        String[] lines = cell.split("\n", -1);
        StringBuilder out = new StringBuilder(cell.length() + 64);
        boolean boundary = true; // at the start of a statement
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String replaced = boundary ? transpileLine(line) : null;
            if (replaced != null) {
                out.append(replaced);
                boundary = true;
            } else {
                out.append(line);
                String code = stripComment(line).strip();
                if (!code.isEmpty()) {
                    boundary = code.endsWith(";") || code.endsWith("{") || code.endsWith("}");
                }
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** One magic of a cell: a line magic ({@code body} null) or a cell magic. */
    public record Call(String name, List<String> args, String body) {
        /** Runs the magic as the compiled call would, and returns its value. */
        public Object run() {
            return body == null ? MagicCalls.line(name, args) : MagicCalls.cell(name, args, body);
        }
    }

    /**
     * The magics of a cell that holds nothing else (blank and comment lines aside), in order; empty
     * when the cell has Java code too. Such a cell needs no compiling: the kernel runs the calls
     * directly, which saves JShell's two compiles per magic (a %stage cell answers in a few ms).
     */
    public Optional<List<Call>> magicsOnly(String cell) {
        Matcher cellMagic = CELL.matcher(cell);
        if (cellMagic.matches()) {
            String name = resolveName(cellMagic.group(1), registry.getCellMagicNames(), true);
            String body = cellMagic.group(3) == null ? "" : cellMagic.group(3);
            List<String> args = arguments(name, cellMagic.group(2)); // %%timeit -n 3: options on the magic's line
            return Optional.of(List.of(new Call(name, args, body)));
        }
        List<Call> calls = new ArrayList<>();
        for (String line : cell.split("\n", -1)) {
            if (stripComment(line).isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                return Optional.empty();
            }
            String name = resolveName(m.group(2), registry.getLineMagicNames(), false);
            calls.add(new Call(name, arguments(name, m.group(3)), null));
        }
        return calls.isEmpty() ? Optional.empty() : Optional.of(calls);
    }

    private List<String> arguments(String magic, String rest) {
        if (codeMagics.contains(magic)) {
            return rest.isBlank() ? List.of() : List.of(rest.strip());
        }
        return split(rest);
    }

    /** The Java call for a magic line, or null when the line is not a magic. */
    private String transpileLine(String line) {
        Matcher m = LINE.matcher(line);
        String prefix;
        if (m.matches()) {
            prefix = m.group(1);
        } else {
            m = ASSIGNED.matcher(line);
            if (!m.matches() || insideString(m.group(1))) {
                return null;
            }
            prefix = m.group(1);
        }
        String name = resolveName(m.group(2), registry.getLineMagicNames(), false);
        List<String> args = arguments(name, m.group(3));
        return prefix + CALLS + ".line(" + literal(name) + "," + list(args) + ");";
    }

    private String resolveName(String written, Set<String> known, boolean cell) {
        if (known.contains(written)) {
            return written;
        }
        List<String> sameIgnoringCase =
                known.stream().filter(k -> k.equalsIgnoreCase(written)).toList();
        if (sameIgnoringCase.size() == 1) {
            return sameIgnoringCase.get(0);
        }
        String sign = cell ? "%%" : "%";
        Set<String> other = cell ? registry.getLineMagicNames() : registry.getCellMagicNames();
        if (other.contains(written)) {
            throw new MagicUsageError(sign + written + " is a " + (cell ? "line" : "cell") + " magic: write "
                    + (cell ? "%" : "%%") + written + (cell ? " on a line" : " on the cell's first line"));
        }
        String near = known.stream()
                .filter(k -> distance(k.toLowerCase(Locale.ROOT), written.toLowerCase(Locale.ROOT)) <= 2)
                .sorted()
                .map(k -> sign + k)
                .collect(Collectors.joining(", "));
        throw new MagicUsageError("there is no " + (cell ? "cell" : "line") + " magic " + sign + written
                + (near.isEmpty() ? "" : " (did you mean " + near + "?)") + "; %lsmagic lists them all");
    }

    /** Splits arguments on blanks; double quotes group, backslash escapes. */
    public static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        boolean any = false;
        for (char c : args.strip().toCharArray()) {
            if (escaped) {
                current.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0 || any) {
                    out.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new MagicUsageError("a double quote is not closed in: " + args.strip());
        }
        if (current.length() > 0 || any) {
            out.add(current.toString());
        }
        return out;
    }

    private static boolean insideString(String prefix) {
        boolean in = false;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                in = !in;
            }
        }
        return in;
    }

    private static String stripComment(String line) {
        int at = line.indexOf("//");
        return at >= 0 && !insideString(line.substring(0, at)) ? line.substring(0, at) : line;
    }

    private static String literal(String s) {
        // Base64 keeps quotes, backslashes and line breaks in arguments out of Java's way.
        return "new String(java.util.Base64.getDecoder().decode(\""
                + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))
                + "\"),java.nio.charset.StandardCharsets.UTF_8)";
    }

    private static String list(List<String> args) {
        return "java.util.List.of(" + args.stream().map(MagicSyntax::literal).collect(Collectors.joining(",")) + ")";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
