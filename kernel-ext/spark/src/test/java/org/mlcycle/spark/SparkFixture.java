package org.mlcycle.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mlcycle.toolkit.datasets.AdWorld;
import org.mlcycle.toolkit.datasets.Period;
import org.mlcycle.toolkit.datasets.Source;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * One local Spark session for all the module's tests (local[2], UI off, two shuffle partitions), and
 * generated ad logs written to CSV files that are read both ways: into a Tablesaw table and into a
 * Spark Dataset with the same column types.
 */
final class SparkFixture {
    static final SparkSession SPARK = SparkSession.builder()
            .master("local[2]")
            .appName("mlcycle-spark-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.sql.adaptive.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("mlcycle-spark");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SPARK.sparkContext().setLogLevel("WARN");
        Runtime.getRuntime().addShutdownHook(new Thread(SPARK::stop));
    }

    /** A file read both ways. */
    record Both(Path file, Table table, Dataset<Row> dataset) {}

    private static final AdWorld WORLD = AdWorld.standard();
    /** 20,000 generated rows, then 300 of them again (whole-row duplicates), every 37th kw_match missing. */
    static final Both OLD =
            write("two_months_ago", withProblems(WORLD.candidates(Source.RANDOM, Period.TWO_MONTHS_AGO, 20_000)));

    static final Both NEW = write("yesterday", WORLD.candidates(Source.TARGETED, Period.YESTERDAY, 15_000));

    private SparkFixture() {}

    private static Table withProblems(Table t) {
        Table out = t.copy().append(t.first(300));
        var kw = out.stringColumn("kw_match");
        for (int i = 0; i < out.rowCount(); i += 37) {
            kw.setMissing(i);
        }
        return out;
    }

    /** Writes {@code t} as CSV and reads it back as a table and as a Dataset. */
    static Both write(String name, Table t) {
        Path file = DIR.resolve(name + ".csv");
        t.write().csv(file.toFile());
        Table table =
                Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).tableName(name));
        Dataset<Row> ds = SPARK.read()
                .option("header", "true")
                .schema(SparkColumns.schemaOf(table))
                .csv(file.toString());
        return new Both(file, table, ds);
    }
}
