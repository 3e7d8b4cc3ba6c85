package org.mlcycle.magics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs.KeywordSpec;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.toolkit.bridge.Features;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.metrics.Curves;
import org.mlcycle.toolkit.metrics.Metrics;
import org.mlcycle.toolkit.metrics.MetricsOptions;
import org.mlcycle.toolkit.metrics.Multiclass;
import org.mlcycle.toolkit.metrics.TimeWindows;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The evaluation magics: {@code %metrics} on a table that already holds probabilities,
 * {@code %evaluate} that scores a table with a serving model first (as a whole, window by window of a
 * time column, or as plots), and {@code %curves} that plots several models on the same rows. Thin:
 * parse the arguments, call {@link Metrics}, {@link TimeWindows} or {@link Curves}, return the report.
 */
public final class MetricsMagics {
    static final String METRICS_USAGE = "%metrics TABLE LABEL PROBABILITY [--threshold 0.5] [--positive 1]"
            + " [--bins 10] [--by TIME [--days 1]]  — PROBABILITY holds the positive class's probability;"
            + " --by evaluates each window of TIME apart";
    static final String EVALUATE_USAGE = "%evaluate MODEL TABLE [--threshold 0.5] [--positive 1] [--bins 10]"
            + " [--by TIME [--days 1] | --plots]  — MODEL a ServingModel; TABLE holds its label column;"
            + " --plots draws ROC, precision-recall, reliability, gains and confusion; a model of more than two"
            + " classes gets the multiclass report (per class precision, recall, F1, confusion matrix, log-loss)";
    static final String CURVES_USAGE = "%curves TABLE MODEL [MODEL...] [--label LABEL] [--threshold 0.5]"
            + " [--positive 1] [--bins 10]  — each MODEL a ServingModel variable (scored on TABLE) or a"
            + " probability column of TABLE; LABEL defaults to the first ServingModel's label";

    private static final Usage METRICS = new Usage(
            METRICS_USAGE,
            options(MagicsArgs.builder().required("table").required("label").required("probability")));
    private static final Usage EVALUATE = new Usage(
            EVALUATE_USAGE,
            options(MagicsArgs.builder().required("model").required("table").keyword("plots", KeywordSpec.REPLACE)),
            Set.of("plots"));
    private static final Usage CURVES = new Usage(
            CURVES_USAGE,
            options(MagicsArgs.builder()
                    .required("table")
                    .required("model")
                    .varargs("models")
                    .keyword("label", KeywordSpec.REPLACE)));

    private MetricsMagics() {}

    private static MagicsArgs options(MagicsArgs.MagicsArgsBuilder builder) {
        return builder.keyword("threshold", KeywordSpec.REPLACE)
                .keyword("by", KeywordSpec.REPLACE)
                .keyword("days", KeywordSpec.REPLACE)
                .keyword("positive", KeywordSpec.REPLACE)
                .keyword("bins", KeywordSpec.REPLACE)
                .onlyKnownKeywords()
                .onlyKnownFlags()
                .build();
    }

    /** Registers {@code %metrics}, {@code %evaluate} and {@code %curves}. */
    static void register(MagicSet magics) {
        magics.line(MagicSpec.line("metrics", 3, METRICS_USAGE), MetricsMagics::metrics);
        magics.line(MagicSpec.line("evaluate", 2, EVALUATE_USAGE), MetricsMagics::evaluate);
        magics.line(MagicSpec.line("curves", 2, CURVES_USAGE), MetricsMagics::curves);
    }

    /**
     * {@code %metrics scored clicked p_1}: precision, recall, AUCs, log-loss, Brier, calibration;
     * with {@code --by day --days 7}, the same for each week of {@code day}.
     */
    static Object metrics(Notebook nb, List<String> args) {
        Map<String, List<String>> a = METRICS.parse(args);
        Table table = Variables.table(nb, a.get("table").get(0));
        return nb.result(evaluate(
                METRICS, a, table, a.get("label").get(0), a.get("probability").get(0)));
    }

    /**
     * {@code %evaluate model yesterday}: scores the table with the model's own features, then
     * evaluates; with {@code --plots}, draws every model-quality chart instead.
     */
    static Object evaluate(Notebook nb, List<String> args) {
        Map<String, List<String>> a = EVALUATE.parse(args);
        String name = a.get("model").get(0);
        ServingModel model = Variables.of(nb, name, ServingModel.class, "a ServingModel");
        Table scored = model.predict(Variables.table(nb, a.get("table").get(0)));
        if (model.model().getOutputIDInfo().size() > 2) {
            // one class against the rest would hide every other class's errors: report them all
            if (Usage.has(a, "plots") || Usage.has(a, "by") || Usage.has(a, "positive") || Usage.has(a, "threshold")) {
                throw EVALUATE.fail(
                        "'" + name + "' has " + model.model().getOutputIDInfo().size()
                                + " classes: its report covers every class; --plots, --by, --positive and --threshold"
                                + " are for two-class models");
            }
            return nb.result(
                    Multiclass.of(scored, model.spec().label(), Features.PREDICTION, Features.PROBABILITY_PREFIX));
        }
        String probability = probabilityColumn(a);
        if (Usage.has(a, "plots")) {
            if (Usage.has(a, "by") || Usage.has(a, "days")) {
                throw EVALUATE.fail("--plots draws the whole table; leave out --by and --days");
            }
            return nb.result(
                    Curves.compare(scored, model.spec().label(), Map.of(name, probability), options(EVALUATE, a)));
        }
        return nb.result(evaluate(EVALUATE, a, scored, model.spec().label(), probability));
    }

    /**
     * {@code %curves test logistic trees}: every model-quality chart with the models side by side.
     * A MODEL naming a column of TABLE is taken as already scored; any other names a ServingModel,
     * which scores TABLE with its own features.
     */
    static Object curves(Notebook nb, List<String> args) {
        Map<String, List<String>> a = CURVES.parse(args);
        Table table = Variables.table(nb, a.get("table").get(0));
        List<String> models = new ArrayList<>(a.get("model"));
        models.addAll(a.getOrDefault("models", List.of()));
        String label = Usage.one(a, "label", null);
        Table scored = Table.create(table.name());
        Map<String, String> columns = new LinkedHashMap<>();
        for (String name : models) {
            if (columns.containsKey(name)) throw CURVES.fail("'" + name + "' is named twice");
            Column<?> probability;
            if (table.containsColumn(name)) {
                probability = table.column(name);
            } else {
                ServingModel model = Variables.of(
                        nb, name, ServingModel.class, "a ServingModel, nor a column of '" + table.name() + "'");
                probability = model.predict(table).column(probabilityColumn(a));
                if (label == null) label = model.spec().label();
            }
            scored.addColumns(probability.copy().setName(name));
            columns.put(name, name);
        }
        if (label == null) throw CURVES.fail("--label LABEL is needed when no MODEL is a ServingModel");
        if (columns.containsKey(label)) throw CURVES.fail("'" + label + "' is the label column, not a model");
        if (!table.containsColumn(label)) {
            throw new IllegalArgumentException(String.format(
                    "no label column '%s' in table '%s' (has: %s)",
                    label, table.name(), String.join(", ", table.columnNames())));
        }
        scored.addColumns(table.column(label).copy());
        return nb.result(Curves.compare(scored, label, columns, options(CURVES, a)));
    }

    /** The column a ServingModel writes the positive class's probability to. */
    private static String probabilityColumn(Map<String, List<String>> a) {
        return Features.PROBABILITY_PREFIX
                + Usage.one(a, "positive", MetricsOptions.defaults().positive());
    }

    /** The whole table, or with {@code --by TIME} each window of {@code --days} days apart. */
    private static Rendered evaluate(
            Usage usage, Map<String, List<String>> a, Table table, String label, String probability) {
        MetricsOptions options = options(usage, a);
        String time = Usage.one(a, "by", null);
        if (time == null) {
            if (Usage.has(a, "days")) {
                throw usage.fail("--days needs --by TIME");
            }
            return Metrics.binary(table, label, probability, options);
        }
        return TimeWindows.evaluate(table, time, label, probability, usage.wholeNumber(a, "days", 1), options);
    }

    private static MetricsOptions options(Usage usage, Map<String, List<String>> a) {
        MetricsOptions d = MetricsOptions.defaults();
        return d.withThreshold(usage.number(a, "threshold", d.threshold()))
                .withPositive(Usage.one(a, "positive", d.positive()))
                .withCalibrationBins(usage.wholeNumber(a, "bins", d.calibrationBins()));
    }
}
