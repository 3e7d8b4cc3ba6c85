package org.mlcycle.toolkit.bridge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A {@link FeatureSpec} bound to one table's columns: the column lookups and feature names are
 * resolved once, so encoding a row allocates nothing but its two arrays.
 */
final class Encoder {
    private final FeatureSpec.Numeric[] numeric;
    private final NumericColumn<?>[] numericColumns;
    private final Column<?>[] categoricalColumns;
    private final List<Map<String, String>> featureOfLevel = new java.util.ArrayList<>();
    private final String[] otherFeature;
    private final String[] missingFeature;

    Encoder(FeatureSpec spec, Table table) {
        String who = "features";
        Require.table(table, who, "encoded");
        numeric = spec.numeric().toArray(new FeatureSpec.Numeric[0]);
        numericColumns = new NumericColumn<?>[numeric.length];
        for (int j = 0; j < numeric.length; j++) {
            numericColumns[j] = FeatureSpec.numericColumn(table, numeric[j].column(), who);
        }
        List<FeatureSpec.Categorical> cats = spec.categorical();
        categoricalColumns = new Column<?>[cats.size()];
        otherFeature = new String[cats.size()];
        missingFeature = new String[cats.size()];
        for (int j = 0; j < cats.size(); j++) {
            FeatureSpec.Categorical c = cats.get(j);
            categoricalColumns[j] = Require.column(table, c.column(), who);
            Map<String, String> names = new HashMap<>();
            for (String level : c.levels()) names.put(level, c.feature(level));
            featureOfLevel.add(names);
            otherFeature[j] = c.feature(FeatureSpec.OTHER);
            missingFeature[j] = names.getOrDefault(FeatureSpec.MISSING, otherFeature[j]);
        }
    }

    /** Active features per row: every numeric column and one level per categorical column. */
    int size() {
        return numeric.length + categoricalColumns.length;
    }

    /** Writes row {@code row}'s features into {@code names} and {@code values} (length {@link #size()}). */
    void encode(int row, String[] names, double[] values) {
        int k = 0;
        for (int j = 0; j < numeric.length; j++, k++) {
            names[k] = numeric[j].column();
            values[k] = numeric[j].transform(
                    numericColumns[j].isMissing(row) ? Double.NaN : numericColumns[j].getDouble(row));
        }
        for (int j = 0; j < categoricalColumns.length; j++, k++) {
            Column<?> c = categoricalColumns[j];
            names[k] = LabelColumn.isMissing(c, row)
                    ? missingFeature[j]
                    : featureOfLevel.get(j).getOrDefault(c.getString(row), otherFeature[j]);
            values[k] = 1.0;
        }
    }
}
