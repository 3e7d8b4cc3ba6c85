/**
 * The toolkit's data checks where the data lives: {@link org.mlcycle.spark.SparkProfile},
 * {@link org.mlcycle.spark.SparkChecks}, {@link org.mlcycle.spark.SparkSchema} and
 * {@link org.mlcycle.spark.SparkDrift} take a Spark {@code Dataset<Row>} and a name for it, and return
 * the same {@code ProfileReport}, {@code CheckReport}, {@code SchemaReport} and {@code DriftReport} as
 * the Tablesaw path, so a notebook renders them the same way and a journal stores them the same way.
 *
 * <p>Spark types read as Tablesaw types (int as INTEGER, double as DOUBLE, string as STRING, date as
 * LOCAL_DATE, ...); a number's NaN counts as missing, as on a table. Statistics are computed by Spark
 * aggregations; only summaries reach the driver, except the value counts of columns compared as
 * categories in drift, which come back whole (as a table holds them), and in drift those of number columns
 * with at most {@link org.mlcycle.spark.Approx#EXACT_VALUES} distinct values. What is approximate, and by how
 * much, is in {@link org.mlcycle.spark.Approx}; everything else is exact. Reports count rows as an
 * int, so a Dataset of more than 2^31 - 1 rows is refused with a message.
 *
 * <p>Running on Java 17 needs the JDK opens Spark lists (see this module's surefire argLine).
 */
package org.mlcycle.spark;
