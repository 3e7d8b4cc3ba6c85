package org.mlcycle.magics.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Numbers;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Shows a Tablesaw {@link Table} the way Jupyter shows a pandas DataFrame: an HTML table with the
 * row index, the column types under the names, the head and tail rows around an ellipsis row, and
 * the shape underneath; plus an aligned {@code text/plain} form for consoles. Missing values read
 * {@code <NA>} (grey and italic in HTML) so they never pass for a value (Tablesaw
 * also counts an empty string as missing). A click on a column header sorts the rows shown
 * ({@link Html#SORTABLE}).
 */
public final class TableRenderer {
    static final String MISSING = "<NA>";
    private static final String MISSING_STYLE = "color:#999;font-style:italic";
    private static final String TYPE_STYLE = "color:#777;font-weight:normal;font-style:italic";

    private TableRenderer() {}

    /** Registers the renderer for {@link Table}: {@code text/html} preferred, {@code text/plain} always. */
    public static void register(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register(TableRenderer::render);
    }

    private static void render(Table table, RenderContext context) {
        TableDisplay display = TableDisplay.defaults().with(context.getParams());
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table, display));
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(table, display));
    }

    /** The table as an HTML fragment under {@code display}. */
    public static String html(Table table, TableDisplay display) {
        List<Integer> rows = display.rows(table.rowCount());
        List<Integer> cols = display.columns(table.columnCount());
        Map<Integer, Map<Integer, String>> numbers = decimals(table, rows, cols, display);
        StringBuilder out = new StringBuilder(256 + rows.size() * cols.size() * 24);
        out.append("<div class=\"mlcycle-table\"><table class=\"dataframe\" border=\"1\"")
                .append(Html.SORTABLE)
                .append('>');
        out.append("<thead><tr style=\"text-align:right;cursor:pointer\" title=\"click to sort\"><th></th>");
        for (int c : cols) {
            out.append("<th>")
                    .append(
                            c < 0
                                    ? "…"
                                    : Html.escape(display.cut(table.column(c).name())))
                    .append("</th>");
        }
        out.append("</tr><tr style=\"text-align:right\"><th></th>");
        for (int c : cols) {
            out.append("<th style=\"")
                    .append(TYPE_STYLE)
                    .append("\">")
                    .append(c < 0 ? "" : Html.escape(typeName(table.column(c))))
                    .append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (int r : rows) {
            // the ellipsis row between head and tail stays last when the rows shown are sorted
            out.append(r < 0 ? "<tr data-fixed><th>…" : "<tr><th>" + r).append("</th>");
            for (int c : cols) {
                if (r < 0 || c < 0) {
                    out.append("<td>…</td>");
                } else if (isMissing(table.column(c), r)) {
                    out.append("<td style=\"")
                            .append(MISSING_STYLE)
                            .append("\">")
                            .append(Html.escape(MISSING))
                            .append("</td>");
                } else {
                    out.append("<td>")
                            .append(Html.escape(display.cut(value(table, c, r, numbers))))
                            .append("</td>");
                }
            }
            out.append("</tr>");
        }
        out.append("</tbody></table><p>").append(Html.escape(shape(table))).append("</p></div>");
        return out.toString();
    }

    /** The table as aligned plain text under {@code display}: names, types, rows, shape. */
    public static String text(Table table, TableDisplay display) {
        List<Integer> rows = display.rows(table.rowCount());
        List<Integer> cols = display.columns(table.columnCount());
        Map<Integer, Map<Integer, String>> numbers = decimals(table, rows, cols, display);
        List<List<String>> lines = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(""));
        List<String> types = new ArrayList<>(List.of(""));
        for (int c : cols) {
            names.add(c < 0 ? "…" : display.cut(table.column(c).name()));
            types.add(c < 0 ? "" : typeName(table.column(c)));
        }
        lines.add(names);
        lines.add(types);
        for (int r : rows) {
            List<String> line = new ArrayList<>();
            line.add(r < 0 ? "…" : Integer.toString(r));
            for (int c : cols) {
                line.add(
                        r < 0 || c < 0
                                ? "…"
                                : isMissing(table.column(c), r) ? MISSING : display.cut(value(table, c, r, numbers)));
            }
            lines.add(line);
        }
        int[] widths = new int[names.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                if (i > 0) {
                    text.append("  ");
                }
                text.append(" ".repeat(widths[i] - line.get(i).length())).append(line.get(i));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.append('\n').append(shape(table)).toString();
    }

    /** "ads: 1,234 rows × 5 columns" (the name left out when the table has none). */
    static String shape(Table table) {
        String name = table.name() == null || table.name().isBlank() ? "" : table.name() + ": ";
        return String.format(
                Locale.ROOT,
                "%s%,d %s × %,d %s",
                name,
                table.rowCount(),
                table.rowCount() == 1 ? "row" : "rows",
                table.columnCount(),
                table.columnCount() == 1 ? "column" : "columns");
    }

    /**
     * The shown cells of every decimal column, formatted together per column as pandas does
     * (column index -> row index -> text).
     */
    private static Map<Integer, Map<Integer, String>> decimals(
            Table table, List<Integer> rows, List<Integer> cols, TableDisplay display) {
        Map<Integer, Map<Integer, String>> out = new HashMap<>();
        for (int c : cols) {
            // by class, not by ColumnType identity: depending on which Tablesaw class a JVM
            // initialises first, DoubleColumnType can exist twice and == fails
            if (c < 0
                    || !(table.column(c) instanceof NumberColumn<?, ?> numbers)
                    || !(numbers instanceof tech.tablesaw.api.DoubleColumn
                            || numbers instanceof tech.tablesaw.api.FloatColumn)) {
                continue;
            }
            List<Integer> shown = new ArrayList<>();
            for (int r : rows) {
                if (r >= 0 && !numbers.isMissing(r)) {
                    shown.add(r);
                }
            }
            double[] values = new double[shown.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = numbers.getDouble(shown.get(i));
            }
            List<String> texts = Numbers.column(values, display.precision());
            Map<Integer, String> byRow = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                byRow.put(shown.get(i), texts.get(i));
            }
            out.put(c, byRow);
        }
        return out;
    }

    private static String value(Table table, int c, int r, Map<Integer, Map<Integer, String>> numbers) {
        Map<Integer, String> column = numbers.get(c);
        String text = column == null ? null : column.get(r);
        return text != null ? text : table.column(c).getString(r);
    }

    /**
     * Tablesaw's own test, plus the empty string in a string column: that is Tablesaw's missing
     * value there, though {@code setMissing} on a column built without one is not seen by
     * {@code isMissing} (0.44.4).
     */
    private static boolean isMissing(Column<?> column, int row) {
        return column.isMissing(row)
                || (column instanceof StringColumn && column.getString(row).isEmpty());
    }

    private static String typeName(Column<?> column) {
        return column.type().name().toLowerCase(Locale.ROOT);
    }
}
