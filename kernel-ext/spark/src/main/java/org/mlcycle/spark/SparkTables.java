package org.mlcycle.spark;

import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.Table;

/** Between Tablesaw and Spark: the Spark schema that reads a file into the column types a table has. */
public final class SparkTables {
    private SparkTables() {}

    /**
     * The schema under which Spark reads a CSV file written from (or read as) {@code table} into the same
     * column names and types, so that the reports and the content hash agree on both sides.
     */
    public static StructType schemaOf(Table table) {
        return SparkColumns.schemaOf(table);
    }
}
