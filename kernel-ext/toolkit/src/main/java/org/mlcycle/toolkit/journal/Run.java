package org.mlcycle.toolkit.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
        return String.format(
                        Locale.ROOT,
                        "run #%d %s (%s%s)",
                        id,
                        name,
                        status,
                        duration == null ? "" : String.format(Locale.ROOT, ", %.1f s", duration.toMillis() / 1000.0))
                + (metrics.isEmpty() ? "" : "  " + join(metrics))
                + (params.isEmpty() ? "" : "  params " + join(params))
                + (data.isEmpty() ? "" : "  data " + String.join(", ", data))
                + (models.isEmpty() ? "" : "  model " + String.join(", ", models));
    }

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
        return "<div class=\"mlcycle-run\">" + Html.escape(toText()) + "</div>";
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
