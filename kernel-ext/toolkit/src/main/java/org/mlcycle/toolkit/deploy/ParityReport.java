package org.mlcycle.toolkit.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
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
        return headline("en");
    }

    /** The summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.parity.headline",
                model,
                Messages.in(language, identical() ? "report.parity.identical" : "report.parity.different"),
                identicalRows,
                rows,
                samePrediction,
                maxAbsDifference,
                requests,
                String.join(", ", versionsAnswered));
    }

    @Override
    public String toHtml() {
        return "<p" + Messages.dirAttribute() + " style=\"font-family:sans-serif\"><b>"
                + Html.escape(headline(Messages.language())) + "</b></p>";
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
