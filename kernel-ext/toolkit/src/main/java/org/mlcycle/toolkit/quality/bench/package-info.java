/**
 * The side-by-side benchmark of profile and drift against the Python reference scripts (pandas,
 * SciPy): a {@code main} that reads the same CSV files and prints one JSON line per task in the
 * scripts' shape. Not a test: no timing is asserted anywhere.
 */
package org.mlcycle.toolkit.quality.bench;
