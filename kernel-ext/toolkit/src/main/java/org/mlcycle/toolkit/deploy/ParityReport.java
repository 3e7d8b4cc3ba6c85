package org.mlcycle.toolkit.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * The same rows scored in the notebook and over HTTP: how many rows, how many had identical
 * probabilities (bit for bit) and predictions, the largest probability difference, and the model
 * version every answer named.
 */
public record ParityReport(
        String model,
        int rows,
        int requests,
        int identicalRows,
        int samePrediction,
        double maxAbsDifference,
        List<String> versionsAnswered)
        implements Rendered {

    public ParityReport {
        versionsAnswered = List.copyOf(versionsAnswered);
    }

    /** Every row identical and every answer from the expected version. */
    public boolean identical() {
        return identicalRows == rows && samePrediction == rows && versionsAnswered.equals(List.of(model));
    }

    @Override
    public String toText() {
        return String.format(
                Locale.ROOT,
                "parity %s: %s; %d of %d rows have identical probabilities, %d the same prediction,"
                        + " largest difference %.3g (%d requests, answered by %s)",
                model,
                identical() ? "IDENTICAL" : "DIFFERENT",
                identicalRows,
                rows,
                samePrediction,
                maxAbsDifference,
                requests,
                String.join(", ", versionsAnswered));
    }

    @Override
    public String toHtml() {
        return "<p style=\"font-family:sans-serif\"><b>" + Html.escape(toText()) + "</b></p>";
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", model);
        r.put("identical", identical());
        r.put("rows", rows);
        r.put("requests", requests);
        r.put("identical_rows", identicalRows);
        r.put("same_prediction", samePrediction);
        r.put("max_abs_difference", maxAbsDifference);
        r.put("versions_answered", versionsAnswered);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
