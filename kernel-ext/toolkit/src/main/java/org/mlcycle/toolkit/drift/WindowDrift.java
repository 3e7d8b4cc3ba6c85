package org.mlcycle.toolkit.drift;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Drift of one time window of the current table against the whole reference.
 *
 * @param start first instant of the window (inclusive)
 * @param end end of the window (exclusive)
 * @param report the drift of the window's rows
 */
public record WindowDrift(LocalDateTime start, LocalDateTime end, DriftReport report) {
    public WindowDrift {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(report, "report");
    }
}
