package org.mlcycle.toolkit.exercises;

import java.util.Map;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/** An exercise's model answer, shown on request ({@code %reveal id}). */
public record ModelAnswer(String exercise, String title, String text) implements Rendered {

    public static ModelAnswer of(Exercise exercise) {
        return new ModelAnswer(exercise.id(), exercise.title(), exercise.modelAnswer());
    }

    @Override
    public String toText() {
        return "model answer to " + exercise + " (" + title + "):\n" + text;
    }

    @Override
    public String toHtml() {
        return "<div class=\"mlcycle-answer\"><b>Model answer</b> to " + Html.escape(exercise) + " ("
                + Html.escape(title) + ")<pre style=\"white-space:pre-wrap\">" + Html.escape(text) + "</pre></div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        return Map.of("exercise", exercise, "title", title, "text", text);
    }
}
