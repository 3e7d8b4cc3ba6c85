package org.mlcycle.toolkit.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A recorded run: {@code status} is {@code running} until it finishes (a run whose kernel died
 * stays {@code running}), {@code finished} or {@code failed}; {@code duration} is null while it runs.
 */
public record Run(
        long id,
        String name,
        String status,
        Instant startedAt,
        Duration duration,
        Map<String, String> params,
        Map<String, Double> metrics,
        List<String> data,
        List<String> models)
        implements Rendered {

    public Run {
        params = Map.copyOf(params);
        metrics = Map.copyOf(metrics);
        data = List.copyOf(data);
        models = List.copyOf(models);
    }

    @Override
    public String toText() {
        return line("en");
    }

    /** The run's line in {@code language}: English for the text, the learner's for HTML. */
    private String line(String language) {
        return Messages.in(
                        language,
                        "report.run.headline",
                        id,
                        name,
                        statusWord(language, status),
                        duration == null
                                ? ""
                                : Messages.in(language, "report.run.duration", duration.toMillis() / 1000.0))
                + (metrics.isEmpty() ? "" : "  " + join(metrics))
                + (params.isEmpty() ? "" : "  " + Messages.in(language, "report.run.params") + " " + join(params))
                + (data.isEmpty()
                        ? ""
                        : "  " + Messages.in(language, "report.run.data") + " " + String.join(", ", data))
                + (models.isEmpty()
                        ? ""
                        : "  " + Messages.in(language, "report.run.model") + " " + String.join(", ", models));
    }

    /** A run's status in {@code language}: running, finished and failed are translated, others shown as they are. */
    static String statusWord(String language, String status) {
        return STATUSES.contains(status) ? Messages.in(language, "report.run." + status) : status;
    }

    private static final Set<String> STATUSES = Set.of("running", "finished", "failed");

    private static String join(Map<String, ?> values) {
        return values.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + shown(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** A value as shown: numbers (also those kept as text, as params are) to about six significant digits. */
    private static String shown(Object value) {
        if (value instanceof String s && s.matches("-?[0-9]+\\.[0-9]{7,}(E-?[0-9]+)?")) {
            return org.mlcycle.toolkit.report.Numbers.brief(Double.parseDouble(s));
        }
        return Html.format(value);
    }

    @Override
    public String toHtml() {
        return "<div class=\"mlcycle-run\"" + Messages.dirAttribute() + ">" + Html.escape(line(Messages.language()))
                + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        out.put("status", status);
        out.put("startedAt", startedAt.toString());
        out.put("durationMs", duration == null ? null : duration.toMillis());
        out.put("params", new LinkedHashMap<>(params));
        out.put("metrics", new LinkedHashMap<>(metrics));
        out.put("data", data);
        out.put("models", models);
        return out;
    }
}
