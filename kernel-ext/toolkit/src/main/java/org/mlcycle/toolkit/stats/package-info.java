/**
 * Number helpers that profiles, checks, schemas and drift share: the present values of a numeric
 * column ({@link org.mlcycle.toolkit.stats.NumericValues}), type-7 quantiles ({@link
 * org.mlcycle.toolkit.stats.Quantiles}) and value counts ({@link org.mlcycle.toolkit.stats.ValueCounts}).
 * Depends on Tablesaw only, never on another toolkit package.
 */
package org.mlcycle.toolkit.stats;
