package org.mlcycle.magics;

import java.time.Duration;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.support.Require;

/**
 * What {@code %drift} and {@code %drift_windows} ask a {@link DataEngine} for: the current data
 * against the reference, as a whole or, when {@code timeColumn} is given, window by window of it as
 * {@link org.mlcycle.toolkit.drift.DriftWindows} cuts them. Built once by the magic from its
 * arguments and checked here, so every engine receives the same well-formed request.
 *
 * @param reference the reference data, of the engine's kind
 * @param referenceName what the report calls the reference
 * @param current the current data, of the same kind
 * @param currentName what the report calls the current data
 * @param options how each column is compared
 * @param timeColumn the current data's date or time column the windows are cut on; null to compare
 *     the current data as a whole
 * @param window the window length, positive; null exactly when {@code timeColumn} is
 */
public record DriftRequest(
        Object reference,
        String referenceName,
        Object current,
        String currentName,
        DriftOptions options,
        String timeColumn,
        Duration window) {
    private static final String WHO = "drift";

    public DriftRequest {
        Require.that(reference != null, WHO, "the reference table is null");
        Require.that(current != null, WHO, "the current table is null");
        Require.that(referenceName != null && !referenceName.isBlank(), WHO, "the reference table has no name");
        Require.that(currentName != null && !currentName.isBlank(), WHO, "the current table has no name");
        Require.that(options != null, WHO, "the options are null");
        Require.that(timeColumn == null || !timeColumn.isBlank(), WHO, "the time column name is blank");
        Require.that(timeColumn != null || window == null, WHO, "a window (%s) needs a time column", window);
        Require.that(timeColumn == null || window != null, WHO, "time column '%s' needs a window", timeColumn);
        Require.that(
                window == null || (!window.isNegative() && !window.isZero()),
                WHO,
                "the window must be a positive duration, got %s",
                window);
    }

    /** The current data against the reference as a whole. */
    public static DriftRequest between(
            Object reference, String referenceName, Object current, String currentName, DriftOptions options) {
        return new DriftRequest(reference, referenceName, current, currentName, options, null, null);
    }

    /** The same comparison, window by window of {@code timeColumn}. */
    public DriftRequest overTime(String timeColumn, Duration window) {
        return new DriftRequest(reference, referenceName, current, currentName, options, timeColumn, window);
    }

    /** Whether the current data is cut into windows ({@link DataEngine#driftOverTime}). */
    public boolean windowed() {
        return timeColumn != null;
    }
}
