package org.mlcycle.toolkit.deploy;

import java.util.Arrays;
import org.mlcycle.toolkit.metrics.ClassificationReport;
import org.mlcycle.toolkit.metrics.Metrics;
import org.mlcycle.toolkit.metrics.MetricsOptions;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The labels that have arrived for some rows of traffic, and metrics on just those rows. */
final class Labels {
    private Labels() {}

    /** Metrics of {@code probability} (aligned with {@code rows}) on the rows whose label is known; null when none is. */
    static ClassificationReport metrics(Table traffic, String label, int[] rows, double[] probability, ShowRule rule) {
        if (label == null || !traffic.containsColumn(label)) {
            return null;
        }
        Column<?> c = traffic.column(label);
        boolean[] actual = new boolean[rows.length];
        double[] p = new double[rows.length];
        int n = 0;
        for (int k = 0; k < rows.length; k++) {
            if (!c.isMissing(rows[k])) {
                actual[n] = c.getString(rows[k]).equals(rule.positive());
                p[n++] = probability[k];
            }
        }
        if (n == 0) {
            return null;
        }
        MetricsOptions options =
                MetricsOptions.defaults().withThreshold(rule.threshold()).withPositive(rule.positive());
        return Metrics.binary(Arrays.copyOf(actual, n), Arrays.copyOf(p, n), options);
    }

    static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        return rows;
    }
}
