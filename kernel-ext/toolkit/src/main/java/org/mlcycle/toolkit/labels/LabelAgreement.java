package org.mlcycle.toolkit.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How much two labelers agree on the same rows: the confusion matrix of their labels, the observed
 * agreement, Cohen's kappa (agreement corrected for what two labelers with the same label shares
 * would reach by chance) and the rows where they differ. Rows where either label is missing are left
 * out and counted.
 */
public final class LabelAgreement {
    private LabelAgreement() {}

    /** Compares {@code firstColumn} with {@code secondColumn} of {@code table}, row by row. */
    public static AgreementReport between(Table table, String firstColumn, String secondColumn) {
        String who = "label agreement";
        Require.nonEmpty(Require.table(table, who, "labelled"), who);
        Column<?> a = Require.column(table, firstColumn, who);
        Column<?> b = Require.column(table, secondColumn, who);
        Require.that(
                !firstColumn.equals(secondColumn),
                who,
                "compare two different columns, not '%s' with itself",
                firstColumn);
        TreeSet<String> classes = new TreeSet<>();
        List<Integer> both = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < table.rowCount(); i++) {
            if (LabelColumn.isMissing(a, i) || LabelColumn.isMissing(b, i)) {
                skipped++;
                continue;
            }
            classes.add(a.getString(i));
            classes.add(b.getString(i));
            both.add(i);
        }
        List<String> names = new ArrayList<>(classes);
        long[][] confusion = new long[names.size()][names.size()];
        List<Disagreement> disagreements = new ArrayList<>();
        for (int r : both) {
            String x = a.getString(r), y = b.getString(r);
            confusion[names.indexOf(x)][names.indexOf(y)]++;
            if (!x.equals(y)) disagreements.add(new Disagreement(r, x, y));
        }
        return new AgreementReport(firstColumn, secondColumn, names, confusion, disagreements, skipped);
    }
}
