package org.mlcycle.toolkit.report;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes plain values (the {@code toRecord()} forms: maps, lists, strings, numbers, booleans,
 * null) as JSON, for the journal's export and the benchmarks' output lines. NaN and infinities
 * become null, as in pandas' and Python's JSON output the benchmarks are compared with. A library
 * (Gson) would need a type adapter for exactly these two choices; this stays a page.
 */
public final class Json {
    private Json() {}

    /** One line, no spaces: the benchmarks' JSON lines. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1);
        return out.toString();
    }

    /** Indented by two spaces per level, ending with a newline: files people read. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    /** {@code depth} is -1 for compact output. */
    private static void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                newline(out, depth, 1);
                string(out, String.valueOf(e.getKey()));
                out.append(depth < 0 ? ":" : ": ");
                write(out, e.getValue(), depth < 0 ? -1 : depth + 1);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            if (!map.isEmpty()) {
                newline(out, depth, 0);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                newline(out, depth, 1);
                write(out, list.get(i), depth < 0 ? -1 : depth + 1);
                if (i + 1 < list.size()) {
                    out.append(',');
                }
            }
            if (!list.isEmpty()) {
                newline(out, depth, 0);
            }
            out.append(']');
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(out, value.toString());
        }
    }

    private static void newline(StringBuilder out, int depth, int extra) {
        if (depth >= 0) {
            out.append('\n').append("  ".repeat(depth + extra));
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
