package org.mlcycle.toolkit.quality;

/**
 * A warning in a profile, in the manner of ydata-profiling's alerts.
 *
 * @param kind what was found
 * @param column the column, or "" for the whole table
 * @param value the measured number behind the alert (a share, a count, a skewness)
 * @param detail one line saying what and how much, with the threshold
 */
public record ProfileAlert(Kind kind, String column, double value, String detail) {

    /** The alerts a profile can raise. */
    public enum Kind {
        /** The table has no rows. */
        EMPTY_TABLE,
        /** Every cell of the column is missing. */
        ALL_MISSING,
        /** One distinct value. */
        CONSTANT,
        /** Every value differs from every other. */
        UNIQUE,
        /** More missing cells than the threshold share. */
        MISSING,
        /** More zeros than the threshold share. */
        ZEROS,
        /** More categories than the threshold. */
        HIGH_CARDINALITY,
        /** |skewness| above the threshold. */
        SKEWED,
        /** One or few values dominate. */
        IMBALANCE,
        /** Rows equal to an earlier row. */
        DUPLICATES
    }

    @Override
    public String toString() {
        return kind + (column.isEmpty() ? "" : " '" + column + "'") + ": " + detail;
    }
}
