package org.mlcycle.toolkit.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.support.Require;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Table to Tribuo and back through a {@link FeatureSpec}: labelled datasets for training, examples
 * for serving, and predictions as new table columns. Every example carries its table row in the
 * metadata key {@value #ROW}, which Tribuo keeps through training, cross-validation and prediction.
 */
public final class Features {
    private Features() {}

    /** Example metadata key holding the example's row index in the source table. */
    public static final String ROW = "row";

    /** Column name prefix of predicted class probabilities: {@code p_<class>}. */
    public static final String PROBABILITY_PREFIX = "p_";

    /** Name of the predicted-class column. */
    public static final String PREDICTION = "prediction";

    static final LabelFactory LABELS = new LabelFactory();

    /** A labelled dataset of every row of {@code table}. */
    public static MutableDataset<Label> dataset(Table table, FeatureSpec spec) {
        Require.table(table, "features", "training");
        return dataset(table, FeatureSpec.allRows(table.rowCount()), spec);
    }

    /** A labelled dataset of the given rows of {@code table}, in that order. */
    public static MutableDataset<Label> dataset(Table table, int[] rows, FeatureSpec spec) {
        Require.table(table, "features", "training");
        Column<?> label = Require.column(table, spec.label(), "features");
        for (int r : rows) {
            if (LabelColumn.isMissing(label, r)) {
                throw new IllegalArgumentException(String.format(
                        "features: label '%s' is missing in row %d of table '%s'", spec.label(), r, table.name()));
            }
        }
        String[] given = new String[table.rowCount()];
        Map<Object, String> text = new HashMap<>();
        for (int r : rows) {
            final int row = r;
            given[r] = text.computeIfAbsent(label.get(r), v -> label.getString(row)); // DecimalFormat once per value
        }
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance(
                        "mlcycle table '" + table.name() + "', feature spec "
                                + spec.contentHash().substring(0, 12),
                        LABELS),
                LABELS);
        Map<String, Label> labels = new HashMap<>();
        Encoder e = spec.encoder(table);
        for (int r : rows) {
            Label y = labels.computeIfAbsent(given[r], Label::new);
            data.add(example(e, r, y));
        }
        return data;
    }

    /** Unlabelled examples of every row of {@code table} for serving; the table needs no label column. */
    public static List<Example<Label>> examples(Table table, FeatureSpec spec) {
        Require.table(table, "features", "served");
        return examples(table, FeatureSpec.allRows(table.rowCount()), spec);
    }

    /** Unlabelled examples of the given rows, in that order. */
    public static List<Example<Label>> examples(Table table, int[] rows, FeatureSpec spec) {
        Encoder e = spec.encoder(table);
        List<Example<Label>> out = new ArrayList<>(rows.length);
        for (int r : rows) out.add(example(e, r, LabelFactory.UNKNOWN_LABEL));
        return out;
    }

    private static Example<Label> example(Encoder e, int row, Label y) {
        String[] names = new String[e.size()];
        double[] values = new double[e.size()];
        e.encode(row, names, values);
        Map<String, Object> meta = new HashMap<>(2);
        meta.put(ROW, row);
        return new ArrayExample<>(y, names, values, meta);
    }

    /** The table row an example (or a prediction's example) came from. */
    public static int row(Example<?> example) {
        Object v = example.getMetadataValue(ROW)
                .orElseThrow(() -> new IllegalArgumentException(
                        "features: the example has no '" + ROW + "' metadata; was it made by Features?"));
        return (Integer) v;
    }

    /**
     * Scores every row of {@code table} and returns a copy of it with a {@value #PREDICTION} column and
     * one {@code p_<class>} column per class the model knows (sorted by class name).
     */
    public static Table predict(Model<Label> model, FeatureSpec spec, Table table) {
        Require.table(table, "predict", "scored");
        Require.that(
                model.generatesProbabilities(),
                "predict",
                "model %s does not produce probabilities",
                model.getClass().getSimpleName());
        List<Prediction<Label>> predictions = model.predict(examples(table, spec));
        List<String> classes = new ArrayList<>();
        for (Label l : model.getOutputIDInfo().getDomain()) classes.add(l.getLabel());
        classes.sort(null);
        StringColumn predicted = StringColumn.create(PREDICTION, table.rowCount());
        List<DoubleColumn> probs = new ArrayList<>();
        for (String c : classes) probs.add(DoubleColumn.create(PROBABILITY_PREFIX + c, table.rowCount()));
        for (Prediction<Label> p : predictions) {
            int r = row(p.getExample());
            predicted.set(r, p.getOutput().getLabel());
            Map<String, Label> scores = p.getOutputScores();
            for (int k = 0; k < classes.size(); k++) {
                Label s = scores.get(classes.get(k));
                probs.get(k).set(r, s == null ? 0.0 : s.getScore());
            }
        }
        Table out = table.copy();
        out.setName(table.name() + " (scored)");
        List<String> added = new ArrayList<>(List.of(PREDICTION));
        for (DoubleColumn c : probs) added.add(c.name());
        for (String name : added) {
            Require.that(
                    !out.containsColumn(name),
                    "predict",
                    "table '%s' already has a column '%s'; drop it before scoring",
                    table.name(),
                    name);
        }
        out.addColumns(predicted);
        for (DoubleColumn c : probs) out.addColumns(c);
        return out;
    }
}
