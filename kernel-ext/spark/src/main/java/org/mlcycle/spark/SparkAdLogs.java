package org.mlcycle.spark;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp_ntz;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.mlcycle.toolkit.datasets.AdLogs;

/**
 * The real ad logs {@link AdLogs} reads, read by Spark instead: KDD Cup 2012 Track 2, Criteo and Avazu,
 * with the same column names and types as the tables {@code AdLogs} gives (a file, a folder of files or a
 * glob; {@code .gz} files are read through gzip). As {@code AdLogs} skips nothing silently, these read in
 * Spark's FAILFAST mode: a malformed line fails the first job that parses its fields (Spark reads lazily,
 * and a bare {@code count()} parses none), with Spark's message naming the line's text.
 */
public final class SparkAdLogs {
    private static final String[] KDD = {
        "Click",
        "Impression",
        "DisplayURL",
        "AdID",
        "AdvertiserID",
        "Depth",
        "Position",
        "QueryID",
        "KeywordID",
        "TitleID",
        "DescriptionID",
        "UserID"
    };
    private static final String[] AVAZU_INTS = {
        "click",
        "C1",
        "banner_pos",
        "device_type",
        "device_conn_type",
        "C14",
        "C15",
        "C16",
        "C17",
        "C18",
        "C19",
        "C20",
        "C21"
    };
    private static final List<String> AVAZU = List.of(
            "id",
            "click",
            "hour",
            "C1",
            "banner_pos",
            "site_id",
            "site_domain",
            "site_category",
            "app_id",
            "app_domain",
            "app_category",
            "device_id",
            "device_ip",
            "device_model",
            "device_type",
            "device_conn_type",
            "C14",
            "C15",
            "C16",
            "C17",
            "C18",
            "C19",
            "C20",
            "C21");

    private SparkAdLogs() {}

    /**
     * KDD Cup 2012 Track 2 {@code training.txt}: 12 tab-separated integer fields, no header; DisplayURL, an
     * unsigned 64-bit hash, as a long (the same wrapped value as {@code AdLogs}). A file whose first line has
     * 14 fields is mlcycle's {@code impressions.tsv}, with Day and Policy.
     */
    public static Dataset<Row> kddCup2012(SparkSession spark, String path) {
        List<StructField> fields = new ArrayList<>();
        for (String name : KDD) {
            fields.add(field(
                    name, name.equals("DisplayURL") ? DataTypes.createDecimalType(20, 0) : DataTypes.IntegerType));
        }
        String first = firstLine(spark, path, "kddcup2012");
        if (first != null && first.split("\t", -1).length == KDD.length + 2) {
            fields.add(field("Day", DataTypes.IntegerType));
            fields.add(field("Policy", DataTypes.StringType));
        }
        Dataset<Row> raw = reader(spark, '\t', false)
                .schema(DataTypes.createStructType(fields))
                .csv(path);
        Column url = raw.col("DisplayURL");
        // Long.parseUnsignedLong's value: numbers above 2^63 - 1 wrap around to negative longs
        Column wrapped = when(
                        url.gt(lit(new BigDecimal(Long.MAX_VALUE))),
                        url.minus(lit(new BigDecimal("18446744073709551616"))))
                .otherwise(url)
                .cast(DataTypes.LongType);
        return raw.withColumn("DisplayURL", wrapped);
    }

    /**
     * Criteo display advertising: label, I1..I13 integers, C1..C26 hashed categories as text; tab-separated,
     * no header; empty fields are missing.
     */
    public static Dataset<Row> criteo(SparkSession spark, String path) {
        List<StructField> fields = new ArrayList<>(List.of(field("label", DataTypes.IntegerType)));
        for (int i = 1; i <= 13; i++) fields.add(field("I" + i, DataTypes.IntegerType));
        for (int i = 1; i <= 26; i++) fields.add(field("C" + i, DataTypes.StringType));
        return reader(spark, '\t', false)
                .schema(DataTypes.createStructType(fields))
                .csv(path);
    }

    /**
     * Avazu CTR: CSV with a header, in the header's order (the test file has no {@code click}); {@code hour}
     * (YYMMDDHH) as a date-time without a zone, as the table's; {@code id} as text (it does not fit a long).
     */
    public static Dataset<Row> avazu(SparkSession spark, String path) {
        String header = firstLine(spark, path, "avazu");
        if (header == null) throw new IllegalArgumentException("avazu: " + path + " is empty (expected a header line)");
        List<StructField> fields = new ArrayList<>();
        String[] names = header.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String h = names[i].trim();
            if (!AVAZU.contains(h)) {
                throw new IllegalArgumentException(String.format(
                        "avazu: %s line 1, field %d: unknown column '%s' (expected: %s)",
                        path, i + 1, h, String.join(", ", AVAZU)));
            }
            fields.add(field(h, List.of(AVAZU_INTS).contains(h) ? DataTypes.IntegerType : DataTypes.StringType));
        }
        for (String name : AVAZU) {
            if (!name.equals("click") && fields.stream().noneMatch(f -> f.name().equals(name))) {
                throw new IllegalArgumentException(
                        String.format("avazu: %s line 1: the header has no column '%s'", path, name));
            }
        }
        Dataset<Row> raw = reader(spark, ',', true)
                .schema(DataTypes.createStructType(fields))
                .csv(path);
        return raw.withColumn("hour", to_timestamp_ntz(concat(lit("20"), raw.col("hour")), lit("yyyyMMddHH")));
    }

    private static org.apache.spark.sql.DataFrameReader reader(SparkSession spark, char sep, boolean header) {
        return spark.read()
                .option("sep", String.valueOf(sep))
                .option("header", String.valueOf(header))
                .option("mode", "FAILFAST")
                .option("enforceSchema", "false");
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    /** The file's first line (of the first file of a folder or glob), or null when it is empty. */
    private static String firstLine(SparkSession spark, String path, String who) {
        if (path == null || path.isBlank()) throw new IllegalArgumentException(who + ": the path is empty");
        List<String> first = spark.read().textFile(path).limit(1).collectAsList();
        return first.isEmpty() ? null : first.get(0);
    }
}
