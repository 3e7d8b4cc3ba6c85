package org.mlcycle.toolkit.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * The outcome of {@code %check}: the exercise, the score out of its points, and the message. A
 * pass reads {@code Correct: ...}; anything else reads {@code Not yet: <hint>}.
 */
public record CheckResult(
        String exercise, String lesson, String title, double points, double score, boolean passed, String message)
        implements Rendered {

    /** Whether some but not all points were earned. */
    public boolean partial() {
        return !passed && score > 0;
    }

    @Override
    public String toText() {
        if (passed) {
            return Messages.get("check.correct", message);
        }
        if (partial()) {
            return Messages.get("check.partly", plain(score), plain(points), message);
        }
        return Messages.get("check.notYet", message);
    }

    /** 0.5 as "0.5", 2.0 as "2". */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toHtml() {
        String colour = passed ? "#e6f4ea" : partial() ? "#fff4e0" : "#fdecea";
        return "<div class=\"mlcycle-check\"" + Messages.dirAttribute() + " style=\"background:" + colour
                + ";padding:0.5em 0.8em;border-radius:4px\">" + "<b>" + Html.escape(exercise) + "</b> "
                + Html.escape(toText()) + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exercise", exercise);
        out.put("lesson", lesson);
        out.put("points", points);
        out.put("score", score);
        out.put("passed", passed);
        out.put("message", message);
        return out;
    }
}
