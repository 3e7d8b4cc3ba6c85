/**
 * The search-ads world the lessons learn from, and loaders for real ad logs of the same shape.
 *
 * <p>{@link org.mlcycle.toolkit.datasets.AdWorld} generates queries, ads, users, candidate (query,
 * ad) pairs with a known "should show" truth, two human labelers, drift between two months ago and
 * yesterday, and click logs under two serving policies. Everything is deterministic for a seed.
 * {@link org.mlcycle.toolkit.datasets.Datasets} names the tables the lessons load,
 * {@link org.mlcycle.toolkit.datasets.Manifest} checks the committed files against their checksums
 * and {@link org.mlcycle.toolkit.datasets.AdLogs} reads KDD Cup 2012 Track 2, Criteo and Avazu
 * files into Tablesaw tables.
 */
package org.mlcycle.toolkit.datasets;
