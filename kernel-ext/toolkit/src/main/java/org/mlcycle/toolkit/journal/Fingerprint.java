package org.mlcycle.toolkit.journal;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What a journal records of a dataset version when it does not keep the data: the content hash
 * ({@link ContentHash}), the row count and the schema ({@code column:type}, types as Tablesaw names
 * them, lower case). A table's and a Spark Dataset's of the same file agree.
 */
public record Fingerprint(String hash, long rows, List<String> schema) {
    public Fingerprint {
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("fingerprint: the hash is not 64 hex digits: " + hash);
        }
        if (rows < 0) {
            throw new IllegalArgumentException("fingerprint: negative row count " + rows);
        }
        schema = List.copyOf(schema);
    }

    /** The table's fingerprint. */
    public static Fingerprint of(Table table) {
        return new Fingerprint(
                ContentHash.of(table),
                table.rowCount(),
                List.of(Datasets.schemaOf(table).split("\n")));
    }
}
