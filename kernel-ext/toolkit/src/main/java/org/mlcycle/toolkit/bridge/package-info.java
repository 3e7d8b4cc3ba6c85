/**
 * The bridge from a Tablesaw table to Tribuo: a {@link org.mlcycle.toolkit.bridge.FeatureSpec} fit on
 * training rows (numeric impute and scale, categorical one-hot with "(other)" and "(missing)"
 * buckets) that is applied unchanged at serving time, datasets whose examples carry their table row,
 * predictions returned as table columns, and out-of-fold probabilities aligned to rows.
 */
package org.mlcycle.toolkit.bridge;
