/**
 * Metrics that do not lie under class imbalance: the confusion matrix with precision, recall and F1,
 * ROC-AUC, PR-AUC (average precision), log-loss, Brier score and calibration bins; and the ad
 * business metrics (impressions, show rate, clicks, click-through rate, revenue) of a served policy,
 * and the same evaluation per time window (performance over days).
 * Entry points take plain arrays (one value per row) or a Tablesaw table and column names.
 */
package org.mlcycle.toolkit.metrics;
