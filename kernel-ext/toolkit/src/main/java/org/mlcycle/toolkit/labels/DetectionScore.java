package org.mlcycle.toolkit.labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Override
    public String toText() {
        return String.format(
                Locale.ROOT,
                "label-issue detector: precision %s, recall %s (%d flagged, %d truly wrong, %d found)",
                fmt(precision()),
                fmt(recall()),
                flagged,
                trulyWrong,
                found);
    }

    @Override
    public String toHtml() {
        return "<div style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>" + Html.escape(toText())
                + "</b></p>"
                + Html.table(
                        List.of("flagged", "truly wrong", "found", "precision", "recall"),
                        List.of(List.of(flagged, trulyWrong, found, fmt(precision()), fmt(recall()))))
                + "</div>";
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
