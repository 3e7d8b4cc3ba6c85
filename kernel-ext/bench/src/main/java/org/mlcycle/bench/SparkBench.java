package org.mlcycle.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.mlcycle.spark.SparkChecks;
import org.mlcycle.spark.SparkDrift;
import org.mlcycle.spark.SparkProfile;
import org.mlcycle.spark.SparkTables;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Source;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.io.csv.Csv;
import org.mlcycle.toolkit.quality.CheckReport;
import org.mlcycle.toolkit.quality.Checks;
import org.mlcycle.toolkit.quality.ColumnProfile;
import org.mlcycle.toolkit.quality.Profile;
import org.mlcycle.toolkit.quality.ProfileOptions;
import org.mlcycle.toolkit.quality.ProfileReport;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The single-machine path, the Spark path and Deequ on the same files, in one JVM and one Spark session
 * (local mode, every core, UI off): profile, checks and (for generated data) drift, each from the file read
 * each time, and how far each engine's profile is from the exact values the single-machine path computes.
 * {@code --only} times some of the three tasks (drift needs two files). {@code --repeat N} times the Spark
 * and Deequ runs N times each, taking turns, and reports the median. One JSON line per file.
 */
public final class SparkBench {
    private static final String USAGE = "usage: ./mlcycle bench spark [--rows 1M[,10M,30M]] [--csv FILE [--cur FILE]]"
            + " [--engines table,spark,deequ] [--only profile,checks,drift] [--repeat N]";
    private static final String[] AD_IDS = {
        "row_id", "day", "user_id", "query_id", "ad_id", "advertiser_id", "label_a", "label_b", "weight"
    };

    private SparkBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length)
                fail("'" + args[i] + "' is not an option with a value");
            a.put(args[i].substring(2), args[++i]);
        }
        List<String> engines =
                List.of(a.getOrDefault("engines", "table,spark,deequ").split(","));
        List<String> tasks =
                List.of(a.getOrDefault("only", "profile,checks,drift").split(","));
        int cores = Runtime.getRuntime().availableProcessors();
        int repeat = atLeastOne(a.getOrDefault("repeat", "1"), "--repeat");
        SparkSession spark = SparkSession.builder()
                .master("local[*]")
                .appName("mlcycle bench")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", String.valueOf(cores))
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        if (a.containsKey("csv")) {
            Path ref = Path.of(a.get("csv"));
            Path cur = a.containsKey("cur") ? Path.of(a.get("cur")) : null;
            for (Path p : cur == null ? List.of(ref) : List.of(ref, cur)) {
                if (!Files.isRegularFile(p)) fail("no file '" + p.toAbsolutePath() + "'");
            }
            run(spark, engines, tasks, ref, cur, new String[0], cores, repeat);
        } else {
            Path dir = Files.createTempDirectory("mlcycle-spark-bench");
            AdWorld world = AdWorld.standard();
            for (String size : a.getOrDefault("rows", "1M").split(",")) {
                int rows = rows(size);
                Path ref = dir.resolve("ref-" + rows + ".csv"), cur = dir.resolve("cur-" + rows + ".csv");
                System.err.println("bench spark: writing " + String.format("%,d", rows) + " rows twice to " + dir);
                world.features(Source.TARGETED, Period.TWO_MONTHS_AGO, rows)
                        .write()
                        .csv(ref.toFile());
                world.features(Source.TARGETED, Period.YESTERDAY, rows).write().csv(cur.toFile());
                run(spark, engines, tasks, ref, cur, AD_IDS, cores, repeat);
                Files.delete(ref);
                Files.delete(cur);
            }
        }
        spark.stop();
    }

    private static void run(
            SparkSession spark,
            List<String> engines,
            List<String> tasks,
            Path ref,
            Path cur,
            String[] ignore,
            int cores,
            int repeat) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "spark");
        out.put("csv", ref.toString());
        out.put("cores", cores);
        out.put("heap_gib", Math.round(Runtime.getRuntime().maxMemory() / 1e8 / 1.073741824) / 10.0);
        boolean profile = tasks.contains("profile"), check = tasks.contains("checks");
        boolean drifts = tasks.contains("drift") && cur != null;
        // The single-machine profile is exact: the yardstick for every engine's accuracy, timed or not
        long t0 = System.nanoTime();
        Table table = Csv.read(ref).table();
        out.put("table_read_s", seconds(t0));
        out.put("rows", table.rowCount());
        ProfileOptions po = ProfileOptions.defaults().withIgnored(present(table, ignore));
        t0 = System.nanoTime();
        ProfileReport exact = profile || check ? Profile.of(table, po) : null;
        double tableProfile = seconds(t0);
        Checks checks = exact == null ? null : checksFrom(table, exact);
        if (checks != null) out.put("constraints", checks.constraints().size());
        StructType schema = SparkTables.schemaOf(table);
        if (engines.contains("table")) {
            if (profile) out.put("table_profile_s", tableProfile);
            if (profile) out.put("table_profile_with_read_s", round((double) out.get("table_read_s") + tableProfile));
            if (check)
                out.put("table_checks_s", seconds(() -> checks.run(Csv.read(ref).table())));
        }
        table = null; // the heap is the Spark side's from here on
        DriftOptions drift = DriftOptions.defaults()
                .withCategorical("query_category", "ad_category", "gender", "age")
                .withIgnored(ignore);
        if (drifts && engines.contains("table")) {
            out.put(
                    "table_drift_s",
                    seconds(() ->
                            Drift.between(Csv.read(ref).table(), Csv.read(cur).table(), drift)));
        }
        // warm-up: Spark's code generation and the JIT serve whichever engine runs first; one small run of
        // each on the file's first 10,000 rows keeps the order from deciding the result
        Dataset<Row> head = csv(spark, schema, ref).limit(10_000).cache();
        if (engines.contains("spark") && profile) SparkProfile.of(head, "warm-up", po);
        if (engines.contains("spark") && drifts) SparkDrift.between(head, "warm-up", head, "warm-up", drift);
        if (engines.contains("deequ") && profile) DeequSide.profile(head);
        if (engines.contains("spark") && check) SparkChecks.run(checks, head, "warm-up");
        if (engines.contains("deequ") && check) DeequSide.verify(head, checks.constraints());
        head.unpersist();
        // Spark and Deequ take turns (the first full pass of a run pays for the JIT, so the order swaps each
        // time); "scan" is Spark counting the values of the columns the checks read: what any engine's
        // checks pay to parse them
        ProfileReport[] sparkProfile = new ProfileReport[1];
        Map<String, DeequSide.Column>[] deequProfile = new Map[1];
        int[] deequFailed = new int[1];
        CheckReport[] sparkChecks = new CheckReport[1];
        List<String> kept = new ArrayList<>(List.of(schema.fieldNames()));
        kept.removeAll(List.of(ignore));
        Map<String, Supplier<Object>> work = new LinkedHashMap<>();
        if (engines.contains("spark") && profile) {
            work.put("spark_profile", () -> sparkProfile[0] = SparkProfile.of(csv(spark, schema, ref), "ref", po));
        }
        if (engines.contains("deequ") && profile) {
            work.put(
                    "deequ_profile",
                    () -> deequProfile[0] =
                            DeequSide.profile(csv(spark, schema, ref).selectExpr(quoted(kept))));
        }
        if (engines.contains("spark") && check) {
            work.put("spark_checks", () -> sparkChecks[0] = SparkChecks.run(checks, csv(spark, schema, ref), "ref"));
        }
        if (engines.contains("deequ") && check) {
            work.put(
                    "deequ_checks",
                    () -> deequFailed[0] = DeequSide.verify(csv(spark, schema, ref), checks.constraints()));
        }
        if (check && (engines.contains("spark") || engines.contains("deequ"))) {
            work.put("spark_scan", () -> scan(csv(spark, schema, ref), checks));
        }
        if (engines.contains("spark") && drifts) {
            work.put(
                    "spark_drift",
                    () -> SparkDrift.between(csv(spark, schema, ref), "ref", csv(spark, schema, cur), "cur", drift));
        }
        timeInTurns(out, work, repeat);
        if (sparkProfile[0] != null) {
            out.put("spark_accuracy", accuracy(exact, name -> {
                ColumnProfile p = sparkProfile[0].column(name);
                return new DeequSide.Column(
                        p.distinct(), 1 - (double) p.missing() / p.count(), p.mean(), p.min(), p.max(), p.quantiles());
            }));
        }
        if (deequProfile[0] != null) out.put("deequ_accuracy", accuracy(exact, deequProfile[0]::get));
        if (work.containsKey("spark_checks")) {
            if (sparkChecks[0] != null)
                out.put("spark_checks_failed", sparkChecks[0].failures().size());
        }
        if (work.containsKey("deequ_checks")) out.put("deequ_checks_failed", deequFailed[0]);
        System.out.println(new com.google.gson.GsonBuilder()
                .serializeSpecialFloatingPointValues()
                .create()
                .toJson(out));
    }

    /**
     * The checks a team would write after looking at the profile: the row count, completeness of every
     * column that has no missing value, each number within its seen range, each label among its seen values.
     */
    private static Checks checksFrom(Table table, ProfileReport profile) {
        Checks checks = Checks.named("bench").hasRowCountBetween(profile.rows(), profile.rows());
        for (ColumnProfile c : profile.columns()) {
            if (c.missing() == 0) checks = checks.isComplete(c.name());
            if (c.numeric()) checks = checks.isBetween(c.name(), c.min(), c.max());
            else if (c.distinct() <= 100 && table.column(c.name()) instanceof StringColumn s) {
                checks = checks.isContainedIn(
                        c.name(), new TreeSet<>(s.removeMissing().asSet()));
            }
        }
        return checks;
    }

    /**
     * Runs each piece of work {@code repeat} times, in turns whose order reverses each round, and puts its
     * median time under {@code KEY_s} (and every time under {@code KEY_runs_s} when repeated).
     */
    static void timeInTurns(Map<String, Object> out, Map<String, Supplier<Object>> work, int repeat) {
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(work.keySet());
        for (int r = 0; r < repeat; r++) {
            for (String k : keys) {
                times.computeIfAbsent(k, x -> new ArrayList<>()).add(seconds(work.get(k)));
            }
            java.util.Collections.reverse(keys);
        }
        for (Map.Entry<String, List<Double>> e : times.entrySet()) {
            List<Double> sorted = e.getValue().stream().sorted().toList();
            int n = sorted.size();
            out.put(
                    e.getKey() + "_s",
                    round(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2));
            if (n > 1) out.put(e.getKey() + "_runs_s", e.getValue());
        }
    }

    /** Spark counting the values of every column the checks read: the parsing any engine's checks pay. */
    private static Object scan(Dataset<Row> ds, Checks checks) {
        List<String> read = checks.constraints().stream()
                .map(c -> c.column())
                .filter(c -> c != null && !c.isEmpty())
                .distinct()
                .toList();
        Column[] counts =
                java.util.Arrays.stream(quoted(read)).map(c -> count(col(c))).toArray(Column[]::new);
        return ds.agg(count(lit(1)), counts).first();
    }

    /**
     * How far an engine's profile is from the exact one, worst column first: distinct counts (relative), the
     * mean (relative), min and max, and the quartiles as a share of the column's range; "none" where the
     * engine reported no such value.
     */
    private static Map<String, Object> accuracy(
            ProfileReport exact, java.util.function.Function<String, DeequSide.Column> engine) {
        double distinct = 0, mean = 0, minMax = 0, quantile = Double.NaN;
        for (ColumnProfile c : exact.columns()) {
            DeequSide.Column e = engine.apply(c.name());
            if (e == null) continue;
            distinct = Math.max(distinct, Math.abs(e.distinct() - c.distinct()) / (double) Math.max(1, c.distinct()));
            if (!c.numeric() || c.count() == c.missing()) continue;
            mean = Math.max(mean, Math.abs(e.mean() - c.mean()) / Math.max(1e-12, Math.abs(c.mean())));
            minMax = Math.max(minMax, Math.max(Math.abs(e.min() - c.min()), Math.abs(e.max() - c.max())));
            double range = c.max() - c.min();
            if (e.quantiles().isEmpty() || range == 0) continue;
            // the toolkit reports 5/25/50/75/95%; Deequ's approxPercentiles (when on) are 1..100%
            List<Double> at = List.of(0.25, 0.5, 0.75);
            for (double p : at) {
                double want = c.quantiles().get(Profile.QUANTILES.indexOf(p));
                double got = e.quantiles().size() == Profile.QUANTILES.size()
                        ? e.quantiles().get(Profile.QUANTILES.indexOf(p))
                        : e.quantiles().get((int) Math.round(p * e.quantiles().size()) - 1);
                double err = Math.abs(got - want) / range;
                quantile = Double.isNaN(quantile) ? err : Math.max(quantile, err);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("distinct_rel_err_max", round6(distinct));
        out.put("mean_rel_err_max", round6(mean));
        out.put("min_max_abs_err_max", round6(minMax));
        out.put("quartile_err_of_range_max", Double.isNaN(quantile) ? "none" : round6(quantile));
        return out;
    }

    private static String[] present(Table table, String[] names) {
        return java.util.Arrays.stream(names).filter(table::containsColumn).toArray(String[]::new);
    }

    private static String[] quoted(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").toArray(String[]::new);
    }

    private static Dataset<Row> csv(SparkSession spark, StructType schema, Path file) {
        return spark.read().option("header", "true").schema(schema).csv(file.toString());
    }

    static int rows(String size) {
        String s = size.trim().toUpperCase(java.util.Locale.ROOT);
        long scale = s.endsWith("M") ? 1_000_000 : s.endsWith("K") ? 1_000 : 1;
        try {
            long n = Math.round(Double.parseDouble(scale == 1 ? s : s.substring(0, s.length() - 1)) * scale);
            if (n < 1 || n > Integer.MAX_VALUE) fail("--rows " + size + ": out of range");
            return (int) n;
        } catch (NumberFormatException e) {
            fail("--rows takes counts like 1M,10M or 200000, got '" + size + "'");
            return 0;
        }
    }

    private static int atLeastOne(String value, String option) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // told below
        }
        fail(option + " takes a whole number of at least 1, got '" + value + "'");
        return 0;
    }

    private static void fail(String message) {
        System.err.println("bench spark: " + message + "\n" + USAGE);
        System.exit(2);
    }

    private static double seconds(long start) {
        return round((System.nanoTime() - start) / 1e9);
    }

    private static double seconds(Supplier<Object> work) {
        long start = System.nanoTime();
        if (work.get() == null) throw new IllegalStateException("bench: no result");
        return seconds(start);
    }

    private static double round(double s) {
        return Math.round(s * 100) / 100.0;
    }

    private static double round6(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", v));
    }
}
