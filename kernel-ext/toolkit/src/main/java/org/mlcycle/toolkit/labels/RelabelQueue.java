package org.mlcycle.toolkit.labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.split.LabelColumn;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows waiting for a second look: each with its given label, what the detector (or a second labeler)
 * suggests, and, once decided, the label accepted. Deciding returns a new queue; {@link #apply(Table)}
 * writes the accepted labels into a copy of the table, the next table version. Nothing is changed
 * without a decision: a suggestion alone is not a correction.
 */
public record RelabelQueue(String labelColumn, List<Item> items) implements Rendered {

    /** A queued row; {@code accepted} is null until decided. */
    public record Item(int row, String given, String suggested, double selfConfidence, String accepted) {
        public boolean decided() {
            return accepted != null;
        }

        public boolean changes() {
            return accepted != null && !accepted.equals(given);
        }
    }

    public RelabelQueue {
        Objects.requireNonNull(labelColumn, "labelColumn");
        items = List.copyOf(items);
    }

    /** The suspected rows of a label-issue search, most suspicious first. */
    public static RelabelQueue of(LabelIssueReport issues, String labelColumn) {
        List<Item> items = new ArrayList<>();
        for (LabelIssue i : issues.issues())
            items.add(new Item(i.row(), i.given(), i.suggested(), i.selfConfidence(), null));
        return new RelabelQueue(labelColumn, items);
    }

    /** The rows two labelers disagree on; the first labeler's column is the label being fixed. */
    public static RelabelQueue of(AgreementReport agreement) {
        List<Item> items = new ArrayList<>();
        for (Disagreement d : agreement.disagreements())
            items.add(new Item(d.row(), d.first(), d.second(), Double.NaN, null));
        return new RelabelQueue(agreement.first(), items);
    }

    /** Accepts {@code label} for queued row {@code row}. */
    public RelabelQueue accept(int row, String label) {
        Require.that(label != null && !label.isEmpty(), "relabel", "the accepted label for row %d is empty", row);
        List<Item> next = new ArrayList<>();
        boolean found = false;
        for (Item i : items) {
            if (i.row() == row) {
                found = true;
                next.add(new Item(i.row(), i.given(), i.suggested(), i.selfConfidence(), label));
            } else {
                next.add(i);
            }
        }
        Require.that(found, "relabel", "row %d is not in the queue", row);
        return new RelabelQueue(labelColumn, next);
    }

    /**
     * Accepts, for every undecided row, the label in {@code column} of {@code source} at the same row: a
     * second labeler's pass or a truth file aligned with the table. Missing labels there leave the row
     * undecided.
     */
    public RelabelQueue acceptFrom(Table source, String column) {
        Column<?> c = Require.column(source, column, "relabel");
        List<Item> next = new ArrayList<>();
        for (Item i : items) {
            if (i.decided()) {
                next.add(i);
                continue;
            }
            Require.that(
                    i.row() < source.rowCount(),
                    "relabel",
                    "row %d is past the end of table '%s' (%d rows)",
                    i.row(),
                    source.name(),
                    source.rowCount());
            String v = LabelColumn.isMissing(c, i.row()) ? null : c.getString(i.row());
            next.add(new Item(i.row(), i.given(), i.suggested(), i.selfConfidence(), v));
        }
        return new RelabelQueue(labelColumn, next);
    }

    public List<Item> pending() {
        return items.stream().filter(i -> !i.decided()).toList();
    }

    /** Decided rows whose accepted label differs from the given one. */
    public List<Item> changes() {
        return items.stream().filter(Item::changes).toList();
    }

    /**
     * A copy of {@code table} with every accepted label written in; the copy is named after the table
     * with the number of corrected rows. Each queued row must still hold its given label, so a queue
     * is never applied to a table it was not made for.
     */
    public Table apply(Table table) {
        Column<?> original = Require.column(table, labelColumn, "relabel");
        for (Item i : changes()) {
            Require.that(
                    i.row() < table.rowCount(),
                    "relabel",
                    "row %d is past the end of table '%s' (%d rows)",
                    i.row(),
                    table.name(),
                    table.rowCount());
            String now = LabelColumn.isMissing(original, i.row()) ? "" : original.getString(i.row());
            Require.that(
                    now.equals(i.given()),
                    "relabel",
                    "row %d of table '%s' has label '%s', not '%s' as when queued; was the queue made for this table?",
                    i.row(),
                    table.name(),
                    now,
                    i.given());
        }
        Table out = table.copy();
        out.setName(String.format(
                Locale.ROOT, "%s (relabelled %d)", table.name(), changes().size()));
        Column<?> label = out.column(labelColumn);
        for (Item i : changes()) set(label, i.row(), i.accepted());
        return out;
    }

    private static void set(Column<?> c, int row, String v) {
        try {
            if (c instanceof StringColumn s) s.set(row, v);
            else if (c instanceof IntColumn n) n.set(row, Integer.parseInt(v));
            else if (c instanceof LongColumn n) n.set(row, Long.parseLong(v));
            else if (c instanceof ShortColumn n) n.set(row, Short.parseShort(v));
            else if (c instanceof DoubleColumn n) n.set(row, Double.parseDouble(v));
            else if (c instanceof FloatColumn n) n.set(row, Float.parseFloat(v));
            else if (c instanceof BooleanColumn b && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
                b.set(row, Boolean.parseBoolean(v));
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(
                    "relabel: label '%s' for row %d does not fit %s column '%s'",
                    v, row, c.type().name(), c.name()));
        }
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    public String verdict() {
        return verdict("en");
    }

    /** The verdict in {@code language}: English for the text, the learner's for the HTML headline. */
    private String verdict(String language) {
        return Messages.in(
                language,
                "report.relabel.headline",
                items.size(),
                labelColumn,
                items.size() - pending().size(),
                changes().size(),
                items.size() - pending().size() - changes().size(),
                pending().size());
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(verdict());
        for (Item i : items.subList(0, Math.min(LabelIssueReport.SHOWN, items.size()))) {
            s.append(System.lineSeparator())
                    .append(String.format(
                            Locale.ROOT,
                            "  %d: %s, suggested %s (%s) -> %s",
                            i.row(),
                            i.given(),
                            i.suggested(),
                            fmt(i.selfConfidence()),
                            i.decided() ? i.accepted() : "pending"));
        }
        return s.toString();
    }

    @Override
    public String toHtml() {
        String pending = Messages.get("report.relabel.pending");
        List<List<?>> rows = new ArrayList<>();
        for (Item i : items.subList(0, Math.min(LabelIssueReport.SHOWN, items.size()))) {
            rows.add(List.of(
                    i.row(), i.given(), i.suggested(), fmt(i.selfConfidence()), i.decided() ? i.accepted() : pending));
        }
        return Html.translatedReport(
                verdict(Messages.language()),
                Html.table(
                        Html.headers("report.relabel.", "row", "given", "suggested", "selfConfidence", "accepted"),
                        rows));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("label", labelColumn);
        r.put("queued", items.size());
        r.put("pending", pending().size());
        r.put("corrected", changes().size());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Item i : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", i.row());
            m.put("given", i.given());
            m.put("suggested", i.suggested());
            m.put("accepted", i.accepted());
            list.add(m);
        }
        r.put("items", list);
        return r;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
