package org.mlcycle.toolkit.journal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * What the project optimises and under which conditions. A new objective replacing an earlier
 * one is a pivot (impressions to click-through rate, say): {@code previousMetric} names what it
 * replaced, or is null for the first objective. {@code afterMove} is the id of the last stage move
 * recorded before it (0 when none), which places it on the {@link StagePath}.
 */
public record Objective(
        long id,
        String metric,
        String constraints,
        String criteria,
        String stakeholders,
        String previousMetric,
        long afterMove,
        Instant at)
        implements Rendered {

    /** True when this objective replaced an earlier one. */
    public boolean isPivot() {
        return previousMetric != null;
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(isPivot() ? "pivot: " + previousMetric + " -> " + metric : "objective: " + metric);
        append(out, "constraints", constraints);
        append(out, "criteria", criteria);
        append(out, "stakeholders", stakeholders);
        return out.toString();
    }

    private static void append(StringBuilder out, String label, String value) {
        if (value != null && !value.isBlank()) {
            out.append("; ").append(label).append(": ").append(value);
        }
    }

    @Override
    public String toHtml() {
        return "<div class=\"mlcycle-objective\"" + Messages.dirAttribute() + "><b>"
                + Html.escape(Messages.get(isPivot() ? "report.objective.pivot" : "report.objective.objective"))
                + "</b> "
                + (isPivot()
                        ? "<s>" + Html.escape(previousMetric) + "</s> " + (Messages.rightToLeft() ? "&larr;" : "&rarr;")
                                + " "
                        : "")
                + "<b>" + Html.escape(metric) + "</b>"
                + row("constraints", constraints) + row("criteria", criteria) + row("stakeholders", stakeholders)
                + "</div>";
    }

    /** A labelled line of the HTML, its label in the learner's language; none for a blank value. */
    private static String row(String label, String value) {
        return value == null || value.isBlank()
                ? ""
                : "<br>" + Html.escape(Messages.get("report.objective." + label)) + " " + Html.escape(value);
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("metric", metric);
        out.put("constraints", constraints);
        out.put("criteria", criteria);
        out.put("stakeholders", stakeholders);
        out.put("previousMetric", previousMetric);
        out.put("at", at.toString());
        return out;
    }
}
