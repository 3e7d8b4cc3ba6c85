package org.mlcycle.toolkit.io.csv;

/**
 * A CSV row kept out of the table.
 *
 * @param line the physical line (1 = header) where the row starts
 * @param reason why it was rejected, naming the column and the cell text when a cell failed
 * @param text the row as it stood in the file
 * @param column the index (0-based) of the cell that failed; -1 when the row as a whole was wrong
 *     (field count, unclosed quote)
 * @param value the text of the cell that failed; null when the row as a whole was wrong
 */
public record RejectedRow(int line, String reason, String text, int column, String value) {
    /** A row rejected as a whole. */
    public RejectedRow(int line, String reason, String text) {
        this(line, reason, text, -1, null);
    }
}
