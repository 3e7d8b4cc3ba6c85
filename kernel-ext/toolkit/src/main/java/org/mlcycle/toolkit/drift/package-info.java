/**
 * Drift between a reference and a current table ({@link org.mlcycle.toolkit.drift.Drift}): per column
 * tests and distances, an overall verdict, and drift over time windows. The statistics (KS, PSI,
 * Jensen-Shannon, Wasserstein, chi-square) are package-private classes, one per file; their
 * definitions follow SciPy's so that values can be checked against it.
 */
package org.mlcycle.toolkit.drift;
