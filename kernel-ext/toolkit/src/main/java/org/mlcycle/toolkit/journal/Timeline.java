package org.mlcycle.toolkit.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/** Everything the journal recorded, oldest first, one line per event: what {@code %journal} shows. */
public record Timeline(List<Event> events) implements Rendered {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** One recorded event: when, what kind (stage, objective, pivot, dataset, run, model, deployment, alert, exercise), and a summary. */
    public record Event(Instant at, String kind, String summary) {}

    public Timeline {
        events = List.copyOf(events);
    }

    static Timeline of(Connection c, int last) throws SQLException {
        String sql = """
                SELECT at, 1, id, 'stage', stage || CASE WHEN coalesce(note, '') <> '' THEN ': ' || note ELSE '' END
                  FROM stage_moves
                UNION ALL SELECT at, 2, id, CASE WHEN previous_id IS NULL THEN 'objective' ELSE 'pivot' END, metric
                  FROM objectives
                UNION ALL SELECT at, 3, id, 'dataset',
                       name || '@' || version || ' (' || row_count || ' rows, ' || column_count || ' columns)'
                  FROM datasets
                UNION ALL SELECT started_at, 4, id, 'run', '#' || id || ' ' || name || ' (' || status || ')' FROM runs
                UNION ALL SELECT at, 5, id, 'model', name FROM models
                UNION ALL SELECT d.at, 6, d.id, 'deployment', m.name || ' -> ' || d.target
                  FROM deployments d JOIN models m ON m.id = d.model_id
                UNION ALL SELECT at, 7, id, 'alert', severity || ' ' || kind || ': ' || message FROM alerts
                UNION ALL SELECT at, 8, id, 'exercise',
                       exercise || CASE WHEN kind = 'reveal' THEN ': model answer read'
                                        WHEN passed <> 0 THEN ' passed' ELSE ' failed' END FROM exercise_results
                UNION ALL SELECT m.at, 9, m.id, 'model stage',
                       r.name || '@' || r.version || ': ' || m.from_stage || ' -> ' || m.to_stage
                  FROM model_stage_moves m JOIN registered_models r ON r.id = m.registered_id
                ORDER BY 1 DESC, 2 DESC, 3 DESC
                LIMIT ?""";
        List<Event> events = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setInt(1, last <= 0 ? Integer.MAX_VALUE : last);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(Db.instant(rs.getLong(1)), rs.getString(4), rs.getString(5)));
                }
            }
        }
        Collections.reverse(events);
        return new Timeline(events);
    }

    @Override
    public String toText() {
        if (events.isEmpty()) {
            return "journal: nothing recorded yet";
        }
        return events.stream()
                .map(e -> String.format("%s  %-10s  %s", TIME.format(e.at()), e.kind(), e.summary()))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = events.stream()
                .map(e -> List.<Object>of(TIME.format(e.at()), kindWord(e.kind()), summary(e)))
                .collect(Collectors.toList());
        return "<div class=\"mlcycle-journal\">"
                + Html.table(Html.headers("report.timeline.", "at", "kind", "what"), rows) + "</div>";
    }

    private static final Pattern DATASET_SIZE =
            Pattern.compile("^(.*) \\((\\d+) rows, (\\d+) columns\\)$", Pattern.DOTALL);
    private static final Pattern RUN_STATUS = Pattern.compile("^(.*) \\((running|finished|failed)\\)$", Pattern.DOTALL);
    private static final Pattern MONITOR_ALERT = Pattern.compile(
            "^(\\S+ monitor: )(.+): (\\S+) is (\\S+) in window (.+), below (\\S+?)(?: \\(mean of (\\d+) windows\\))?$",
            Pattern.DOTALL);
    private static final List<String> EXERCISE_ENDINGS = List.of(" passed", " failed", ": model answer read");

    /**
     * An event's summary with the journal's own words (row and column counts, run status, exercise
     * outcome) in the language in use; names the learner chose stay as written.
     */
    private static String summary(Event e) {
        String s = e.summary();
        if (s == null) {
            return s;
        }
        if (e.kind().equals("dataset")) {
            Matcher m = DATASET_SIZE.matcher(s);
            if (m.matches()) {
                return Messages.get(
                        "report.timeline.dataset", m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
            }
        } else if (e.kind().equals("run")) {
            Matcher m = RUN_STATUS.matcher(s);
            if (m.matches()) {
                return Messages.get("report.timeline.run", m.group(1), Run.statusWord(Messages.language(), m.group(2)));
            }
        } else if (e.kind().equals("alert")) {
            return monitorAlert(s);
        } else if (e.kind().equals("exercise")) {
            for (int i = 0; i < EXERCISE_ENDINGS.size(); i++) {
                String end = EXERCISE_ENDINGS.get(i);
                if (s.endsWith(end)) {
                    String key = List.of("passed", "failed", "revealed").get(i);
                    return Messages.get("report.timeline.exercise." + key, s.substring(0, s.length() - end.length()));
                }
            }
        }
        return s;
    }

    /** A monitoring alert's message in the language in use when it reads back exactly as the monitor wrote it. */
    private static String monitorAlert(String s) {
        Matcher m = MONITOR_ALERT.matcher(s);
        if (!m.matches()) {
            return s;
        }
        try {
            double value = Double.parseDouble(m.group(4)), level = Double.parseDouble(m.group(6));
            String english = m.group(1) + alertMessage("en", m, value, level);
            return english.equals(s) ? m.group(1) + alertMessage(Messages.language(), m, value, level) : s;
        } catch (NumberFormatException notTheMonitors) {
            return s;
        }
    }

    private static String alertMessage(String language, Matcher m, double value, double level) {
        String smoothed = m.group(7) == null
                ? ""
                : Messages.in(language, "report.monitor.rule.smoothed", Integer.parseInt(m.group(7)));
        return Messages.in(
                language, "report.monitor.alertMessage", m.group(2), m.group(3), value, m.group(5), level, smoothed);
    }

    /** The kinds of event the journal records, whose names the HTML shows in the learner's language. */
    private static final List<String> KINDS = List.of(
            "stage", "objective", "pivot", "dataset", "run", "model", "deployment", "alert", "exercise", "model stage");

    /** An event kind in the language in use; one the journal does not know is shown as it is. */
    private static String kindWord(String kind) {
        return KINDS.contains(kind) ? Messages.get("report.timeline.kind." + kind.replace(' ', '_')) : kind;
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "events",
                events.stream()
                        .map(e -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("at", e.at().toString());
                            m.put("kind", e.kind());
                            m.put("summary", e.summary());
                            return m;
                        })
                        .collect(Collectors.toList()));
        return out;
    }

    /** The events as CSV with a header row (at, kind, summary); fields quoted where needed. */
    public String toCsv() {
        StringBuilder out = new StringBuilder("at,kind,summary\n");
        for (Event e : events) {
            out.append(e.at())
                    .append(',')
                    .append(csv(e.kind()))
                    .append(',')
                    .append(csv(e.summary()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
