package org.mlcycle.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * How a Spark column reads as a toolkit column: its Tablesaw type name (what the reports print), whether
 * it is a number, its values with NaN as missing (Tablesaw's missing double is NaN, Spark's is null),
 * and its values as the toolkit's text ({@code 1} not {@code 1.0}).
 */
final class SparkColumns {
    private SparkColumns() {}

    /** The Tablesaw column type a Spark type corresponds to; unknown types read as text. */
    static ColumnType tablesawType(DataType t) {
        if (t instanceof ByteType || t instanceof ShortType) return ColumnType.SHORT;
        if (t instanceof IntegerType) return ColumnType.INTEGER;
        if (t instanceof LongType) return ColumnType.LONG;
        if (t instanceof FloatType) return ColumnType.FLOAT;
        if (t instanceof DoubleType || t instanceof DecimalType) return ColumnType.DOUBLE;
        if (t instanceof BooleanType) return ColumnType.BOOLEAN;
        if (t instanceof DateType) return ColumnType.LOCAL_DATE;
        if (t instanceof TimestampNTZType) return ColumnType.LOCAL_DATE_TIME;
        if (t instanceof TimestampType) return ColumnType.INSTANT;
        return ColumnType.STRING;
    }

    /** The Spark type that reads the same as a Tablesaw column type (for reading a file both ways). */
    static DataType sparkType(ColumnType t) {
        if (t == ColumnType.SHORT) return DataTypes.ShortType;
        if (t == ColumnType.INTEGER) return DataTypes.IntegerType;
        if (t == ColumnType.LONG) return DataTypes.LongType;
        if (t == ColumnType.FLOAT) return DataTypes.FloatType;
        if (t == ColumnType.DOUBLE) return DataTypes.DoubleType;
        if (t == ColumnType.BOOLEAN) return DataTypes.BooleanType;
        if (t == ColumnType.LOCAL_DATE) return DataTypes.DateType;
        if (t == ColumnType.LOCAL_DATE_TIME) return DataTypes.TimestampNTZType;
        if (t == ColumnType.INSTANT) return DataTypes.TimestampType;
        return DataTypes.StringType;
    }

    /** The Spark schema that reads a CSV file into the same column types as {@code table} has. */
    static StructType schemaOf(Table table) {
        List<StructField> fields = new ArrayList<>();
        for (tech.tablesaw.columns.Column<?> c : table.columns()) {
            fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    static boolean numeric(DataType t) {
        return t instanceof ByteType
                || t instanceof ShortType
                || t instanceof IntegerType
                || t instanceof LongType
                || t instanceof FloatType
                || t instanceof DoubleType
                || t instanceof DecimalType;
    }

    /**
     * An empty table with the dataset's column names and types, called {@code name}: the toolkit's own
     * argument checks run on it, so a missing column or a bad spec fails with the same message as on a
     * Table of that name.
     */
    static Table shell(Dataset<Row> ds, String name) {
        Table t = Table.create(name);
        for (StructField f : ds.schema().fields()) {
            t.addColumns(tablesawType(f.dataType()).create(f.name()));
        }
        return t;
    }

    /** A column by name, quoted so dots and spaces in names are taken literally. */
    static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }

    /** The column's values, numbers as doubles with NaN read as missing (null). */
    static Column value(Dataset<Row> ds, String name) {
        DataType t = ds.schema().apply(name).dataType();
        Column c = column(name);
        if (!numeric(t)) return c;
        Column d = c.cast(DataTypes.DoubleType);
        return t instanceof DoubleType || t instanceof FloatType
                ? when(isnan(d), lit(null)).otherwise(d)
                : d;
    }

    /**
     * The values as the toolkit's text: numbers as {@code ValueCounts.text} writes them (whole numbers
     * below 1e15 without a fraction, others as Java's {@code Double.toString}, which Spark's cast to
     * string matches), other values as Spark's cast to string.
     */
    static Column text(Dataset<Row> ds, String name) {
        DataType t = ds.schema().apply(name).dataType();
        Column v = value(ds, name);
        if (!numeric(t)) return v.cast(DataTypes.StringType);
        return when(
                        v.equalTo(org.apache.spark.sql.functions.rint(v))
                                .and(org.apache.spark.sql.functions.abs(v).lt(1e15)),
                        v.cast(DataTypes.LongType).cast(DataTypes.StringType))
                .otherwise(v.cast(DataTypes.StringType));
    }

    /** Whether the dataset's column is a number. */
    static boolean numeric(Dataset<Row> ds, String name) {
        return numeric(ds.schema().apply(name).dataType());
    }

    /** A row count as the reports hold it (an int). */
    static int rows(long n, String who) {
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(who + ": " + n + " rows; the reports count rows as int (at most "
                    + Integer.MAX_VALUE + "): sample or split the Dataset first");
        }
        return (int) n;
    }

    /** A nullable number from a result row (or no row) as a double, null as NaN. */
    static double num(Row r, int i) {
        return r == null || r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
    }

    /** A nullable whole number from a result row (or no row), null as 0. */
    static long whole(Row r, int i) {
        return r == null || r.isNullAt(i) ? 0 : ((Number) r.get(i)).longValue();
    }
}
