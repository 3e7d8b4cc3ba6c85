package org.mlcycle.toolkit.journal;

import java.time.Instant;

/** A recorded model: its name, the run that made it (0 when none), and its provenance as text. */
public record Model(long id, String name, long runId, String provenance, Instant at) {}
