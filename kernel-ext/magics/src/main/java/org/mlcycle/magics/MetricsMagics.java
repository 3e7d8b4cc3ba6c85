package org.mlcycle.magics;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs.KeywordSpec;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.mlcycle.toolkit.bridge.Features;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.metrics.Metrics;
import org.mlcycle.toolkit.metrics.MetricsOptions;
import org.mlcycle.toolkit.metrics.TimeWindows;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.Table;

/**
 * The evaluation magics: {@code %metrics} on a table that already holds probabilities, and
 * {@code %evaluate} that scores a table with a serving model first; either as a whole or window by
 * window of a time column. Thin: parse the arguments, call {@link Metrics} or {@link TimeWindows},
 * return the report.
 */
public final class MetricsMagics {
    static final String METRICS_USAGE = "%metrics TABLE LABEL PROBABILITY [--threshold 0.5] [--positive 1]"
            + " [--bins 10] [--by TIME [--days 1]]  — PROBABILITY holds the positive class's probability;"
            + " --by evaluates each window of TIME apart";
    static final String EVALUATE_USAGE = "%evaluate MODEL TABLE [--threshold 0.5] [--positive 1] [--bins 10]"
            + " [--by TIME [--days 1]]  — MODEL a ServingModel; TABLE holds its label column";

    private static final Usage METRICS = new Usage(
            METRICS_USAGE,
            options(MagicsArgs.builder().required("table").required("label").required("probability")));
    private static final Usage EVALUATE = new Usage(
            EVALUATE_USAGE, options(MagicsArgs.builder().required("model").required("table")));

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

    /** Registers {@code %metrics} and {@code %evaluate}. */
    public static void register(MagicsRegistry registry, Function<BaseKernel, Notebook> notebooks) {
        registry.registerLineMagic("metrics", (BaseKernel k, List<String> a) -> metrics(notebooks.apply(k), a));
        registry.registerLineMagic("evaluate", (BaseKernel k, List<String> a) -> evaluate(notebooks.apply(k), a));
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

    /** {@code %evaluate model yesterday}: scores the table with the model's own features, then evaluates. */
    static Object evaluate(Notebook nb, List<String> args) {
        Map<String, List<String>> a = EVALUATE.parse(args);
        ServingModel model = Variables.of(nb, a.get("model").get(0), ServingModel.class, "a ServingModel");
        Table scored = model.predict(Variables.table(nb, a.get("table").get(0)));
        String positive = Usage.one(a, "positive", MetricsOptions.defaults().positive());
        return nb.result(evaluate(EVALUATE, a, scored, model.spec().label(), Features.PROBABILITY_PREFIX + positive));
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
