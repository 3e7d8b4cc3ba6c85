package org.mlcycle.kernel.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Javadoc comment as plain text for a pager or tooltip: inline tags become their text, HTML
 * paragraphs and list items become blank lines and dashes, block tags become labelled sections
 * ("Parameters:", "Returns:", "Throws:").
 */
final class JavadocText {
    private static final Pattern TAG = Pattern.compile("(?is)<(/?)(\\w+)[^>]*>");
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("param", "Parameters:");
        SECTIONS.put("return", "Returns:");
        SECTIONS.put("throws", "Throws:");
        SECTIONS.put("exception", "Throws:");
        SECTIONS.put("see", "See also:");
        SECTIONS.put("since", "Since:");
        SECTIONS.put("deprecated", "Deprecated:");
    }

    private JavadocText() {}

    static String of(String javadoc) {
        String text = inlineTags(javadoc.strip());
        // block tags start a line with "@"; each gathers the lines up to the next one
        List<String> body = new ArrayList<>();
        Map<String, List<List<String>>> sections = new LinkedHashMap<>();
        List<String> current = body;
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("@") && stripped.length() > 1 && Character.isLetter(stripped.charAt(1))) {
                int space = indexOfBlank(stripped);
                String tag = stripped.substring(1, space < 0 ? stripped.length() : space);
                String rest = space < 0 ? "" : stripped.substring(space).strip();
                String label = SECTIONS.get(tag);
                current = new ArrayList<>(); // @author, @implSpec...: gathered, then left out
                if (label != null) {
                    if (tag.equals("param") || tag.equals("throws") || tag.equals("exception")) {
                        if (rest.startsWith("<")) { // a type parameter, not HTML
                            rest = "&lt;" + rest.substring(1).replaceFirst(">", "&gt;");
                        }
                        int sp = indexOfBlank(rest);
                        rest = sp < 0
                                ? rest
                                : rest.substring(0, sp) + " - "
                                        + rest.substring(sp).strip();
                    }
                    current.add(rest);
                    sections.computeIfAbsent(label, k -> new ArrayList<>()).add(current);
                }
            } else {
                current.add(line);
            }
        }
        StringBuilder out = new StringBuilder(html(String.join("\n", body)));
        for (Map.Entry<String, List<List<String>>> s : sections.entrySet()) {
            out.append("\n\n").append(s.getKey());
            for (List<String> entry : s.getValue()) {
                out.append("\n  ")
                        .append(html(String.join(" ", entry))
                                .replaceAll("\\s+", " ")
                                .strip());
            }
        }
        return out.toString().strip();
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code x}, {@link A#b label}, {@literal x}, {@value X}, {@inheritDoc}: their text. */
    static String inlineTags(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("{@", i)) {
                int depth = 0;
                int j = i;
                for (; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (c == '{') {
                        depth++;
                    } else if (c == '}' && --depth == 0) {
                        break;
                    }
                }
                if (j >= s.length()) {
                    out.append(s, i, s.length());
                    break;
                }
                String inner = s.substring(i + 2, j).strip();
                int sp = indexOfBlank(inner);
                String tag = sp < 0 ? inner : inner.substring(0, sp);
                String arg = sp < 0 ? "" : inner.substring(sp).strip();
                switch (tag) {
                    case "code", "literal" ->
                        out.append(arg.replace("<", "&lt;").replace(">", "&gt;"));
                    case "link", "linkplain" -> {
                        int labelAt = linkLabelStart(arg);
                        String target =
                                labelAt < 0 ? arg : arg.substring(0, labelAt).strip();
                        String label = labelAt < 0 ? "" : arg.substring(labelAt).strip();
                        out.append(
                                label.isEmpty()
                                        ? (target.startsWith("#") ? target.substring(1) : target.replace('#', '.'))
                                        : label);
                    }
                    case "value" -> out.append(arg.startsWith("#") ? arg.substring(1) : arg.replace('#', '.'));
                    case "inheritDoc", "docRoot" -> {}
                    default -> out.append(arg);
                }
                i = j + 1;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Where a link's label starts: after the reference, whose parentheses may hold blanks. */
    private static int linkLabelStart(String arg) {
        int depth = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isWhitespace(c)) {
                return i;
            }
        }
        return -1;
    }

    /** HTML to text: paragraphs apart, list items as dashes, {@code <pre>} kept, text reflowed. */
    static String html(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = TAG.matcher(s);
        int last = 0;
        boolean pre = false;
        StringBuilder run = new StringBuilder();
        while (m.find()) {
            run.append(s, last, m.start());
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            if (name.equals("pre")) {
                flush(out, run, pre);
                pre = !closing;
                out.append("\n\n");
            } else if (name.equals("p")
                    || name.equals("ul")
                    || name.equals("ol")
                    || name.equals("table")
                    || name.equals("blockquote")
                    || name.matches("h[1-6]")
                    || name.equals("dl")) {
                flush(out, run, pre);
                out.append("\n\n");
            } else if (name.equals("br") || name.equals("tr") || name.equals("dt")) {
                flush(out, run, pre);
                out.append('\n');
            } else if (name.equals("li") && !closing) {
                flush(out, run, pre);
                out.append("\n- ");
            } else if (name.equals("dd") && !closing) {
                flush(out, run, pre);
                out.append("\n    ");
            } else if (name.equals("td") || name.equals("th")) {
                run.append(' ');
            }
            last = m.end();
        }
        run.append(s.substring(last));
        flush(out, run, pre);
        String text = out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
        return entities(text).strip();
    }

    private static void flush(StringBuilder out, StringBuilder run, boolean pre) {
        if (pre) {
            out.append(run.toString().replaceAll("(?m)^ ?", "").strip());
        } else {
            String flowed = run.toString().replaceAll("\\s+", " ");
            if (out.length() == 0 || out.charAt(out.length() - 1) == '\n' || out.charAt(out.length() - 1) == ' ') {
                flowed = flowed.stripLeading();
            }
            out.append(flowed);
        }
        run.setLength(0);
    }

    private static String entities(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#64;", "@")
                .replace("&nbsp;", " ")
                .replace("&mdash;", "-")
                .replace("&ndash;", "-")
                .replace("&amp;", "&");
    }
}
