package org.mlcycle.toolkit.report;

import java.util.List;
import java.util.Locale;

/**
 * The few HTML pieces every report needs. Reports are static HTML (no scripts, inline styles) so
 * they survive nbconvert and any Jupyter front end.
 */
public final class Html {
    private Html() {}

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

    /** A table with a header row; every cell is escaped. */
    public static String table(List<String> header, List<List<?>> rows) {
        StringBuilder out = new StringBuilder("<table class=\"mlcycle\"><thead><tr>");
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
