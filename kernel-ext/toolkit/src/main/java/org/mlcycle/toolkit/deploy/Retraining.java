package org.mlcycle.toolkit.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.report.Progress;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Static against dynamic training on one replay: the launched model runs window by window under
 * each {@link RetrainPolicy}; a retrain after window w uses the labelled rows of the last
 * {@code retrainWindows} windows up to w and serves from window w+1 on. The watched metric per
 * window shows what each rule bought, and the retrain count what it cost.
 */
public final class Retraining {
    private static final String WHO = "retraining";

    private Retraining() {}

    public static RetrainComparison compare(
            ServingModel launched,
            Table traffic,
            Function<Table, ServingModel> trainer,
            MonitorOptions options,
            List<RetrainPolicy> policies) {
        Require.that(launched != null && trainer != null, WHO, "the launched model and a trainer are needed");
        Require.that(policies != null && !policies.isEmpty(), WHO, "no retrain policy to compare");
        List<TimeSlices.Slice> slices = TimeSlices.of(traffic, options.timeColumn(), options.window(), WHO);
        String label = launched.spec().label();
        Require.column(traffic, label, WHO);
        List<RetrainComparison.Run> runs = new ArrayList<>();
        Progress progress = Progress.standard();
        progress.start((long) slices.size() * policies.size(), "replaying " + policies.size() + " retrain policies");
        try {
            for (RetrainPolicy policy : policies) {
                runs.add(run(launched, traffic, trainer, options, policy, slices, label, progress));
            }
        } finally {
            progress.done();
        }
        return new RetrainComparison(
                traffic.name(),
                options,
                slices.stream().map(TimeSlices.Slice::label).toList(),
                slices.stream().map(TimeSlices.Slice::start).toList(),
                runs);
    }

    private static RetrainComparison.Run run(
            ServingModel launched,
            Table traffic,
            Function<Table, ServingModel> trainer,
            MonitorOptions options,
            RetrainPolicy policy,
            List<TimeSlices.Slice> slices,
            String label,
            Progress progress) {
        ServingModel current = launched;
        List<WindowStats> seen = new ArrayList<>();
        List<Double> metric = new ArrayList<>();
        List<String> retrained = new ArrayList<>();
        int lastRetrain = -1;
        for (int i = 0; i < slices.size(); i++) {
            int[] rows = slices.get(i).rows();
            double[] p = options.rule().probabilities(current.predict(traffic.rows(rows)), WHO);
            WindowStats w = new WindowStats(
                    slices.get(i).label(),
                    slices.get(i).start(),
                    rows.length,
                    0,
                    Labels.metrics(traffic, label, rows, p, options.rule()),
                    Double.NaN,
                    Double.NaN,
                    false,
                    Double.NaN,
                    List.of(),
                    Double.NaN,
                    null,
                    Double.NaN,
                    false);
            double watched = Monitor.smoothed(seen, w, options);
            seen.add(w);
            metric.add(w.metric(options.alertMetric()));
            boolean firing = !Double.isNaN(options.alertBelow()) && watched < options.alertBelow();
            int newest = i - options.labelDelay(); // the newest window whose labels are in
            if (newest >= 0 && policy.due(i - lastRetrain, firing)) {
                current = trainer.apply(labelled(
                        traffic,
                        TimeSlices.rows(slices, Math.max(0, newest - options.retrainWindows() + 1), newest),
                        label));
                retrained.add(slices.get(i).label());
                lastRetrain = i;
            }
            progress.step();
        }
        return new RetrainComparison.Run(policy, metric, retrained);
    }

    private static Table labelled(Table traffic, int[] rows, String label) {
        Column<?> c = traffic.column(label);
        return traffic.rows(
                java.util.Arrays.stream(rows).filter(r -> !c.isMissing(r)).toArray());
    }
}
