package org.mlcycle.toolkit.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
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
        return text("en");
    }

    /** The suggestion in {@code language}: English for the text, the learner's for HTML. */
    public String text(String language) {
        return Messages.in(
                language,
                windows == 1 ? "report.monitor.retrain.one" : "report.monitor.retrain.many",
                from,
                to,
                windows,
                rows.length,
                labelled,
                reason(language));
    }

    /** Why retrain when the alert first fired in window {@code window}, in {@code language}. */
    static String firedReason(String language, String window) {
        return Messages.in(language, "report.monitor.retrain.reason", window);
    }

    /** The reason in {@code language} when it is the monitor's own, else as given. */
    private String reason(String language) {
        String template = firedReason("en", "\u0000");
        int at = template.indexOf('\u0000');
        String head = template.substring(0, at), tail = template.substring(at + 1);
        if (reason.length() >= head.length() + tail.length() && reason.startsWith(head) && reason.endsWith(tail)) {
            String window = reason.substring(head.length(), reason.length() - tail.length());
            return firedReason(language, window);
        }
        return reason;
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
