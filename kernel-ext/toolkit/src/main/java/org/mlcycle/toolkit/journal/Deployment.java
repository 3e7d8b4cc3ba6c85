package org.mlcycle.toolkit.journal;

import java.time.Instant;

/** A recorded deployment of a model to a target (an endpoint, "shadow", "batch scoring"...). */
public record Deployment(long id, String model, String target, String note, Instant at) {}
