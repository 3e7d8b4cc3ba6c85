package org.mlcycle.toolkit.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * Splits a CSV stream into records (RFC 4180 quoting; a quoted field may span lines) and keeps the
 * physical line number where each record starts. Field text is addressed as a region of a string so
 * numbers can be parsed without copying.
 */
final class CsvRecords {
    private final BufferedReader in;
    private final char separator;
    private final StringBuilder unquoted = new StringBuilder();
    private int linesConsumed;
    private int blankLines;

    String text;
    int line;
    int count;
    String error;
    String[] src = new String[32];
    int[] from = new int[32];
    int[] to = new int[32];

    CsvRecords(BufferedReader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    int blankLines() {
        return blankLines;
    }

    /** The text of field {@code i} (unquoted). */
    String field(int i) {
        return src[i].substring(from[i], to[i]);
    }

    /** Reads the next non-blank record; false at the end of the input. */
    boolean next() throws IOException {
        String l;
        do {
            l = in.readLine();
            if (l == null) {
                return false;
            }
            linesConsumed++;
            if (l.isEmpty()) {
                blankLines++;
            }
        } while (l.isEmpty());
        if (linesConsumed == 1 && l.charAt(0) == '\uFEFF') {
            l = l.substring(1);
        }
        text = l;
        line = linesConsumed;
        count = 0;
        error = null;
        int pos = 0;
        while (true) {
            if (pos < text.length() && text.charAt(pos) == '"') {
                pos = quoted(pos);
                if (error != null) {
                    return true;
                }
            } else {
                int sep = text.indexOf(separator, pos);
                int end = sep < 0 ? text.length() : sep;
                add(text, pos, end);
                pos = end;
            }
            if (pos >= text.length()) {
                return true;
            }
            pos++; // past the separator; a trailing separator means one more empty field
            if (pos == text.length()) {
                add(text, pos, pos);
                return true;
            }
        }
    }

    private int quoted(int open) throws IOException {
        unquoted.setLength(0);
        int i = open + 1;
        while (true) {
            int q = text.indexOf('"', i);
            if (q < 0) {
                String more = in.readLine();
                if (more == null) {
                    error = "quote opened on line " + line + " is never closed";
                    return text.length();
                }
                linesConsumed++;
                unquoted.append(text, i, text.length()).append('\n');
                i = text.length() + 1;
                text = text + "\n" + more;
                continue;
            }
            unquoted.append(text, i, q);
            if (q + 1 < text.length() && text.charAt(q + 1) == '"') {
                unquoted.append('"');
                i = q + 2;
                continue;
            }
            int pos = q + 1;
            // lenient: text after the closing quote and before the separator belongs to the field
            int sep = text.indexOf(separator, pos);
            int end = sep < 0 ? text.length() : sep;
            unquoted.append(text, pos, end);
            String value = unquoted.toString();
            add(value, 0, value.length());
            return end;
        }
    }

    private void add(String s, int a, int b) {
        if (count == src.length) {
            src = Arrays.copyOf(src, count * 2);
            from = Arrays.copyOf(from, count * 2);
            to = Arrays.copyOf(to, count * 2);
        }
        src[count] = s;
        from[count] = a;
        to[count] = b;
        count++;
    }
}
