package org.mlcycle.toolkit.journal;

import java.time.Instant;

/** A recorded alert from monitoring: its kind ("drift", "metric"), severity and message. */
public record Alert(long id, String kind, String severity, String message, Instant at) {}
