package org.mlcycle.toolkit.quality;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits a CSV stream into records (RFC 4180 quoting; a quoted field may span lines) and keeps the
 * physical line number where each record starts. Text is read in large chunks and each field is a
 * region of a chunk, so no string is made per line and numbers are parsed without copying.
 */
final class CsvRecords {
    private static final int CHUNK = 1 << 20;

    private final Reader in;
    private final char separator;
    private final char[] buffer = new char[CHUNK];
    private final StringBuilder unquoted = new StringBuilder();
    private String chunk = "";
    private boolean eof;
    private boolean started;
    private int pos;
    private int recordStart;
    private int recordEnd;
    private int linesConsumed;
    private int blankLines;

    int line;
    int count;
    String error;
    String[] src = new String[32];
    int[] from = new int[32];
    int[] to = new int[32];

    CsvRecords(Reader in, char separator) {
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

    /** The record as it stands in the file (lines joined by '\n'). */
    String text() {
        return chunk.substring(recordStart, recordEnd);
    }

    /**
     * Appends more input to the chunk; false at the end of the input. Offsets never move while a
     * record is read: the chunk is only trimmed between records.
     */
    private boolean refill() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            eof = true;
            return false;
        }
        chunk = chunk + new String(buffer, 0, n);
        if (!started) {
            started = true;
            if (!chunk.isEmpty() && chunk.charAt(0) == '\uFEFF') {
                chunk = chunk.substring(1);
            }
        }
        return true;
    }

    /** Index of the next '\n' at or after {@code i} (reading more as needed), or the chunk's end at end of input. */
    private int eol(int i) throws IOException {
        while (true) {
            int e = chunk.indexOf('\n', i);
            if (e >= 0 || eof) {
                return e >= 0 ? e : chunk.length();
            }
            refill();
        }
    }

    /** Reads the next non-blank record; false at the end of the input. */
    boolean next() throws IOException {
        int end;
        int eol;
        if (pos > CHUNK) {
            chunk = chunk.substring(pos);
            pos = 0;
        }
        while (true) {
            recordStart = pos;
            eol = eol(pos);
            if (pos >= chunk.length() && eof) {
                return false;
            }
            linesConsumed++;
            end = eol > pos && chunk.charAt(eol - 1) == '\r' ? eol - 1 : eol;
            if (end > pos) {
                break;
            }
            blankLines++;
            pos = Math.min(eol + 1, chunk.length());
        }
        line = linesConsumed;
        count = 0;
        error = null;
        int p = pos;
        while (true) {
            if (p < end && chunk.charAt(p) == '"') {
                // a quoted field: may run over line ends, which moves end and eol along
                unquoted.setLength(0);
                int i = p + 1;
                while (true) {
                    int q = chunk.indexOf('"', i);
                    if (q < 0 || q >= end) {
                        if (eol >= chunk.length()) {
                            error = "quote opened on line " + line + " is never closed";
                            recordEnd = end;
                            pos = chunk.length();
                            return true;
                        }
                        unquoted.append(chunk, i, end).append('\n');
                        int nextLine = eol + 1;
                        eol = eol(nextLine);
                        linesConsumed++;
                        end = eol > nextLine && chunk.charAt(eol - 1) == '\r' ? eol - 1 : eol;
                        i = nextLine;
                        continue;
                    }
                    unquoted.append(chunk, i, q);
                    if (q + 1 < end && chunk.charAt(q + 1) == '"') {
                        unquoted.append('"');
                        i = q + 2;
                        continue;
                    }
                    // lenient: text after the closing quote and before the separator belongs to the field
                    int sep = chunk.indexOf(separator, q + 1);
                    int stop = sep < 0 || sep > end ? end : sep;
                    unquoted.append(chunk, q + 1, stop);
                    String value = unquoted.toString();
                    add(value, 0, value.length());
                    p = stop;
                    break;
                }
            } else {
                int sep = chunk.indexOf(separator, p);
                int stop = sep < 0 || sep > end ? end : sep;
                add(chunk, p, stop);
                p = stop;
            }
            if (p >= end) {
                break;
            }
            p++; // past the separator; a trailing separator means one more empty field
            if (p == end) {
                add(chunk, p, p);
                break;
            }
        }
        recordEnd = end;
        pos = Math.min(eol + 1, chunk.length());
        return true;
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
