package org.mlcycle.toolkit.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.metrics.AdMetrics;
import org.mlcycle.toolkit.metrics.ClassificationReport;

/**
 * One monitored window: its rows, the model's metrics on the rows whose labels arrived (null when
 * none did), prediction drift (the positive probability against the training reference's), input
 * drift (share of input columns drifted, and which), the business numbers (null without a click
 * log), the watched metric's smoothed value, and whether the alert fired here.
 */
public record WindowStats(
        String label,
        double start,
        int rows,
        int labelled,
        ClassificationReport metrics,
        double meanProbability,
        double predictionDrift,
        boolean predictionDrifted,
        double inputDriftShare,
        List<String> driftedInputs,
        double showRate,
        AdMetrics business,
        double watched,
        boolean alert) {

    public WindowStats {
        driftedInputs = List.copyOf(driftedInputs);
    }

    /** A metric by its {@link MonitorOptions#METRICS} name; NaN when it does not apply to this window. */
    public double metric(String name) {
        return switch (name) {
            case "show_rate" -> showRate;
            case "ctr" -> business == null ? Double.NaN : business.clickThroughRate();
            default ->
                metrics == null
                        ? Double.NaN
                        : switch (name) {
                            case "roc_auc" -> metrics.rocAuc();
                            case "pr_auc" -> metrics.averagePrecision();
                            case "precision" -> metrics.confusion().precision();
                            case "recall" -> metrics.confusion().recall();
                            case "accuracy" -> metrics.confusion().accuracy();
                            default -> Double.NaN;
                        };
        };
    }

    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("window", label);
        r.put("rows", rows);
        r.put("labelled", labelled);
        r.put("roc_auc", metric("roc_auc"));
        r.put("pr_auc", metric("pr_auc"));
        r.put("precision", metric("precision"));
        r.put("recall", metric("recall"));
        r.put("mean_probability", meanProbability);
        r.put("prediction_drift", predictionDrift);
        r.put("prediction_drifted", predictionDrifted);
        r.put("input_drift_share", inputDriftShare);
        r.put("drifted_inputs", driftedInputs);
        r.put("show_rate", showRate);
        if (business != null) {
            r.put("impressions", business.impressions());
            r.put("clicks", business.clicks());
            r.put("ctr", business.clickThroughRate());
            r.put("revenue", business.revenue());
        }
        r.put("watched", watched);
        r.put("alert", alert);
        return r;
    }
}
