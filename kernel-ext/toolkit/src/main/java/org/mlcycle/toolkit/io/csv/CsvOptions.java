package org.mlcycle.toolkit.io.csv;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.ColumnType;

/**
 * How {@link Csv#read} reads a file. Defaults: comma separator; only the empty field means missing
 * (so a country code "NA" stays a value); types inferred from the first 1,000 well-formed rows;
 * up to 1,000 quarantined rows kept with their text (all of them are counted); the first line is
 * the header; every row is read.
 *
 * @param separator the field separator
 * @param missingTokens the exact field texts read as missing
 * @param types explicit column types by column name; other columns are inferred
 * @param sampleRows rows looked at to infer types
 * @param keepRejected quarantined rows kept with their text; the rest are only counted
 * @param columnNames the column names of a file without a header line; empty: the first line is the header
 * @param maxRows rows read into the table at most (the rest of the file is not read)
 */
@CheckReturnValue
public record CsvOptions(
        char separator,
        Set<String> missingTokens,
        Map<String, ColumnType> types,
        int sampleRows,
        int keepRejected,
        List<String> columnNames,
        long maxRows) {

    /** Field texts that often mean "missing" in someone's export; reported when they were kept as values. */
    static final List<String> SUSPECT_TOKENS =
            List.of("NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "None", "#N/A", "?", "-");

    /** Types the reader can produce. */
    static final Set<ColumnType> SUPPORTED = Set.of(
            ColumnType.DOUBLE,
            ColumnType.INTEGER,
            ColumnType.LONG,
            ColumnType.STRING,
            ColumnType.BOOLEAN,
            ColumnType.LOCAL_DATE,
            ColumnType.LOCAL_DATE_TIME);

    public CsvOptions {
        missingTokens = Set.copyOf(Objects.requireNonNull(missingTokens, "missingTokens"));
        types = Map.copyOf(Objects.requireNonNull(types, "types"));
        columnNames = List.copyOf(Objects.requireNonNull(columnNames, "columnNames"));
        if (maxRows < 0) {
            throw new IllegalArgumentException("csv: maxRows must be 0 or more, got " + maxRows);
        }
        if (sampleRows < 1) {
            throw new IllegalArgumentException("csv: sampleRows must be at least 1, got " + sampleRows);
        }
        if (keepRejected < 0) {
            throw new IllegalArgumentException("csv: keepRejected must be 0 or more, got " + keepRejected);
        }
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            if (!SUPPORTED.contains(e.getValue())) {
                throw new IllegalArgumentException("csv: column '" + e.getKey() + "' asks for type "
                        + e.getValue().name() + "; supported: DOUBLE, INTEGER, LONG, STRING, BOOLEAN, LOCAL_DATE,"
                        + " LOCAL_DATE_TIME");
            }
        }
    }

    /** Comma-separated, "" as the only missing token, inferred types. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', Set.of(""), Map.of(), 1000, 1000, List.of(), Long.MAX_VALUE);
    }

    /** The same options with other missing tokens, e.g. {@code withMissingTokens("", "NA")}. */
    public CsvOptions withMissingTokens(String... tokens) {
        return new CsvOptions(separator, Set.of(tokens), types, sampleRows, keepRejected, columnNames, maxRows);
    }

    /** The same options with one column's type fixed. */
    public CsvOptions withType(String column, ColumnType type) {
        Map<String, ColumnType> t = new LinkedHashMap<>(types);
        t.put(column, type);
        return new CsvOptions(separator, missingTokens, t, sampleRows, keepRejected, columnNames, maxRows);
    }

    /** The same options with another number of rows looked at to infer types. */
    public CsvOptions withSampleRows(int sampleRows) {
        return new CsvOptions(separator, missingTokens, types, sampleRows, keepRejected, columnNames, maxRows);
    }

    /** The same options with another separator. */
    public CsvOptions withSeparator(char separator) {
        return new CsvOptions(separator, missingTokens, types, sampleRows, keepRejected, columnNames, maxRows);
    }

    /** The same options with every column's type fixed, in one call. */
    public CsvOptions withTypes(Map<String, ColumnType> more) {
        Map<String, ColumnType> t = new LinkedHashMap<>(types);
        t.putAll(more);
        return new CsvOptions(separator, missingTokens, t, sampleRows, keepRejected, columnNames, maxRows);
    }

    /** For a file without a header line: its column names, in order; the first line is then a row. */
    public CsvOptions withColumnNames(List<String> names) {
        return new CsvOptions(separator, missingTokens, types, sampleRows, keepRejected, names, maxRows);
    }

    /** Reads at most {@code rows} rows into the table. */
    public CsvOptions withMaxRows(long rows) {
        return new CsvOptions(separator, missingTokens, types, sampleRows, keepRejected, columnNames, rows);
    }
}
