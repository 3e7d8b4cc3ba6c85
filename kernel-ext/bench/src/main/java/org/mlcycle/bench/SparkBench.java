package org.mlcycle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mlcycle.spark.SparkDrift;
import org.mlcycle.spark.SparkProfile;
import org.mlcycle.spark.SparkTables;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Source;
import org.mlcycle.toolkit.drift.Drift;
import org.mlcycle.toolkit.drift.DriftOptions;
import org.mlcycle.toolkit.quality.Profile;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The single-machine path against the Spark path (local mode, every core, UI off) on the same generated
 * files: profile of the reference, drift of yesterday against it, from the file read each time. One JSON
 * line per row count: {@code SparkBench [ROWS...]} (default 1000000).
 */
public final class SparkBench {
    private SparkBench() {}

    public static void main(String[] args) throws Exception {
        long[] sizes = args.length == 0
                ? new long[] {1_000_000}
                : java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray();
        int cores = Runtime.getRuntime().availableProcessors();
        SparkSession spark = SparkSession.builder()
                .master("local[*]")
                .appName("mlcycle bench")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", String.valueOf(cores))
                .getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        DriftOptions options = DriftOptions.defaults()
                .withCategorical("query_category", "ad_category", "gender", "age")
                .withIgnored(
                        "row_id",
                        "day",
                        "user_id",
                        "query_id",
                        "ad_id",
                        "advertiser_id",
                        "label_a",
                        "label_b",
                        "weight");
        AdWorld world = AdWorld.standard();
        Path dir = Files.createTempDirectory("mlcycle-spark-bench");
        for (long rows : sizes) {
            Path ref = dir.resolve("ref-" + rows + ".csv"), cur = dir.resolve("cur-" + rows + ".csv");
            Table refTable = world.features(Source.TARGETED, Period.TWO_MONTHS_AGO, Math.toIntExact(rows));
            refTable.write().csv(ref.toFile());
            world.features(Source.TARGETED, Period.YESTERDAY, Math.toIntExact(rows))
                    .write()
                    .csv(cur.toFile());
            var schema = SparkTables.schemaOf(refTable);
            refTable = null;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("bench", "spark");
            out.put("rows", rows);
            out.put("cores", cores);
            out.put("table_profile_s", seconds(() -> Profile.of(read(ref))));
            out.put("table_drift_s", seconds(() -> Drift.between(read(ref), read(cur), options)));
            out.put("spark_profile_s", seconds(() -> SparkProfile.of(csv(spark, schema, ref), "ref")));
            out.put(
                    "spark_drift_s",
                    seconds(() -> SparkDrift.between(
                            csv(spark, schema, ref), "ref", csv(spark, schema, cur), "cur", options)));
            System.out.println(new com.google.gson.Gson().toJson(out));
        }
        spark.stop();
    }

    private static Table read(Path file) {
        return Table.read().usingOptions(CsvReadOptions.builder(file.toFile()));
    }

    private static Dataset<Row> csv(SparkSession spark, org.apache.spark.sql.types.StructType schema, Path file) {
        return spark.read().option("header", "true").schema(schema).csv(file.toString());
    }

    private static double seconds(Supplier<Object> work) {
        long start = System.nanoTime();
        if (work.get() == null) throw new IllegalStateException("bench: no result");
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }
}
