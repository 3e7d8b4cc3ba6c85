package org.mlcycle.toolkit.quality;

import com.google.errorprone.annotations.CheckReturnValue;

/**
 * How {@link Schema#infer} builds a schema and how strict validation is. Defaults follow TFDV: text
 * domains up to 100 values, no numeric ranges unless asked for.
 *
 * @param maxDomain a text column with at most this many distinct values gets a domain
 * @param ranges whether numeric columns keep their [min, max] and out-of-range values are flagged
 * @param missingTolerance a batch's missing share may exceed the reference's by this much
 * @param unseenTolerance share of a batch's values outside the domain that is still accepted
 */
@CheckReturnValue
public record SchemaOptions(int maxDomain, boolean ranges, double missingTolerance, double unseenTolerance) {

    public SchemaOptions {
        if (maxDomain < 0 || missingTolerance < 0 || unseenTolerance < 0) {
            throw new IllegalArgumentException("schema: maxDomain and tolerances must be >= 0, got " + maxDomain + ", "
                    + missingTolerance + ", " + unseenTolerance);
        }
    }

    /** Domains up to 100 values, no ranges, 1 point of missing-rate slack, no unseen values accepted. */
    public static SchemaOptions defaults() {
        return new SchemaOptions(100, false, 0.01, 0);
    }

    /** The same options, recording numeric ranges. */
    public SchemaOptions withRanges() {
        return new SchemaOptions(maxDomain, true, missingTolerance, unseenTolerance);
    }

    /** The same options with another missing-rate slack. */
    public SchemaOptions withMissingTolerance(double tolerance) {
        return new SchemaOptions(maxDomain, ranges, tolerance, unseenTolerance);
    }
}
