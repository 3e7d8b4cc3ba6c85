package org.mlcycle.toolkit.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mlcycle.toolkit.i18n.Messages;

/**
 * The few HTML pieces every report needs. Reports are static HTML with inline styles and no script
 * elements, so they survive nbconvert and any Jupyter front end. The one piece of behaviour is an
 * inline click handler on tables ({@link #SORTABLE}): where a front end runs it (trusted output in
 * the classic notebook and JupyterLab, nbconvert's HTML) a click on a header sorts the rows; where
 * it is stripped (untrusted output) the table is a plain table.
 */
public final class Html {
    private Html() {}

    /**
     * The click handler that sorts a table's body rows by the clicked header's column, ascending and
     * then descending on a second click (marked with {@code aria-sort}); numbers sort as numbers and
     * before text, and rows marked {@code data-fixed} (an ellipsis row) stay at the end. An inline
     * attribute rather than a script element: output HTML is inserted in ways that run scripts
     * before, or without, attaching them to the page, but an attribute is there when the click comes.
     */
    static final String SORT_SCRIPT = String.join(
            "",
            "var h=event.target.closest('th'),t=this;",
            "if(!h||!t.tHead||!t.tHead.contains(h))return;",
            "var c=Array.prototype.indexOf.call(h.parentNode.children,h),",
            "d=h.getAttribute('aria-sort')==='ascending'?-1:1,b=t.tBodies[0],",
            "key=function(r){var x=r.cells[c]?r.cells[c].textContent.trim():'',n=Number(x.replace(/%$/,''));",
            "return x!==''&&!isNaN(n)?n:x;},",
            "all=Array.prototype.slice.call(b.rows),",
            "rows=all.filter(function(r){return !r.hasAttribute('data-fixed');}),",
            "fixed=all.filter(function(r){return r.hasAttribute('data-fixed');});",
            "t.querySelectorAll('th[aria-sort]').forEach(function(x){x.removeAttribute('aria-sort');});",
            "h.setAttribute('aria-sort',d>0?'ascending':'descending');",
            "rows.sort(function(p,q){var a=key(p),z=key(q);",
            "return d*(typeof a!==typeof z?(typeof a==='number'?-1:1):typeof a==='number'?a-z:a.localeCompare(z));});",
            "rows.concat(fixed).forEach(function(r){b.appendChild(r);});");

    /** The attribute that makes a table sortable: {@code <table SORTABLE>}, with a leading space. */
    public static final String SORTABLE = " onclick=\"" + escape(SORT_SCRIPT) + "\"";

    /** The attributes of a header row that sorts on click: pointer cursor and a tooltip saying so. */
    public static final String SORT_HEADER = " style=\"cursor:pointer\" title=\"click to sort\"";

    /** A report's block: the headline in bold (escaped here), then the HTML parts in order. */
    public static String report(String headline, String... parts) {
        return report("", headline, parts);
    }

    /**
     * A report whose headline is in the learner's language ({@link Messages}): as {@link #report},
     * read right to left in Persian, its tables still left to right.
     */
    public static String translatedReport(String headline, String... parts) {
        return report(Messages.dirAttribute(), headline, parts);
    }

    private static String report(String dir, String headline, String... parts) {
        StringBuilder out = new StringBuilder(
                        "<div" + dir + " style=\"font-family:sans-serif\"><p style=\"margin:0 0 4px 0\"><b>")
                .append(escape(headline))
                .append("</b></p>");
        for (String part : parts) out.append(part);
        return out.append("</div>").toString();
    }

    /**
     * A report's column headers in the learner's language: the message {@code prefix + name} for
     * each name ({@code headers("report.checks.", "constraint", "measured")}). Only the words a
     * reader sees; the names of tables handed back to code stay as they are.
     */
    public static List<String> headers(String prefix, String... names) {
        return Arrays.stream(names).map(n -> Messages.get(prefix + n)).toList();
    }

    /** Escapes text for an HTML body or attribute. */
    public static String escape(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A table with a header row, sorted by a click on a header; every cell is escaped. In a
     * right-to-left language the table stays left to right, so columns and numbers keep their order.
     */
    public static String table(List<String> header, List<List<?>> rows) {
        StringBuilder out = new StringBuilder("<table class=\"mlcycle\""
                + (Messages.rightToLeft() ? " dir=\"ltr\"" : "") + SORTABLE + "><thead><tr" + SORT_HEADER + ">");
        for (String h : header) {
            out.append("<th>").append(escape(h)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (List<?> row : rows) {
            out.append("<tr>");
            for (Object cell : row) {
                out.append("<td>").append(escape(format(cell))).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /** Numbers to 4 significant decimals, NaN as "-", everything else as its string. */
    public static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "-";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%.1f", d);
            }
            return String.format(Locale.ROOT, "%.4g", d);
        }
        return value == null ? "" : String.valueOf(value);
    }
}
