package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * The outcome of {@link Checks#run}: every constraint with its measured value, and for failing row
 * checks the first failing rows with their row numbers.
 *
 * @param name the checks' name
 * @param table the checked table's name
 * @param rows rows in the table
 * @param results one result per constraint, in order
 */
public record CheckReport(String name, String table, int rows, List<ConstraintResult> results) implements Rendered {

    public CheckReport {
        results = List.copyOf(results);
    }

    /**
     * True when every constraint holds and there is at least one: an empty list checks nothing, and
     * is most often a {@code checks.isBetween(...)} whose new list was dropped.
     */
    public boolean passed() {
        return !results.isEmpty() && failures().isEmpty();
    }

    /** What an empty list of constraints is told. */
    static final String NO_CONSTRAINTS = "no constraints, nothing was checked. Every Checks method returns a new"
            + " list and leaves the old one as it was: keep the result (checks = checks.isBetween(...)), or chain"
            + " the calls";

    /** The constraints that do not hold. */
    public List<ConstraintResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        if (results.isEmpty()) {
            return Messages.in(language, "report.checks.headlineEmpty", name, table, rows, NO_CONSTRAINTS);
        }
        return Messages.in(
                language,
                "report.checks.headline",
                name,
                table,
                rows,
                Messages.in(language, passed() ? "report.checks.pass" : "report.checks.fail"),
                failures().size(),
                results.size());
    }

    /** What was measured, in {@code language}: English for the text, the learner's for HTML. */
    static String measured(ConstraintResult r, String language) {
        if (!r.note().isEmpty() && Double.isNaN(r.measured())) {
            return switch (r.note()) {
                case "no values" -> Messages.in(language, "report.checks.note.noValues");
                case "no rows to check" -> Messages.in(language, "report.checks.note.noRows");
                default -> r.note();
            };
        }
        if (r.kind().rowLevel()) {
            return Messages.in(language, "report.checks.measuredRows", 100 * r.measured(), r.checked(), r.failed());
        }
        String what = switch (r.kind()) {
            case ROW_COUNT -> "report.checks.measuredRowCount";
            case MEAN -> "report.checks.measuredMean";
            default -> "report.checks.measuredQuantile";
        };
        return Messages.in(language, what) + " = " + Html.format(r.measured());
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(headline("en")).append('\n');
        for (ConstraintResult r : results) {
            out.append(r.passed() ? "  ok   " : "  FAIL ")
                    .append(r.constraint())
                    .append(": ")
                    .append(measured(r, "en"))
                    .append('\n');
            if (!r.passed() && !r.failingRows().isEmpty()) {
                List<String> rowsOut = new ArrayList<>();
                for (FailingRow f : r.failingRows()) {
                    rowsOut.add("row " + f.row() + ": " + f.value());
                }
                out.append("         ")
                        .append(String.join("; ", rowsOut))
                        .append(r.failed() > r.failingRows().size() ? "; ..." : "")
                        .append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    @Override
    public String toHtml() {
        StringBuilder out = new StringBuilder(
                "<div class=\"mlcycle-checks\"" + Messages.dirAttribute() + " style=\"font-family:sans-serif\">");
        out.append("<p style=\"font-weight:bold;color:")
                .append(passed() ? "#1a7f37" : "#b3261e")
                .append("\">")
                .append(Html.escape(headline(Messages.language())))
                .append("</p>");
        List<List<?>> rowsOut = new ArrayList<>();
        for (ConstraintResult r : results) {
            String failing = String.join(
                    "; ",
                    r.failingRows().stream()
                            .map(f -> f.row() + ": " + f.value())
                            .toList());
            rowsOut.add(List.of(
                    Messages.get(r.passed() ? "report.checks.ok" : "report.checks.fail"),
                    r.constraint(),
                    measured(r, Messages.language()),
                    failing));
        }
        out.append(Html.table(
                Html.headers("report.checks.", "verdict", "constraint", "measured", "failingRows"), rowsOut));
        return out.append("</div>").toString();
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("table", table);
        r.put("rows", rows);
        r.put("passed", passed());
        r.put("results", results.stream().map(ConstraintResult::toRecord).toList());
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
