package org.mlcycle.toolkit.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the records of one part of the file into committed rows or quarantined ones. */
final class CsvPart {
    /** Marks a row whose quote is never closed; the reason names the line once it is known. */
    static final String UNCLOSED = new String("unclosed");

    private final CsvLayout layout;
    final CsvColumn[] columns;
    final long[][] missingCounts;
    final long[][] suspectCounts;
    final List<RejectedRow> rejected = new ArrayList<>();
    long rejectedCount;
    long rows;
    /** Lines before this part; its records count lines from its start. */
    int lineOffset;

    int lines;
    int blankLines;
    long end;

    CsvPart(CsvLayout layout, int expectedRows) {
        this.layout = layout;
        List<String> header = layout.header;
        columns = new CsvColumn[header.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = CsvColumn.of(header.get(c), layout.types.get(header.get(c)), expectedRows);
        }
        missingCounts = new long[columns.length][layout.tokens.length];
        suspectCounts = new long[columns.length][CsvOptions.SUSPECT_TOKENS.size()];
    }

    void row(Csv.Raw raw) {
        if (raw.error() != null) {
            reject(raw.line(), raw.error(), raw.text());
            return;
        }
        if (raw.fields().length != columns.length) {
            reject(raw.line(), fieldCount(raw.fields().length), raw.text());
            return;
        }
        String[] f = raw.fields();
        for (int c = 0; c < columns.length; c++) {
            byte[] b = f[c].getBytes(StandardCharsets.UTF_8);
            String why = cell(c, b, 0, b.length);
            if (why != null) {
                reject(raw.line(), why, raw.text(), c, f[c]);
                return;
            }
        }
        commit();
    }

    void row(CsvBytes r) {
        if (r.unclosedQuote) {
            reject(r.line, UNCLOSED, r.text());
            return;
        }
        if (r.count != columns.length) {
            reject(r.line, fieldCount(r.count), r.text());
            return;
        }
        for (int c = 0; c < columns.length; c++) {
            String why = cell(c, r.src[c], r.from[c], r.to[c]);
            if (why != null) {
                reject(r.line, why, r.text(), c, CsvColumn.utf8(r.src[c], r.from[c], r.to[c]));
                return;
            }
        }
        commit();
    }

    void endParse(CsvBytes records) {
        lines = records.linesConsumed();
        blankLines = records.blankLines();
        end = records.position();
        for (CsvColumn column : columns) {
            column.endParse();
        }
    }

    private String fieldCount(int found) {
        return "expected " + columns.length + " fields, found " + found;
    }

    private String cell(int c, byte[] s, int from, int to) {
        int n = to - from;
        if (n == 0 && layout.emptyToken >= 0) {
            missingCounts[c][layout.emptyToken]++;
            columns[c].stageMissing();
            return null;
        }
        byte[][] tokens = layout.tokenBytes;
        for (int t = 0; t < tokens.length; t++) {
            byte[] tok = tokens[t];
            if (tok.length == n && Arrays.equals(s, from, to, tok, 0, n)) {
                missingCounts[c][t]++;
                columns[c].stageMissing();
                return null;
            }
        }
        CsvColumn column = columns[c];
        String why = column.stage(s, from, to);
        if (why == null) {
            if (layout.text[c]) {
                int suspect = ((CsvColumn.Strings) column).stagedSuspect();
                if (suspect >= 0) {
                    suspectCounts[c][suspect]++;
                }
            }
            return null;
        }
        String value = CsvColumn.utf8(s, from, to);
        boolean suspect = value.length() <= 4 && CsvOptions.SUSPECT_TOKENS.contains(value);
        return "column '" + layout.header.get(c) + "': '" + value + "' " + why
                + (suspect ? " (list it in missingTokens to read it as missing)" : "");
    }

    private void commit() {
        for (CsvColumn column : columns) {
            column.commit();
        }
        rows++;
    }

    private void reject(int line, String reason, String rowText) {
        reject(line, reason, rowText, -1, null);
    }

    private void reject(int line, String reason, String rowText, int column, String value) {
        rejectedCount++;
        if (rejected.size() < layout.options.keepRejected()) {
            rejected.add(new RejectedRow(line, reason, rowText, column, value));
        }
    }
}
