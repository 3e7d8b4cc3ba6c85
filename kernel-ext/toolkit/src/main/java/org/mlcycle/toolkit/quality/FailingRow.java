package org.mlcycle.toolkit.quality;

/**
 * A row that failed a row-level constraint.
 *
 * @param row the row number in the table (0-based, as Tablesaw counts)
 * @param value the checked value as text ("(missing)" for a missing cell, the whole row for predicates)
 */
public record FailingRow(int row, String value) {}
