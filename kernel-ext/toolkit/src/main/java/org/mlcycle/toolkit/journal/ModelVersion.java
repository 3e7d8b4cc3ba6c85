package org.mlcycle.toolkit.journal;

import java.time.Instant;

/**
 * A recorded model: its name, the run that made it (0 when none), and its provenance as text
 * (named apart from Tribuo's {@code Model} so both packages can be imported in one notebook).
 */
public record ModelVersion(long id, String name, long runId, String provenance, Instant at) {}
