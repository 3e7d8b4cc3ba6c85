package org.mlcycle.toolkit.deploy;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.Locale;
import java.util.Set;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.support.Require;

/**
 * How {@link Monitor} replays traffic.
 *
 * @param timeColumn the column the windows are cut on
 * @param window window length: days of a date column, units of a number column
 * @param rule how scores become decisions and business numbers
 * @param alertMetric the watched metric: roc_auc, pr_auc, precision, recall, accuracy, ctr, show_rate
 * @param alertBelow alert when the metric (mean over {@code smoothing} windows) falls below this; NaN: never
 * @param smoothing the number of latest windows averaged before comparing with the level
 * @param retrainWindows how many recent windows a retrain suggestion uses
 * @param drift how input and prediction drift are decided
 * @param labelDelay windows before a window's labels arrive: on window w the alert (and a retrain)
 *     sees labelled windows up to w - labelDelay only
 */
@CheckReturnValue
public record MonitorOptions(
        String timeColumn,
        int window,
        ShowRule rule,
        String alertMetric,
        double alertBelow,
        int smoothing,
        int retrainWindows,
        DriftOptions drift,
        int labelDelay) {

    /** The metrics an alert can watch. */
    public static final Set<String> METRICS =
            Set.of("roc_auc", "pr_auc", "precision", "recall", "accuracy", "ctr", "show_rate");

    public MonitorOptions {
        String who = "monitor";
        Require.that(timeColumn != null && !timeColumn.isBlank(), who, "the time column is empty");
        Require.that(window >= 1, who, "a window must be at least 1, got %d", window);
        Require.that(rule != null, who, "the show rule is null");
        alertMetric = alertMetric.strip().toLowerCase(Locale.ROOT);
        Require.that(
                METRICS.contains(alertMetric),
                who,
                "cannot alert on '%s'; metrics: %s",
                alertMetric,
                String.join(", ", new java.util.TreeSet<>(METRICS)));
        Require.that(smoothing >= 1, who, "smoothing needs at least 1 window, got %d", smoothing);
        Require.that(retrainWindows >= 1, who, "a retrain needs at least 1 window, got %d", retrainWindows);
        Require.that(drift != null, who, "the drift options are null");
        Require.that(labelDelay >= 0, who, "a label delay cannot be negative, got %d", labelDelay);
    }

    /** Windows of 1 on {@code timeColumn}; ROC-AUC watched with no level set; no smoothing; retrain on 7 windows. */
    public static MonitorOptions by(String timeColumn) {
        return new MonitorOptions(
                timeColumn, 1, ShowRule.defaults(), "roc_auc", Double.NaN, 1, 7, DriftOptions.defaults(), 0);
    }

    public MonitorOptions withWindow(int window) {
        return new MonitorOptions(
                timeColumn, window, rule, alertMetric, alertBelow, smoothing, retrainWindows, drift, labelDelay);
    }

    public MonitorOptions withRule(ShowRule rule) {
        return new MonitorOptions(
                timeColumn, window, rule, alertMetric, alertBelow, smoothing, retrainWindows, drift, labelDelay);
    }

    /** Alerts when {@code metric} falls below {@code level}. */
    public MonitorOptions withAlert(String metric, double level) {
        return new MonitorOptions(
                timeColumn, window, rule, metric, level, smoothing, retrainWindows, drift, labelDelay);
    }

    public MonitorOptions withSmoothing(int windows) {
        return new MonitorOptions(
                timeColumn, window, rule, alertMetric, alertBelow, windows, retrainWindows, drift, labelDelay);
    }

    public MonitorOptions withRetrainWindows(int windows) {
        return new MonitorOptions(
                timeColumn, window, rule, alertMetric, alertBelow, smoothing, windows, drift, labelDelay);
    }

    public MonitorOptions withDrift(DriftOptions drift) {
        return new MonitorOptions(
                timeColumn, window, rule, alertMetric, alertBelow, smoothing, retrainWindows, drift, labelDelay);
    }

    /** Labels arrive {@code windows} windows late: the alert on window w judges the windows up to w - windows. */
    public MonitorOptions withLabelDelay(int windows) {
        return new MonitorOptions(
                timeColumn, window, rule, alertMetric, alertBelow, smoothing, retrainWindows, drift, windows);
    }

    /** {@code roc_auc < 0.7 (mean of 3 windows)}, or "no alert level". */
    public String alertText() {
        return alertText("en");
    }

    /** The alert rule in {@code language}: English for the text and the record, the learner's for HTML. */
    public String alertText(String language) {
        return Double.isNaN(alertBelow)
                ? Messages.in(language, "report.monitor.rule.none")
                : String.format(Locale.ROOT, "%s < %.4g", alertMetric, alertBelow)
                        + smoothed(language)
                        + (labelDelay == 0 ? "" : Messages.in(language, "report.monitor.rule.late", labelDelay));
    }

    /** " (mean of 3 windows)" in {@code language}, or "" without smoothing. */
    String smoothed(String language) {
        return smoothing == 1 ? "" : Messages.in(language, "report.monitor.rule.smoothed", smoothing);
    }
}
