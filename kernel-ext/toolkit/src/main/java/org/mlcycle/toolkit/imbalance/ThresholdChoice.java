package org.mlcycle.toolkit.imbalance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.metrics.Confusion;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A decision threshold chosen on validation rows, with the confusion it gives there and the confusion
 * the default 0.5 gives, so the gain is visible. {@code goal} says what was optimised.
 */
public record ThresholdChoice(String goal, double threshold, Confusion chosen, Confusion atHalf) implements Rendered {

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    @Override
    public String toText() {
        return String.format(
                Locale.ROOT,
                "threshold: %s for %s on %d validation rows: precision %s, recall %s, F1 %s (at 0.5: precision %s,"
                        + " recall %s, F1 %s)",
                fmt(threshold),
                goal,
                chosen.n(),
                fmt(chosen.precision()),
                fmt(chosen.recall()),
                fmt(chosen.f1()),
                fmt(atHalf.precision()),
                fmt(atHalf.recall()),
                fmt(atHalf.f1()));
    }

    @Override
    public String toHtml() {
        return "<div style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>" + Html.escape(toText())
                + "</b></p>"
                + Html.table(
                        List.of("threshold", "precision", "recall", "F1", "predicted positive"),
                        List.of(
                                List.of(
                                        fmt(threshold),
                                        fmt(chosen.precision()),
                                        fmt(chosen.recall()),
                                        fmt(chosen.f1()),
                                        chosen.predictedPositives()),
                                List.of(
                                        "0.5000",
                                        fmt(atHalf.precision()),
                                        fmt(atHalf.recall()),
                                        fmt(atHalf.f1()),
                                        atHalf.predictedPositives())))
                + "</div>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("goal", goal);
        r.put("threshold", threshold);
        r.put("chosen", chosen.toRecord());
        r.put("at_half", atHalf.toRecord());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
