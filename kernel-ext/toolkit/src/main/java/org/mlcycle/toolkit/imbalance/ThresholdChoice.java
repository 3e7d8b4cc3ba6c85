package org.mlcycle.toolkit.imbalance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
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

    /** The goal in {@code language}: the words of {@link Thresholds}' goals, anything else as given. */
    private String goal(String language) {
        if (goal.equals("highest F1")) {
            return Messages.in(language, "report.threshold.highestF1");
        }
        for (String metric : List.of("recall", "precision")) {
            if (goal.startsWith(metric + " >= ")) {
                return Messages.in(
                        language, "report.threshold." + metric + "AtLeast", goal.substring(metric.length() + 4));
            }
        }
        return goal;
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.threshold.headline",
                fmt(threshold),
                goal(language),
                chosen.n(),
                fmt(chosen.precision()),
                fmt(chosen.recall()),
                fmt(chosen.f1()),
                fmt(atHalf.precision()),
                fmt(atHalf.recall()),
                fmt(atHalf.f1()));
    }

    @Override
    public String toText() {
        return headline("en");
    }

    @Override
    public String toHtml() {
        return Html.translatedReport(
                headline(Messages.language()),
                Html.table(
                        Html.headers(
                                "report.threshold.", "threshold", "precision", "recall", "f1", "predictedPositive"),
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
                                        atHalf.predictedPositives()))));
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
