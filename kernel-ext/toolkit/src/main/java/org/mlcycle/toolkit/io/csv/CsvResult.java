package org.mlcycle.toolkit.io.csv;

import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.Table;

/**
 * What {@link Csv#read} gives back: the table of good rows and the {@link Quarantine} report. Unlike
 * other results it holds a table, because the table is the product; it renders as its quarantine.
 */
public record CsvResult(Table table, Quarantine quarantine) implements Rendered {
    public CsvResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(quarantine, "quarantine");
    }

    @Override
    public String toText() {
        return quarantine.toText();
    }

    @Override
    public String toHtml() {
        return quarantine.toHtml();
    }

    @Override
    public Map<String, Object> toRecord() {
        return quarantine.toRecord();
    }

    @Override
    public String toString() {
        return toText();
    }
}
