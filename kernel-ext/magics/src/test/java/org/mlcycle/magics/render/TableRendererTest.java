package org.mlcycle.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.magics.MlcycleExtension;
import org.mlcycle.toolkit.report.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableRendererTest {
    private final Renderer renderer = new Renderer();

    TableRendererTest() {
        MlcycleExtension.renderers(renderer);
    }

    private static Table numbered(int rows) {
        int[] ids = new int[rows];
        double[] bids = new double[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = 1000 + i;
            bids[i] = i / 4.0;
        }
        return Table.create("ads", IntColumn.create("id", ids), DoubleColumn.create("bid", bids));
    }

    private static String html(DisplayData data) {
        return (String) data.getData(MIMEType.TEXT_HTML);
    }

    private static String text(DisplayData data) {
        return (String) data.getData(MIMEType.TEXT_PLAIN);
    }

    @Test
    @DisplayName("a long table shows its shape, column types, the first and last ten rows and one ellipsis row")
    void longTableShowsHeadAndTail() {
        String html = html(renderer.render(numbered(1234)));

        assertTrue(html.contains("ads: 1,234 rows × 2 columns"), html);
        assertTrue(html.contains(">integer</th>") && html.contains(">double</th>"), "types row");
        for (int id : new int[] {1000, 1009, 2224, 2233}) {
            assertTrue(html.contains("<td>" + id + "</td>"), "row with id " + id);
        }
        assertFalse(html.contains("<td>1010</td>"), "row 10 is hidden");
        assertFalse(html.contains("<td>2223</td>"), "row 1223 is hidden");
        assertEquals(
                1, html.split("<tr data-fixed><th>…</th>", -1).length - 1, "one ellipsis row, kept last by a sort");
        assertTrue(html.contains("<tr><th>1233</th>"), "the index of the last row");
    }

    @Test
    @DisplayName("a click on a header sorts the rows: the table carries the sort handler, the header row says so")
    void tableIsSortable() {
        String html = html(renderer.render(numbered(5)));

        assertTrue(html.contains("<table class=\"dataframe\" border=\"1\"" + Html.SORTABLE + ">"), html);
        assertTrue(
                html.contains("<thead><tr style=\"text-align:right;cursor:pointer\" title=\"click to sort\">"), html);
    }

    @Test
    @DisplayName("a table of twenty rows or fewer is shown whole, without an ellipsis row")
    void shortTableIsWhole() {
        String html = html(renderer.render(numbered(20)));

        assertTrue(html.contains("<td>1019</td>"));
        assertFalse(html.contains("…"));
        assertTrue(html.contains("20 rows × 2 columns"));
    }

    @Test
    @DisplayName("cells, column names and the table name are HTML-escaped")
    void cellsAreEscaped() {
        Table t = Table.create(
                "<b>q</b>", StringColumn.create("<query>", "<script>alert(1)</script>", "fish & chips", "\"quoted\""));

        String html = html(renderer.render(t));

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("fish &amp; chips"));
        assertTrue(html.contains("&lt;query&gt;"));
        assertTrue(html.contains("&lt;b&gt;q&lt;/b&gt;: 3 rows"));
    }

    @Test
    @DisplayName("missing values read <NA>, styled apart from a real value such as the text NA")
    void missingValuesAreDistinct() {
        StringColumn query = StringColumn.create("query", "shoes", "NA", "hat");
        query.setMissing(2);
        DoubleColumn bid = DoubleColumn.create("bid", 1.5, Double.NaN, 2.0);
        Table t = Table.create("m", query, bid);

        DisplayData data = renderer.render(t);

        String html = html(data);
        assertEquals(2, html.split("&lt;NA&gt;", -1).length - 1, "one missing string, one missing double: " + html);
        assertTrue(html.contains("font-style:italic\">&lt;NA&gt;"), "styled apart from values");
        assertTrue(html.contains("<td>NA</td>"), "the text NA is a value");
        assertTrue(text(data).contains("<NA>"));
    }

    @Test
    @DisplayName("the text/plain fallback aligns names, types and rows and ends with the shape")
    void plainTextFallback() {
        String text = text(renderer.render(numbered(25)));
        String[] lines = text.split("\n");

        assertEquals(List.of("id", "bid"), List.of(lines[0].trim().split(" +")));
        assertEquals(List.of("integer", "double"), List.of(lines[1].trim().split(" +")));
        assertEquals(List.of("0", "1000", "0.00"), List.of(lines[2].trim().split(" +")));
        assertEquals(List.of("…", "…", "…"), List.of(lines[12].trim().split(" +")), "the ellipsis row after ten rows");
        assertEquals(List.of("24", "1024", "6.00"), List.of(lines[22].trim().split(" +")));
        assertTrue(text.endsWith("ads: 25 rows × 2 columns"), text);
        assertEquals(lines[0].length(), lines[2].length(), "columns line up");
    }

    @Test
    @DisplayName("render parameters head and tail change how many rows show")
    void headAndTailParameters() {
        Map<String, Object> params = new HashMap<>();
        params.put("head", 2);
        params.put("tail", "1");

        String html = html(renderer.render(numbered(100), params));

        assertTrue(html.contains("<td>1001</td>"));
        assertFalse(html.contains("<td>1002</td>"));
        assertTrue(html.contains("<td>1099</td>"));
        assertFalse(html.contains("<td>1098</td>"));
    }

    @Test
    @DisplayName("a wide table shows the first and last ten columns around an ellipsis column")
    void wideTableElidesColumns() {
        Table t = Table.create("wide");
        for (int c = 0; c < 30; c++) {
            t.addColumns(IntColumn.create("c" + c, new int[] {c}));
        }

        String html = html(renderer.render(t));

        assertTrue(html.contains("<th>c9</th><th>…</th><th>c20</th>"), html);
        assertFalse(html.contains("<th>c10</th>"));
        assertTrue(html.contains("1 row × 30 columns"));
    }

    @Test
    @DisplayName("an empty table still shows its columns, types and shape")
    void emptyTable() {
        Table t = Table.create("none", IntColumn.create("id"), StringColumn.create("query"));

        DisplayData data = renderer.render(t);

        assertTrue(html(data).contains("<th>query</th>"));
        assertTrue(html(data).contains("none: 0 rows × 2 columns"));
        assertTrue(text(data).endsWith("none: 0 rows × 2 columns"), text(data));
    }

    @Test
    @DisplayName("long cell text is cut at 50 characters with an ellipsis")
    void longCellsAreCut() {
        Table t = Table.create("t", StringColumn.create("s", "x".repeat(80)));

        String html = html(renderer.render(t));

        assertTrue(html.contains("<td>" + "x".repeat(49) + "…</td>"), html);
    }

    @Test
    @DisplayName("decimal columns show six digits, one style per column, as pandas does; full precision on request")
    void decimalsAsPandas() {
        Table t = Table.create(
                "rates",
                DoubleColumn.create("rate", new double[] {0.1080891910808919, 0.5}),
                DoubleColumn.create("tiny", new double[] {0.0000000030000000000000004, 0.25}));
        String html = html(renderer.render(t));
        assertTrue(html.contains("<td>0.108089</td>") && html.contains("<td>0.500000</td>"), html);
        assertTrue(html.contains("<td>3.000000e-09</td>") && html.contains("<td>2.500000e-01</td>"), html);
        assertFalse(html.contains("0.1080891910808919") || html.contains("0.0000000030000000000000004"), html);
        assertTrue(text(renderer.render(t)).contains("0.108089"));
        String full = html(renderer.render(t, Map.of("precision", "full")));
        assertTrue(full.contains("<td>0.1080891910808919</td>"), full);
    }
}
