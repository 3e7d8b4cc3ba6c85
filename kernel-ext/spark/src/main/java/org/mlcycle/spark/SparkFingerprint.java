package org.mlcycle.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.mlcycle.toolkit.journal.ContentHash;
import org.mlcycle.toolkit.journal.Fingerprint;
import org.mlcycle.toolkit.journal.Journal;

/**
 * A Dataset's {@link Fingerprint} computed on Spark: the same content hash as {@link ContentHash#of} gives
 * the table read from the same file, its row count and its schema, so a journal records a version of data
 * that never leaves the cluster. Each row is digested where it lives; the digests (32 bytes a row) are
 * sorted by Spark and streamed to the driver partition by partition, where one SHA-256 runs over them, as
 * the table's hash runs over its sorted row digests. Two jobs: a count and the sort.
 */
public final class SparkFingerprint {
    private SparkFingerprint() {}

    /** The dataset's fingerprint; the same rows and values as a table give the same hash. */
    public static Fingerprint of(Dataset<Row> ds) {
        if (ds == null) throw new IllegalArgumentException("fingerprint: the Dataset is null");
        List<String> names = new ArrayList<>(List.of(ds.columns()));
        names.sort(String::compareTo);
        Dataset<Row> sorted = ds.select(names.stream().map(SparkColumns::column).toArray(Column[]::new));
        long rows = ds.count();
        // Spark orders binary values as unsigned bytes; the hash wants them as signed ones (Arrays.compare):
        // flipping each byte's sign bit turns one order into the other
        Dataset<byte[]> digests = sorted.mapPartitions(new RowDigests(), Encoders.BINARY());
        Iterator<Row> ordered = digests.toDF("d").sort("d").toLocalIterator();
        Iterator<byte[]> unflipped = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ordered.hasNext();
            }

            @Override
            public byte[] next() {
                return flip((byte[]) ordered.next().get(0));
            }
        };
        String hash = ContentHash.combine(names, rows, unflipped);
        List<String> schema = new ArrayList<>();
        for (StructField f : ds.schema().fields()) {
            schema.add(f.name() + ":"
                    + SparkColumns.tablesawType(f.dataType()).name().toLowerCase(Locale.ROOT));
        }
        return new Fingerprint(hash, rows, schema);
    }

    /** Records the dataset in {@code journal} as the next version of {@code name} (its rows stay where they are). */
    public static org.mlcycle.toolkit.journal.DatasetVersion snapshot(
            Journal journal, Dataset<Row> ds, String name, String parent) {
        return journal.snapshot(of(ds), name, parent);
    }

    static byte[] flip(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) (b[i] ^ 0x80);
        }
        return out;
    }

    /** Each row's digest (sign bits flipped), as {@link ContentHash#row} makes it from the Java values. */
    private static final class RowDigests implements MapPartitionsFunction<Row, byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<byte[]> call(Iterator<Row> rows) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public byte[] next() {
                    Row r = rows.next();
                    Object[] values = new Object[r.length()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = javaTime(r.get(i));
                    }
                    return flip(ContentHash.row(values));
                }
            };
        }

        /** Spark's external date and time types as the java.time values a table holds. */
        private static Object javaTime(Object v) {
            if (v instanceof java.sql.Date d) return d.toLocalDate();
            if (v instanceof java.sql.Timestamp t) return t.toInstant();
            return v;
        }
    }
}
