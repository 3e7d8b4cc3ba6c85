package org.mlcycle.toolkit.deploy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Which recent data to retrain on after an alert: the latest windows of the replay, from
 * {@code from} to {@code to}, with their row numbers in the replayed traffic.
 */
public record RetrainSuggestion(String from, String to, int windows, int[] rows, int labelled, String reason) {

    /** The suggested rows of {@code traffic} (the table that was replayed). */
    public Table data(Table traffic) {
        return traffic.rows(rows).setName(traffic.name() + " " + from + " to " + to);
    }

    public String text() {
        return String.format(
                Locale.ROOT,
                "retrain on %s to %s: the last %d window%s, %d rows (%d labelled); %s",
                from,
                to,
                windows,
                windows == 1 ? "" : "s",
                rows.length,
                labelled,
                reason);
    }

    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("from", from);
        r.put("to", to);
        r.put("windows", windows);
        r.put("rows", rows.length);
        r.put("labelled", labelled);
        r.put("reason", reason);
        return r;
    }

    @Override
    public String toString() {
        return text();
    }
}
