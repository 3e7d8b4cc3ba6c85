package org.mlcycle.toolkit.io.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * How a CSV read went: rows read, rows kept aside (with line numbers and reasons), blank lines
 * skipped, the type each column got, the tokens read as missing per column, and the tokens that
 * often mean "missing" but were kept as values (a country code "NA" stays a country).
 *
 * @param source the table name (the file name without extension)
 * @param rowsRead rows that made it into the table
 * @param rejectedCount rows quarantined
 * @param rejected the first quarantined rows (as many as {@link CsvOptions#keepRejected()})
 * @param blankLines empty lines skipped
 * @param types the type of each column, by column name
 * @param explicitTypes the columns whose type was given rather than inferred
 * @param missingTokens the tokens that were to be read as missing
 * @param readAsMissing per column, how often each missing token occurred
 * @param keptAsValues per text column, how often a look-alike missing token was kept as a value
 */
public record Quarantine(
        String source,
        long rowsRead,
        long rejectedCount,
        List<RejectedRow> rejected,
        int blankLines,
        Map<String, String> types,
        Set<String> explicitTypes,
        Set<String> missingTokens,
        Map<String, Map<String, Long>> readAsMissing,
        Map<String, Map<String, Long>> keptAsValues)
        implements Rendered {

    public Quarantine {
        rejected = List.copyOf(rejected);
        types = copy(types);
        explicitTypes = Set.copyOf(explicitTypes);
        missingTokens = Set.copyOf(missingTokens);
        readAsMissing = deepCopy(readAsMissing);
        keptAsValues = deepCopy(keptAsValues);
    }

    /** True when no row was rejected. */
    public boolean clean() {
        return rejectedCount == 0;
    }

    /** Share of data rows quarantined (0 for an empty file). */
    public double rejectedShare() {
        long all = rowsRead + rejectedCount;
        return all == 0 ? 0 : (double) rejectedCount / all;
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(headline("en"))
                .append(blankLines > 0 ? ", " + blankLines + " blank lines skipped" : "")
                .append(System.lineSeparator());
        for (RejectedRow r : rejected) {
            out.append("  line ")
                    .append(r.line())
                    .append(": ")
                    .append(r.reason())
                    .append('\n');
        }
        if (rejected.size() < rejectedCount) {
            out.append("  ... ").append(rejectedCount - rejected.size()).append(" more not kept\n");
        }
        out.append("  missing tokens: ").append(tokenList(missingTokens)).append('\n');
        readAsMissing.forEach((column, counts) -> out.append("  read as missing in '")
                .append(column)
                .append("': ")
                .append(counts(counts))
                .append('\n'));
        keptAsValues.forEach((column, counts) -> out.append("  kept as values in '")
                .append(column)
                .append("': ")
                .append(counts(counts))
                .append('\n'));
        out.append("  types: ");
        List<String> parts = new ArrayList<>();
        types.forEach((c, t) -> parts.add(c + " " + t + (explicitTypes.contains(c) ? " (given)" : "")));
        out.append(String.join(", ", parts));
        return out.toString();
    }

    @Override
    public String toHtml() {
        StringBuilder out = new StringBuilder(
                "<div class=\"mlcycle-quarantine\"" + Messages.dirAttribute() + " style=\"font-family:sans-serif\">");
        String colour = clean() ? "#1a7f37" : "#b35900";
        out.append("<p style=\"font-weight:bold;color:")
                .append(colour)
                .append("\">")
                .append(Html.escape(headline(Messages.language())))
                .append("</p>");
        if (!rejected.isEmpty()) {
            List<List<?>> rows = new ArrayList<>();
            for (RejectedRow r : rejected) {
                rows.add(List.of(r.line(), r.reason(), r.text()));
            }
            out.append(Html.table(Html.headers("report.quarantine.", "line", "reason", "text"), rows));
        }
        List<List<?>> cols = new ArrayList<>();
        types.forEach((c, t) -> cols.add(List.of(
                c,
                t + (explicitTypes.contains(c) ? " (" + Messages.get("report.quarantine.given") + ")" : ""),
                counts(readAsMissing.getOrDefault(c, Map.of())),
                counts(keptAsValues.getOrDefault(c, Map.of())))));
        out.append("<p>")
                .append(Html.escape(Messages.get("report.quarantine.missingTokens", tokenList(missingTokens))))
                .append("</p>");
        out.append(Html.table(
                Html.headers("report.quarantine.", "column", "type", "readAsMissing", "keptAsValues"), cols));
        return out.append("</div>").toString();
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("source", source);
        r.put("rows_read", rowsRead);
        r.put("rejected_count", rejectedCount);
        List<Object> rows = new ArrayList<>();
        for (RejectedRow row : rejected) {
            rows.add(Map.of("line", row.line(), "reason", row.reason(), "text", row.text()));
        }
        r.put("rejected", rows);
        r.put("blank_lines", blankLines);
        r.put("types", types);
        r.put("missing_tokens", List.copyOf(new TreeSet<>(missingTokens)));
        r.put("read_as_missing", readAsMissing);
        r.put("kept_as_values", keptAsValues);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language, "report.quarantine.headline", source, rowsRead, rejectedCount, 100 * rejectedShare());
    }

    private static String tokenList(Set<String> tokens) {
        List<String> quoted = new ArrayList<>();
        for (String t : new TreeSet<>(tokens)) {
            quoted.add("\"" + t + "\"");
        }
        return String.join(", ", quoted);
    }

    private static String counts(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((t, n) -> parts.add("\"" + t + "\" x" + n));
        return String.join(", ", parts);
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static Map<String, Map<String, Long>> deepCopy(Map<String, Map<String, Long>> m) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, copy(v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
