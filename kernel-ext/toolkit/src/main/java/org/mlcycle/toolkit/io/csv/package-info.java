/**
 * Reading CSV files into Tablesaw tables: {@link org.mlcycle.toolkit.io.csv.Csv} splits the bytes
 * itself (large files in parts, on every core) and keeps bad rows aside in a {@link
 * org.mlcycle.toolkit.io.csv.Quarantine} with their line number and the reason, instead of stopping
 * or dropping them silently. Every reader of files in the toolkit goes through it.
 */
package org.mlcycle.toolkit.io.csv;
