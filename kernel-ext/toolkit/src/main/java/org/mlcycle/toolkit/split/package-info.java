/**
 * Seeded, reproducible splits of a Tablesaw table: random, stratified, out-of-time (a time column and
 * a cutoff) and stratified k-fold. Tablesaw's own sampling draws from an unseeded static Random and
 * Tribuo's k-fold is not stratified, so neither is used here. A split holds row indices, never the
 * table; the test part it hands out is remembered, so label fixing and resampling can refuse it.
 */
package org.mlcycle.toolkit.split;
