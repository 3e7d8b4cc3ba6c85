package org.mlcycle.toolkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void aReportTableCarriesTheSortHandlerAndItsHeaderSaysSo() {
        String html = Html.table(List.of("model", "AUC"), List.of(List.of("a", 0.7), List.of("b", 0.9)));

        Matcher onclick = Pattern.compile("<table class=\"mlcycle\" onclick=\"([^\"]*)\">")
                .matcher(html);
        assertTrue(onclick.find(), html);
        assertEquals(Html.SORT_SCRIPT, unescape(onclick.group(1)));
        assertTrue(html.contains("<thead><tr style=\"cursor:pointer\" title=\"click to sort\"><th>model</th>"), html);
        assertTrue(html.contains("<tbody><tr><td>a</td><td>0.7000</td></tr>"), html);
    }

    @Test
    void theSortHandlerIsSelfContained() {
        // no external resource, no element looked up by id, nothing left in the page after a sort
        assertFalse(Html.SORT_SCRIPT.contains("http"));
        assertFalse(Html.SORT_SCRIPT.contains("getElementById"));
        assertFalse(Html.SORT_SCRIPT.contains("\""), "double quotes would end the attribute early");
        assertTrue(Html.SORT_SCRIPT.contains("aria-sort"));
        assertTrue(Html.SORTABLE.length() < 1200, "small enough to repeat on every table");
    }

    @Test
    void cellsStayEscapedNextToTheHandler() {
        String html = Html.table(List.of("<h>"), List.of(List.of("<b>boots</b>")));

        assertTrue(html.contains("<th>&lt;h&gt;</th>"));
        assertTrue(html.contains("<td>&lt;b&gt;boots&lt;/b&gt;</td>"));
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
