package org.mlcycle.toolkit.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * What a check that did not pass shows: a hint (what is wrong, never the answer) with the attempt
 * it answers, or "no answer yet" when the answer cell was not filled in. It is shown as a box, not
 * as an error: the cell is marked failed separately (see {@link #failedLine()}).
 *
 * @param exercise the exercise id
 * @param title the exercise's short title
 * @param attempt the learner's attempt at this exercise, counting this one; 0 for no answer yet
 * @param message the hint, or what is missing when there is no answer yet
 */
public record HintBox(String exercise, String title, int attempt, String message) implements Rendered {

    /** The kind of box, as recorded for graders: {@code hint} or {@code no answer}. */
    public static final String HINT = "hint";

    public static final String NO_ANSWER = "no answer";

    /** The hint for attempt {@code attempt} at {@code exercise}. */
    public static HintBox hint(Exercise exercise, int attempt, String hint) {
        return new HintBox(exercise.id(), exercise.title(), Math.max(1, attempt), hint);
    }

    /** The box for an answer cell not filled in yet; {@code detail} says what is missing (may be empty). */
    public static HintBox noAnswer(Exercise exercise, String detail) {
        String what = Messages.get("noAnswer.what");
        return new HintBox(
                exercise.id(),
                exercise.title(),
                0,
                detail == null || detail.isBlank() ? what : detail.strip() + ": " + what);
    }

    /** Whether the answer cell was not filled in yet. */
    public boolean noAnswer() {
        return attempt == 0;
    }

    /** {@link #HINT} or {@link #NO_ANSWER}. */
    public String kind() {
        return noAnswer() ? NO_ANSWER : HINT;
    }

    /**
     * The one line that marks the cell as failed for graders (nbgrader scores a cell with stderr
     * output 0): the exercise and the state, nothing a learner could mistake for a crash.
     */
    public String failedLine() {
        return exercise + ": " + (noAnswer() ? "no answer yet" : "not passed yet (attempt " + attempt + ")");
    }

    @Override
    public String toText() {
        return noAnswer()
                ? Messages.get("noAnswer.text", exercise, message)
                : Messages.get("hint.text", exercise, attempt, message);
    }

    @Override
    public String toHtml() {
        String border = noAnswer() ? "#9aa0a6" : "#e0a800";
        String background = noAnswer() ? "#f1f3f4" : "#fff8e1";
        String heading = Html.escape(Messages.get(noAnswer() ? "noAnswer.heading" : "hint.heading"));
        String where = Html.escape(exercise) + " &middot; " + Html.escape(title)
                + (noAnswer() ? "" : " &middot; " + Html.escape(Messages.get("hint.attempt", attempt)));
        return "<div class=\"mlcycle-hint\"" + Messages.dirAttribute() + " style=\"border-left:4px solid " + border
                + ";background:" + background
                + ";padding:0.5em 0.8em;border-radius:4px\"><b>" + heading + "</b> <span style=\"color:#5f6368\">"
                + where + "</span><div style=\"margin-top:0.3em\">" + Html.escape(message) + "</div></div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exercise", exercise);
        out.put("kind", kind());
        out.put("attempt", attempt);
        out.put("message", message);
        return out;
    }
}
