package org.mlcycle.bench;

import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.bridge.FeatureOptions;
import org.mlcycle.toolkit.bridge.OutOfFold;
import org.mlcycle.toolkit.bridge.OutOfFoldProbabilities;
import org.mlcycle.toolkit.bridge.TribuoLogging;
import org.mlcycle.toolkit.labels.*;
import org.mlcycle.toolkit.metrics.Metrics;
import org.mlcycle.toolkit.report.Json;
import org.mlcycle.toolkit.split.Folds;
import org.mlcycle.toolkit.split.Splits;
import org.mlcycle.toolkit.support.Require;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The Java side of {@code bench_cv_cl.py}: stratified k-fold out-of-fold probabilities from Tribuo's
 * linear SGD logistic regression (AdaGrad, 5 epochs: the analogue of the script's {@code --model sgd5}), then
 * confident learning, on the first {@code --rows} rows of a CSV written by {@code gen_ads_csv.py}.
 * Prints one JSON line in the script's shape. The CSV read is timed apart; each stage is run
 * {@code --warmup} times untimed, then {@code --repeat} times, and min and median are reported.
 * {@code --reference FILE} embeds the Python script's JSON lines for a side-by-side reading.
 *
 * <pre>java -cp ... org.mlcycle.bench.CvClBench --csv ads.csv --rows 200000 [--folds 5] [--seed 0]
 *     [--repeat 3] [--warmup 1] [--threads 1] [--trainer sgd|liblinear] [--epochs 5] [--minibatch 1] [--rate 0.05]
 *     [--solver L2R_LR] [--eps 0.01]
 *     [--reference py.jsonl]</pre>
 * The defaults are {@link LabelIssueOptions#logisticRegression()}; {@code --rate 1.0} gives Tribuo's own
 * {@code LogisticRegressionTrainer}; {@code --threads} trains folds in parallel
 * (the script's {@code --jobs}).
 */
public final class CvClBench {
    private CvClBench() {}

    public static void main(String[] argv) throws IOException {
        Map<String, String> a = parse(argv);
        Path csv = Path.of(require(a, "csv"));
        int rows = Integer.parseInt(a.getOrDefault("rows", "200000"));
        int folds = Integer.parseInt(a.getOrDefault("folds", "5"));
        long seed = Long.parseLong(a.getOrDefault("seed", "0"));
        int repeat = Integer.parseInt(a.getOrDefault("repeat", "3"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "1"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "5"));
        int minibatch = Integer.parseInt(a.getOrDefault("minibatch", "1"));
        double rate = Double.parseDouble(a.getOrDefault("rate", "0.05"));
        String trainerName = a.getOrDefault("trainer", "sgd");
        double eps = Double.parseDouble(a.getOrDefault("eps", "0.01"));
        String solver = a.getOrDefault("solver", "L2R_LR");
        Require.that(
                trainerName.equals("sgd") || trainerName.equals("liblinear"),
                "cv_cl bench",
                "--trainer is sgd or liblinear, not '%s'",
                trainerName);
        // sgd: LabelIssueOptions.logisticRegression() (--rate 1.0 gives Tribuo's LogisticRegressionTrainer);
        // liblinear: L2-regularised logistic regression solved in batch, like scikit-learn's lbfgs
        Trainer<Label> trainer = trainerName.equals("liblinear")
                ? new LibLinearClassificationTrainer(
                        new LinearClassificationType(LinearClassificationType.LinearType.valueOf(solver)),
                        1.0,
                        1000,
                        eps)
                : new LinearSGDTrainer(
                        new LogMulticlass(),
                        new AdaGrad(rate, 0.1),
                        epochs,
                        Integer.MAX_VALUE,
                        minibatch,
                        Trainer.DEFAULT_SEED);
        TribuoLogging.quiet();

        Path schemaFile = schemaPath(csv, a.get("schema"));
        BenchSchema schema = BenchSchema.read(schemaFile);
        List<String> numeric = schema.numeric();
        List<String> categorical = schema.categorical();
        String label = schema.requireLabel(schemaFile);

        long t0 = System.nanoTime();
        Table table = read(csv, rows, numeric, categorical, label);
        double readS = (System.nanoTime() - t0) / 1e9;

        FeatureOptions features = FeatureOptions.of(label, numeric, categorical);
        List<Double> cvRuns = new ArrayList<>(), clRuns = new ArrayList<>(), cvCpu = new ArrayList<>();
        OutOfFoldProbabilities oof = null;
        LabelIssueReport report = null;
        for (int run = 0; run < warmup + repeat; run++) {
            long c0 = processCpuNanos();
            long s0 = System.nanoTime();
            Folds f = Splits.stratifiedKFold(table, label, folds, seed);
            oof = OutOfFold.probabilities(table, features, f, trainer, threads);
            long s1 = System.nanoTime();
            long c1 = processCpuNanos();
            report = LabelIssues.find(oof);
            long s2 = System.nanoTime();
            if (run >= warmup) {
                cvRuns.add((s1 - s0) / 1e9);
                clRuns.add((s2 - s1) / 1e9);
                cvCpu.add((c1 - c0) / 1e9);
            }
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", "cv_cl");
        out.put("csv", csv.toString());
        out.put("rows", table.rowCount());
        out.put("folds", folds);
        out.put(
                "model",
                trainerName.equals("liblinear")
                        ? String.format(
                                Locale.ROOT, "tribuo LibLinearClassificationTrainer(%s, C 1.0, eps %s)", solver, eps)
                        : String.format(
                                Locale.ROOT,
                                "tribuo LinearSGDTrainer(LogMulticlass, AdaGrad(%s, 0.1), %d epochs, minibatch %d)%s",
                                rate,
                                epochs,
                                minibatch,
                                rate == 1.0 && epochs == 5 && minibatch == 1 ? " = LogisticRegressionTrainer" : ""));
        out.put("jobs", threads);
        out.put("read_s", round(readS));
        out.put("cv", times(cvRuns, warmup));
        out.put("cl", times(clRuns, warmup));
        // CPU seconds of the whole process (all threads, GC and JIT included) during "cv": on a shared
        // machine a steadier measure of the work than wall time
        out.put("cv_process_cpu", times(cvCpu, warmup));
        out.put("total_s", round(readS + median(cvRuns) + median(clRuns)));
        out.put("env", env());
        out.put("result", result(table, oof, report));
        if (a.containsKey("reference")) {
            out.put(
                    "reference",
                    Files.readAllLines(Path.of(a.get("reference"))).stream()
                            .filter(l -> l.startsWith("{"))
                            .map(JsonParser::parseString)
                            .toList());
        }
        System.out.println(Json.compact(out));
    }

    private static Map<String, Object> result(Table table, OutOfFoldProbabilities oof, LabelIssueReport report) {
        int pos = oof.positiveIndex();
        boolean[] actual = new boolean[oof.rows()];
        int[] y = oof.labels();
        long[] counts = new long[oof.classes().size()];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = y[i] == pos;
            counts[y[i]]++;
        }
        double[] p = oof.probabilitiesOf(pos);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("classes", oof.classes());
        r.put("class_counts", Arrays.stream(counts).boxed().toList());
        r.put("oof_roc_auc", Metrics.rocAuc(actual, p));
        r.put("oof_average_precision", Metrics.averagePrecision(actual, p));
        r.put("oof_log_loss", Metrics.logLoss(y, oof.probabilities()));
        r.put("oof_brier", Metrics.brier(actual, clip01(p)));
        Map<String, Object> rec = report.toRecord();
        r.put("thresholds", rec.get("thresholds"));
        r.put("confident_joint", rec.get("confident_joint"));
        r.put("flagged", report.issues().size());
        r.put(
                "first_ranked_rows",
                Arrays.stream(report.flaggedRows()).limit(20).boxed().toList());
        if (table.containsColumn("_flipped")) {
            DetectionScore s = report.score(table, "_flipped");
            r.put("true_flipped", s.trulyWrong());
            r.put("precision", s.precision());
            r.put("recall", s.recall());
        }
        return r;
    }

    private static double[] clip01(double[] p) {
        double[] c = p.clone();
        for (int i = 0; i < c.length; i++) c[i] = Math.min(1, Math.max(0, c[i]));
        return c;
    }

    /** Reads the header and the first {@code rows} data lines with the schema's types; "" is the only missing token. */
    static Table read(Path csv, int rows, List<String> numeric, List<String> categorical, String label)
            throws IOException {
        StringBuilder head = new StringBuilder();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i <= rows && (line = in.readLine()) != null; i++)
                head.append(line).append('\n');
        }
        Map<String, ColumnType> types = new HashMap<>();
        for (String c : numeric) types.put(c, ColumnType.DOUBLE);
        for (String c : categorical) types.put(c, ColumnType.STRING);
        types.put(label, ColumnType.INTEGER);
        CsvReadOptions options = CsvReadOptions.builder(new StringReader(head.toString()))
                .tableName(csv.getFileName().toString())
                .columnTypes(name -> types.getOrDefault(name, ColumnType.INTEGER))
                .missingValueIndicator("")
                .build();
        return Table.read().usingOptions(options);
    }

    private static Map<String, Object> times(List<Double> runs, int warmup) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs_s", runs.stream().map(CvClBench::round).toList());
        m.put(
                "min_s",
                round(runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
        m.put("median_s", round(median(runs)));
        m.put("warmup_runs", warmup);
        return m;
    }

    private static double median(List<Double> runs) {
        double[] s = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static Map<String, Object> env() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.version"));
        m.put("vm", System.getProperty("java.vm.name"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return m;
    }

    private static Path schemaPath(Path csv, String given) {
        if (given != null) return Path.of(given);
        String name = csv.toString();
        return Path.of((name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name) + ".schema.json");
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("cv_cl bench: expected --name value pairs, got '" + argv[i] + "'");
            }
            a.put(argv[i].substring(2), argv[++i]);
        }
        return a;
    }

    private static String require(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) throw new IllegalArgumentException("cv_cl bench: --" + key + " is required");
        return v;
    }
}
