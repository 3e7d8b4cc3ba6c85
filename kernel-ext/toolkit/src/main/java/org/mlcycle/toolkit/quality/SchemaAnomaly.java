package org.mlcycle.toolkit.quality;

import java.util.List;

/**
 * One way a batch departs from its schema.
 *
 * @param kind what was found
 * @param column the column ("" for the whole batch)
 * @param share the share of the batch's checked cells concerned (or the missing share), NaN if none
 * @param detail one line with the numbers
 * @param values examples: unseen categories with their counts, or the out-of-range extremes
 */
public record SchemaAnomaly(Kind kind, String column, double share, String detail, List<String> values) {

    /** Kinds of schema anomaly. */
    public enum Kind {
        /** The batch has no rows. */
        EMPTY_BATCH,
        /** A column the schema does not know. */
        NEW_COLUMN,
        /** A schema column the batch lacks. */
        MISSING_COLUMN,
        /** The column's type differs from the schema's. */
        TYPE_CHANGED,
        /** Text values outside the column's domain. */
        UNSEEN_CATEGORIES,
        /** Numbers outside the column's range. */
        OUT_OF_RANGE,
        /** More missing cells than the reference had, beyond the tolerance. */
        MISSING_RATE
    }

    public SchemaAnomaly {
        values = List.copyOf(values);
    }

    @Override
    public String toString() {
        return kind + (column.isEmpty() ? "" : " '" + column + "'") + ": " + detail;
    }
}
