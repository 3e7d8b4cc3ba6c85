package org.mlcycle.magics.render;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Numbers;
import org.mlcycle.toolkit.report.Rendered;
import tech.tablesaw.api.Table;

/**
 * Shows the toolkit's plain records (a column profile, a journal entry, an options record) as a card
 * of their fields, and a list of them as a table with one row per record, where a notebook would
 * otherwise print {@code ColumnProfile[name=x, type=DOUBLE, ...]} with every histogram array in full.
 * Long lists inside a card are cut with a count of what is left out. A record that is also
 * {@link Rendered} keeps its own forms (jjava looks at a type's interfaces before its superclass,
 * {@code java.lang.Record}), and records and lists from outside mlcycle keep their plain text.
 */
public final class RecordRenderer {
    /** Packages whose records get a card. */
    static final String OURS = "org.mlcycle.toolkit.";
    /** Rows of a list shown before the cut. */
    static final int MAX_ROWS = 50;
    /** Values of a list inside a cell shown before the cut. */
    static final int MAX_VALUES = 12;

    private static final int MAX_DEPTH = 2;
    private static final String CARD_STYLE = "font-family:sans-serif;display:inline-block;border:1px solid #d0d0d0;"
            + "border-radius:4px;padding:4px 8px;margin:2px 0";
    private static final String KEY_STYLE =
            "text-align:left;color:#555;font-weight:normal;padding-right:12px;vertical-align:top";
    private static final String VALUE_STYLE = "text-align:left;vertical-align:top";

    private RecordRenderer() {}

    /** Registers the card for records and the table for lists of them: {@code text/html} preferred, {@code text/plain} always. */
    public static void register(Renderer renderer) {
        renderer.createRegistration(Record.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register(RecordRenderer::renderRecord);
        renderer.createRegistration(List.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register(RecordRenderer::renderList);
    }

    private static void renderRecord(Record record, RenderContext context) {
        if (ours(record)) context.renderIfRequested(MIMEType.TEXT_HTML, () -> card(record));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> String.valueOf(record));
    }

    private static void renderList(List<?> list, RenderContext context) {
        if (!list.isEmpty() && list.stream().allMatch(RecordRenderer::ours)) {
            context.renderIfRequested(MIMEType.TEXT_HTML, () -> list(list));
        }
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> String.valueOf(list));
    }

    /** Whether {@code value} is one of mlcycle's records or results. */
    static boolean ours(Object value) {
        return value != null
                && (value instanceof Record || value instanceof Rendered)
                && value.getClass().getName().startsWith(OURS);
    }

    /** A record as a card: its type's name, then one line per field. */
    public static String card(Record record) {
        return card(record, 0);
    }

    /** A list of records (or results) as a table, one row per element, one column per field. */
    public static String list(List<?> list) {
        return list(list, 0);
    }

    private static String card(Record record, int depth) {
        StringBuilder out = new StringBuilder("<div class=\"mlcycle-card\" style=\"")
                .append(CARD_STYLE)
                .append("\">");
        out.append("<div style=\"font-weight:bold;margin-bottom:2px\">")
                .append(Html.escape(record.getClass().getSimpleName()))
                .append("</div><table style=\"border-collapse:collapse\"><tbody>");
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            out.append("<tr><th style=\"")
                    .append(KEY_STYLE)
                    .append("\">")
                    .append(Html.escape(c.getName()))
                    .append("</th><td style=\"")
                    .append(VALUE_STYLE)
                    .append("\">")
                    .append(value(component(record, c), depth + 1))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    private static String list(List<?> list, int depth) {
        Object first = list.get(0);
        boolean sameRecords =
                first instanceof Record && list.stream().allMatch(v -> v != null && v.getClass() == first.getClass());
        StringBuilder out = new StringBuilder("<div class=\"mlcycle-list\" style=\"font-family:sans-serif\">");
        int shown = Math.min(list.size(), MAX_ROWS);
        if (sameRecords) {
            RecordComponent[] components = first.getClass().getRecordComponents();
            out.append("<table class=\"mlcycle\"")
                    .append(Html.SORTABLE)
                    .append("><thead><tr")
                    .append(Html.SORT_HEADER)
                    .append("><th></th>");
            for (RecordComponent c : components)
                out.append("<th>").append(Html.escape(c.getName())).append("</th>");
            out.append("</tr></thead><tbody>");
            for (int i = 0; i < shown; i++) {
                out.append("<tr><td style=\"color:#777\">").append(i).append("</td>");
                for (RecordComponent c : components) {
                    // a cell holds no nested tables or cards: lists and records inside it stay on one line
                    out.append("<td>")
                            .append(value(component((Record) list.get(i), c), MAX_DEPTH + 1))
                            .append("</td>");
                }
                out.append("</tr>");
            }
            out.append("</tbody></table>");
        } else {
            for (int i = 0; i < shown; i++)
                out.append("<div>").append(value(list.get(i), depth)).append("</div>");
        }
        if (list.size() > shown) {
            out.append("<p style=\"margin:2px 0;color:#777\">… ")
                    .append(list.size() - shown)
                    .append(" more (")
                    .append(list.size())
                    .append(" in all)</p>");
        } else {
            out.append("<p style=\"margin:2px 0;color:#777\">")
                    .append(list.size())
                    .append(list.size() == 1 ? " item" : " items")
                    .append("</p>");
        }
        return out.append("</div>").toString();
    }

    /** One field's value as HTML: numbers as pandas shows them, nested records as cards, long lists cut. */
    private static String value(Object v, int depth) {
        if (v == null) return "<span style=\"color:#999;font-style:italic\">null</span>";
        if (v instanceof Double || v instanceof Float) return Html.escape(Numbers.format(((Number) v).doubleValue()));
        if (v instanceof Rendered r && depth <= MAX_DEPTH) return nested(r);
        if (v instanceof Record r && ours(r)) return depth <= MAX_DEPTH ? card(r, depth) : inline(r);
        if (v instanceof Table t) {
            return Html.escape(
                    String.format("table '%s': %,d rows × %d columns", t.name(), t.rowCount(), t.columnCount()));
        }
        if (v instanceof Chart<?, ?> chart && depth <= MAX_DEPTH) return Charts.img(chart);
        if (v.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) items.add(Array.get(v, i));
            return values(items, depth);
        }
        if (v instanceof List<?> list
                && !list.isEmpty()
                && list.stream().allMatch(RecordRenderer::ours)
                && depth <= MAX_DEPTH) {
            return list(list, depth + 1);
        }
        if (v instanceof Collection<?> c) return values(new ArrayList<>(c), depth);
        if (v instanceof Map<?, ?> map) {
            List<Object> items = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) items.add(e);
            return values(items, depth);
        }
        return Html.escape(String.valueOf(v));
    }

    /** A result inside a record: its own HTML, or its text if drawing it fails (a card must not lose its other fields). */
    private static String nested(Rendered r) {
        try {
            return r.toHtml();
        } catch (RuntimeException e) {
            try {
                return Html.escape(r.toText());
            } catch (RuntimeException again) {
                return Html.escape(r.getClass().getSimpleName() + " (cannot be shown: " + e.getMessage() + ")");
            }
        }
    }

    /** Up to {@link #MAX_VALUES} values in brackets, then how many more. */
    private static String values(List<?> items, int depth) {
        StringBuilder out = new StringBuilder("[");
        int shown = Math.min(items.size(), MAX_VALUES);
        for (int i = 0; i < shown; i++) {
            if (i > 0) out.append(", ");
            Object item = items.get(i);
            if (item instanceof Map.Entry<?, ?> e) {
                out.append(Html.escape(String.valueOf(e.getKey()))).append(": ").append(inline(e.getValue()));
            } else {
                out.append(inline(item));
            }
        }
        if (items.size() > shown)
            out.append(", … ").append(items.size() - shown).append(" more");
        return out.append("]").toString();
    }

    /** A value inside brackets: numbers formatted, anything else its text. */
    private static String inline(Object v) {
        if (v instanceof Double || v instanceof Float) return Html.escape(Numbers.format(((Number) v).doubleValue()));
        if (v instanceof Record r && ours(r)) {
            StringBuilder out = new StringBuilder("(");
            RecordComponent[] components = r.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (i > 0) out.append(", ");
                out.append(inline(component(r, components[i])));
            }
            return out.append(')').toString();
        }
        return Html.escape(String.valueOf(v));
    }

    private static Object component(Record record, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | RuntimeException e) {
            return "(not readable: " + e.getClass().getSimpleName() + ")";
        } catch (InvocationTargetException e) {
            return "(not readable: " + e.getCause() + ")";
        }
    }
}
