package org.mlcycle.toolkit.deploy;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.journal.ModelEntry;
import org.mlcycle.toolkit.journal.ModelMove;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * The registry as a learner reads it: every version with its stage, data and metrics, then the
 * history of stage moves.
 *
 * @param name the model the view is about, or null for all of them
 */
public record RegistryView(String name, List<ModelEntry> versions, List<ModelMove> moves) implements Rendered {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public RegistryView {
        versions = List.copyOf(versions);
        moves = List.copyOf(moves);
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        long names = versions.stream().map(ModelEntry::name).distinct().count();
        List<String> production = versions.stream()
                .filter(v -> v.stage() == org.mlcycle.toolkit.journal.ModelStage.PRODUCTION)
                .map(ModelEntry::ref)
                .toList();
        return Messages.in(
                language,
                "report.registry.headline",
                name == null ? "" : Messages.in(language, "report.registry.named", name),
                Messages.in(
                        language,
                        versions.size() == 1 ? "report.registry.versions.one" : "report.registry.versions.many",
                        versions.size()),
                Messages.in(language, names == 1 ? "report.registry.models.one" : "report.registry.models.many", names),
                production.isEmpty() ? Messages.in(language, "report.registry.none") : String.join(", ", production));
    }

    private static String metrics(ModelEntry e) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(e.metrics()).forEach((k, v) -> parts.add(k + " " + Html.format(v)));
        return String.join(", ", parts);
    }

    private List<List<?>> versionRows() {
        List<List<?>> rows = new ArrayList<>();
        for (ModelEntry e : versions) {
            rows.add(List.of(
                    e.ref(),
                    e.stage().label(),
                    String.join(", ", e.data()),
                    metrics(e),
                    e.specHash().substring(0, Math.min(12, e.specHash().length())),
                    e.note() == null ? "" : e.note(),
                    TIME.format(e.at())));
        }
        return rows;
    }

    private List<List<?>> moveRows() {
        List<List<?>> rows = new ArrayList<>();
        for (ModelMove m : moves) {
            rows.add(List.of(
                    TIME.format(m.at()),
                    m.ref(),
                    m.from().label() + " -> " + m.to().label(),
                    m.note() == null ? "" : m.note()));
        }
        return rows;
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(headline("en"));
        for (List<?> r : versionRows()) {
            s.append(String.format(Locale.ROOT, "%n  %-24s %-10s data %s; %s", r.get(0), r.get(1), r.get(2), r.get(3)));
        }
        if (!moves.isEmpty()) {
            s.append("\n  stage moves:");
            for (List<?> r : moveRows()) {
                s.append(String.format(
                        Locale.ROOT,
                        "%n    %s  %s  %s%s",
                        r.get(0),
                        r.get(1),
                        r.get(2),
                        r.get(3).toString().isEmpty() ? "" : " (" + r.get(3) + ")"));
            }
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder s = new StringBuilder("<div" + Messages.dirAttribute()
                        + " style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>")
                .append(Html.escape(headline(Messages.language())))
                .append("</b></p>")
                .append(Html.table(
                        Html.headers(
                                "report.registry.",
                                "version",
                                "stage",
                                "trainingData",
                                "metrics",
                                "featureSpec",
                                "note",
                                "registered"),
                        versionRows()));
        if (!moves.isEmpty()) {
            s.append("<p style=\"margin:8px 0 4px 0\"><b>")
                    .append(Html.escape(Messages.get("report.registry.moves")))
                    .append("</b></p>")
                    .append(Html.table(
                            Html.headers("report.registry.", "movedAt", "version", "move", "note"), moveRows()));
        }
        return s.append("</div>").toString();
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("versions", versions.stream().map(ModelEntry::toRecord).toList());
        r.put(
                "moves",
                moves.stream()
                        .map(m -> Map.<String, Object>of(
                                "model",
                                m.ref(),
                                "from",
                                m.from().label(),
                                "to",
                                m.to().label(),
                                "note",
                                m.note() == null ? "" : m.note(),
                                "at",
                                m.at().toString()))
                        .toList());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
