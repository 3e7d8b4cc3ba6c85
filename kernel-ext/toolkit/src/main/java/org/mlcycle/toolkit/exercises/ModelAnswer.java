package org.mlcycle.toolkit.exercises;

import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/** An exercise's model answer, shown on request ({@code %reveal id}). */
public record ModelAnswer(String exercise, String title, String text) implements Rendered {

    public static ModelAnswer of(Exercise exercise) {
        return new ModelAnswer(exercise.id(), exercise.title(), exercise.modelAnswer());
    }

    @Override
    public String toText() {
        return Messages.get("answer.text", exercise, title) + "\n" + text;
    }

    @Override
    public String toHtml() {
        return "<div class=\"mlcycle-answer\"" + Messages.dirAttribute() + "><b>"
                + Html.escape(Messages.get("answer.heading")) + "</b> "
                + Html.escape(Messages.get("answer.to", exercise, title))
                + body() + "</div>";
    }

    /**
     * The answer's lines: in a left-to-right language one preformatted block; in a right-to-left
     * one, each line takes the direction of its first letter (dir="auto"), so translated prose reads
     * right to left and the code beside it stays left to right.
     */
    private String body() {
        if (!Messages.rightToLeft()) {
            return "<pre style=\"white-space:pre-wrap\">" + Html.escape(text) + "</pre>";
        }
        StringBuilder html = new StringBuilder("<div style=\"font-family:monospace;white-space:pre-wrap\">");
        text.lines()
                .forEach(line -> html.append("<div dir=\"auto\">")
                        .append(line.isEmpty() ? "&nbsp;" : Html.escape(line))
                        .append("</div>"));
        return html.append("</div>").toString();
    }

    @Override
    public Map<String, Object> toRecord() {
        return Map.of("exercise", exercise, "title", title, "text", text);
    }
}
