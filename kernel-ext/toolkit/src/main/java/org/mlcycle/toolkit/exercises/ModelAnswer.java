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
        // the answer itself is code and stays left to right inside a right-to-left box
        return "<div class=\"mlcycle-answer\"" + Messages.dirAttribute() + "><b>"
                + Html.escape(Messages.get("answer.heading")) + "</b> "
                + Html.escape(Messages.get("answer.to", exercise, title))
                + "<pre dir=\"ltr\" style=\"white-space:pre-wrap\">" + Html.escape(text) + "</pre></div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        return Map.of("exercise", exercise, "title", title, "text", text);
    }
}
