package org.mlcycle.toolkit.imbalance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/** Entry point for the class-imbalance report of a label column. */
public final class Imbalance {
    private Imbalance() {}

    /** Counts each class of {@code label}; ties in count are ordered by class name. */
    public static ImbalanceReport of(Table table, String label) {
        Require.nonEmpty(Require.table(table, "imbalance", "labelled"), "imbalance");
        Map<String, Long> counts = new TreeMap<>();
        for (String y : LabelColumn.values(table, label, "imbalance")) counts.merge(y, 1L, Long::sum);
        List<ImbalanceReport.ClassCount> classes = new ArrayList<>();
        int n = table.rowCount();
        counts.forEach((c, k) -> classes.add(new ImbalanceReport.ClassCount(c, k, (double) k / n)));
        classes.sort(Comparator.comparingLong(ImbalanceReport.ClassCount::count).reversed());
        return new ImbalanceReport(label, classes);
    }
}
