package org.mlcycle.toolkit.deploy;

import java.util.ArrayList;
import java.util.List;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.drift.ColumnDrift;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.journal.Journal;
import org.mlcycle.toolkit.metrics.AdMetrics;
import org.mlcycle.toolkit.metrics.ClassificationReport;
import org.mlcycle.toolkit.report.Progress;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Monitoring replayed: traffic goes through a deployed model window by window of a time column
 * (day by day), and each window gets the model's metrics on the rows whose labels arrived, input
 * and prediction drift against the training reference, and the business numbers. When the watched
 * metric falls below its level an alert is raised (once per fall) and written to the journal, and
 * the report suggests which recent windows to retrain on.
 */
public final class Monitor {
    private static final String WHO = "monitor";

    private Monitor() {}

    /** Replays {@code traffic} through the registered version {@code ref}, against its registered training rows. */
    public static MonitorReport replay(ModelRegistry registry, String ref, Table traffic, MonitorOptions options) {
        ModelRelease release = registry.load(ref);
        return replay(
                release.ref(),
                release.model(),
                registry.reference(release.ref()),
                traffic,
                options,
                registry.journal());
    }

    /**
     * Replays {@code traffic} through {@code model} (named {@code name} in alerts), comparing inputs and
     * predictions with {@code reference}; alerts go to {@code journal} unless it is null.
     */
    public static MonitorReport replay(
            String name, ServingModel model, Table reference, Table traffic, MonitorOptions options, Journal journal) {
        Require.that(model != null, WHO, "the model is null");
        Require.nonEmpty(Require.table(reference, WHO, "reference"), WHO);
        List<TimeSlices.Slice> slices = TimeSlices.of(traffic, options.timeColumn(), options.window(), WHO);
        InputSchema inputs = InputSchema.of(reference, model.spec());
        inputs.select(traffic, WHO);
        ShowRule rule = options.rule();
        Table referenceInputs = inputs.select(reference, WHO);
        Table referencePredictions = Table.create(
                "reference predictions",
                DoubleColumn.create("probability", rule.probabilities(model.predict(referenceInputs), WHO)));
        double[] probability = rule.probabilities(model.predict(traffic), WHO);
        List<WindowStats> windows = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        Progress progress = Progress.standard();
        progress.start(slices.size(), "monitoring " + name + " window by window");
        try {
            for (TimeSlices.Slice slice : slices) {
                WindowStats w = window(
                        name,
                        model,
                        slice,
                        traffic,
                        probability,
                        referenceInputs,
                        referencePredictions,
                        inputs,
                        options,
                        windows);
                windows.add(w);
                boolean fell = w.alert()
                        && (windows.size() == 1
                                || !windows.get(windows.size() - 2).alert());
                if (fell) {
                    String message = MonitorReport.alertMessage("en", name, options, w);
                    alerts.add(message);
                    if (journal != null) {
                        journal.alert("monitor", "warning", message);
                    }
                }
                progress.step();
            }
        } finally {
            progress.done();
        }
        return new MonitorReport(
                name,
                traffic.name(),
                reference.rowCount(),
                options,
                windows,
                alerts,
                suggestion(slices, windows, traffic, model.spec().label(), options));
    }

    private static WindowStats window(
            String name,
            ServingModel model,
            TimeSlices.Slice slice,
            Table traffic,
            double[] probability,
            Table referenceInputs,
            Table referencePredictions,
            InputSchema inputs,
            MonitorOptions options,
            List<WindowStats> before) {
        int[] rows = slice.rows();
        double[] p = new double[rows.length];
        double sum = 0;
        for (int k = 0; k < rows.length; k++) {
            p[k] = probability[rows[k]];
            sum += p[k];
        }
        Table part = traffic.rows(rows);
        DriftReport input = Drift.between(referenceInputs, inputs.select(part, WHO), options.drift());
        ColumnDrift prediction = Drift.between(
                        referencePredictions,
                        Table.create("window predictions", DoubleColumn.create("probability", p)),
                        options.drift().withCategoricalUpTo(0))
                .column("probability");
        ShowRule rule = options.rule();
        boolean[] shown = rule.shows(p);
        int shownCount = 0;
        for (boolean s : shown) shownCount += s ? 1 : 0;
        ClassificationReport metrics = Labels.metrics(traffic, model.spec().label(), rows, p, rule);
        AdMetrics business = rule.business(traffic, rows, shown, WHO);
        WindowStats draft = new WindowStats(
                slice.label(),
                slice.start(),
                rows.length,
                metrics == null ? 0 : (int) metrics.confusion().n(),
                metrics,
                sum / rows.length,
                prediction.wassersteinNorm(),
                prediction.drifted(),
                input.driftedShare(),
                input.drifted().stream().map(ColumnDrift::name).toList(),
                shownCount / (double) rows.length,
                business,
                Double.NaN,
                false);
        double watched = smoothed(before, draft, options);
        boolean alert = !Double.isNaN(options.alertBelow()) && watched < options.alertBelow();
        return new WindowStats(
                draft.label(),
                draft.start(),
                draft.rows(),
                draft.labelled(),
                metrics,
                draft.meanProbability(),
                draft.predictionDrift(),
                draft.predictionDrifted(),
                draft.inputDriftShare(),
                draft.driftedInputs(),
                draft.showRate(),
                business,
                watched,
                alert);
    }

    /**
     * The watched metric averaged over the last {@code smoothing} windows whose labels are in (all but
     * the last {@code labelDelay}); NaN until there are that many with a value.
     */
    static double smoothed(List<WindowStats> before, WindowStats current, MonitorOptions options) {
        List<WindowStats> all = new ArrayList<>(before);
        all.add(current);
        int seen = all.size() - options.labelDelay();
        if (seen < options.smoothing()) {
            return Double.NaN;
        }
        double sum = 0;
        for (WindowStats w : all.subList(seen - options.smoothing(), seen)) {
            double v = w.metric(options.alertMetric());
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            sum += v;
        }
        return sum / options.smoothing();
    }

    private static RetrainSuggestion suggestion(
            List<TimeSlices.Slice> slices,
            List<WindowStats> windows,
            Table traffic,
            String label,
            MonitorOptions options) {
        WindowStats first =
                windows.stream().filter(WindowStats::alert).findFirst().orElse(null);
        if (first == null) {
            return null;
        }
        int last = slices.size() - 1, from = Math.max(0, last - options.retrainWindows() + 1);
        int[] rows = TimeSlices.rows(slices, from, last);
        int labelled = 0;
        if (traffic.containsColumn(label)) {
            for (int r : rows) labelled += traffic.column(label).isMissing(r) ? 0 : 1;
        }
        return new RetrainSuggestion(
                slices.get(from).label(),
                slices.get(last).label(),
                last - from + 1,
                rows,
                labelled,
                RetrainSuggestion.firedReason("en", first.label()));
    }
}
