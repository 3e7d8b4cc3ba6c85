package org.mlcycle.toolkit.metrics;

import com.google.errorprone.annotations.CheckReturnValue;

/**
 * How a binary classification is evaluated: the decision threshold (predict positive when the
 * probability is at least this), the number of calibration bins, and which label value is the
 * positive class when reading a table.
 */
@CheckReturnValue
public record MetricsOptions(double threshold, int calibrationBins, String positive) {

    public MetricsOptions {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("metrics: threshold must be in [0, 1], got " + threshold);
        }
        if (calibrationBins < 1) {
            throw new IllegalArgumentException("metrics: calibration bins must be at least 1, got " + calibrationBins);
        }
        if (positive == null || positive.isEmpty()) {
            throw new IllegalArgumentException("metrics: the positive label must be named");
        }
    }

    /** Threshold 0.5, 10 calibration bins, positive label "1". */
    public static MetricsOptions defaults() {
        return new MetricsOptions(0.5, 10, "1");
    }

    public MetricsOptions withThreshold(double threshold) {
        return new MetricsOptions(threshold, calibrationBins, positive);
    }

    public MetricsOptions withCalibrationBins(int bins) {
        return new MetricsOptions(threshold, bins, positive);
    }

    public MetricsOptions withPositive(String positive) {
        return new MetricsOptions(threshold, calibrationBins, positive);
    }
}
