package org.mlcycle.toolkit.quality;

/**
 * A CSV row kept out of the table.
 *
 * @param line the physical line (1 = header) where the row starts
 * @param reason why it was rejected, naming the column and the cell text when a cell failed
 * @param text the row as it stood in the file
 */
public record RejectedRow(int line, String reason, String text) {}
