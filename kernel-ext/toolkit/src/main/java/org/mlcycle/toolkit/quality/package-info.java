/**
 * Data quality on Tablesaw tables: per-column profiles with alerts ({@link
 * org.mlcycle.toolkit.quality.Profile}), declarative checks ({@link
 * org.mlcycle.toolkit.quality.Checks}) and schema inference and validation ({@link
 * org.mlcycle.toolkit.quality.Schema}). Every result is a {@link org.mlcycle.toolkit.report.Rendered}
 * value that holds numbers, names and row numbers, never the table it came from.
 */
package org.mlcycle.toolkit.quality;
