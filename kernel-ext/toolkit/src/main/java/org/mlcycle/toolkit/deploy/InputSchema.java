package org.mlcycle.toolkit.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlcycle.toolkit.bridge.FeatureSpec;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * The input columns a model reads and their Tablesaw types, taken from its training table. Served
 * rows are rebuilt with exactly these types, so a categorical number column (say an int category)
 * gives the same levels over HTTP as in the notebook and the scores are identical.
 *
 * @param columns column name to Tablesaw type name ({@code INTEGER}, {@code DOUBLE}, {@code STRING}...)
 */
public record InputSchema(Map<String, String> columns) {
    /** The types a served row can hold (JSON numbers, strings and booleans map onto them). */
    static final Set<String> SERVABLE = Set.of("STRING", "BOOLEAN", "SHORT", "INTEGER", "LONG", "FLOAT", "DOUBLE");

    public InputSchema {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        for (var e : columns.entrySet()) {
            Require.that(
                    SERVABLE.contains(e.getValue()),
                    "input schema",
                    "column '%s' is %s; served rows can hold %s",
                    e.getKey(),
                    e.getValue(),
                    SERVABLE);
        }
    }

    /** The columns {@code spec} reads, typed as in {@code training}. */
    public static InputSchema of(Table training, FeatureSpec spec) {
        String who = "input schema";
        Require.table(training, who, "training");
        Map<String, String> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        spec.numeric().forEach(n -> names.add(n.column()));
        spec.categorical().forEach(c -> names.add(c.column()));
        for (String name : names) {
            ColumnType type = Require.column(training, name, who).type();
            out.put(name, type.name());
        }
        return new InputSchema(out);
    }

    /** Reads {@link #text()}. */
    public static InputSchema parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            Require.that(colon > 0, "input schema", "'%s' is not 'column:TYPE'", line);
            out.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return new InputSchema(out);
    }

    /** One {@code column:TYPE} line per column, as the journal keeps it. */
    public String text() {
        StringBuilder s = new StringBuilder();
        columns.forEach((c, t) -> s.append(c).append(':').append(t).append('\n'));
        return s.toString();
    }

    /** The input columns of {@code table}, in schema order (other columns dropped); fails naming a missing one. */
    public Table select(Table table, String who) {
        for (String c : columns.keySet()) {
            Require.column(table, c, who);
        }
        return table.selectColumns(columns.keySet().toArray(String[]::new));
    }
}
