package org.mlcycle.toolkit.labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * How well the label-issue detector did where the truth is known (a generator's flipped rows, or a
 * careful relabelling): precision = flagged rows that were truly wrong / flagged rows; recall = truly
 * wrong rows that were flagged / truly wrong rows. NaN when a denominator is zero.
 */
public record DetectionScore(long flagged, long trulyWrong, long found) implements Rendered {

    public double precision() {
        return flagged == 0 ? Double.NaN : (double) found / flagged;
    }

    public double recall() {
        return trulyWrong == 0 ? Double.NaN : (double) found / trulyWrong;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language, "report.detection.headline", fmt(precision()), fmt(recall()), flagged, trulyWrong, found);
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
                        Html.headers("report.detection.", "flagged", "trulyWrong", "found", "precision", "recall"),
                        List.of(List.of(flagged, trulyWrong, found, fmt(precision()), fmt(recall())))));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("flagged", flagged);
        r.put("truly_wrong", trulyWrong);
        r.put("found", found);
        r.put("precision", precision());
        r.put("recall", recall());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
