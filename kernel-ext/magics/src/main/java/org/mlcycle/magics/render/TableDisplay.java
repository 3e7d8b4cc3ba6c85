package org.mlcycle.magics.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.report.Numbers;

/**
 * How much of a table a notebook shows, like pandas' display options: the first {@code head} and
 * last {@code tail} rows (all rows when the table has no more than {@code head + tail}), at most
 * {@code maxColumns} columns, cells cut at {@code maxWidth} characters, decimal numbers with
 * {@code precision} digits after the point, formatted together per column as pandas does
 * ({@link Numbers#FULL}: every digit).
 *
 * <p>Override per display with render parameters of the same names, e.g.
 * {@code render(table, Map.of("head", 5))} or {@code Map.of("precision", "full")}.
 */
public record TableDisplay(int head, int tail, int maxColumns, int maxWidth, int precision) {

    /** Ten rows from each end, 20 columns, 50 characters a cell, six digits after the point. */
    public static TableDisplay defaults() {
        return new TableDisplay(10, 10, 20, 50, Numbers.PRECISION);
    }

    public TableDisplay(int head, int tail, int maxColumns, int maxWidth) {
        this(head, tail, maxColumns, maxWidth, Numbers.PRECISION);
    }

    public TableDisplay {
        if (head < 0 || tail < 0 || maxColumns < 2 || maxWidth < 4 || (precision < 0 && precision != Numbers.FULL)) {
            throw new IllegalArgumentException(String.format(
                    "table display: head and tail must be >= 0, maxColumns >= 2, maxWidth >= 4, precision >= 0 or full"
                            + " (got %d, %d, %d, %d, %d)",
                    head, tail, maxColumns, maxWidth, precision));
        }
    }

    public TableDisplay withPrecision(int precision) {
        return new TableDisplay(head, tail, maxColumns, maxWidth, precision);
    }

    public TableDisplay withHead(int head) {
        return new TableDisplay(head, tail, maxColumns, maxWidth, precision);
    }

    public TableDisplay withTail(int tail) {
        return new TableDisplay(head, tail, maxColumns, maxWidth, precision);
    }

    /** These options with any of {@code head}, {@code tail}, {@code maxColumns}, {@code maxWidth}, {@code precision} taken from params. */
    TableDisplay with(Map<String, Object> params) {
        Object full = params.get("precision");
        return new TableDisplay(
                intParam(params, "head", head),
                intParam(params, "tail", tail),
                intParam(params, "maxColumns", maxColumns),
                intParam(params, "maxWidth", maxWidth),
                full != null && "full".equalsIgnoreCase(String.valueOf(full).trim())
                        ? Numbers.FULL
                        : intParam(params, "precision", precision));
    }

    private static int intParam(Map<String, Object> params, String key, int fallback) {
        Object value = params.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "table display: parameter '" + key + "' is not a whole number: " + value);
        }
    }

    /** Row indices to show; {@code -1} marks the ellipsis row between head and tail. */
    List<Integer> rows(int rowCount) {
        return window(rowCount, head, tail);
    }

    /** Column indices to show; {@code -1} marks the ellipsis column. */
    List<Integer> columns(int columnCount) {
        int left = (maxColumns + 1) / 2;
        return window(columnCount, left, maxColumns - left);
    }

    /** {@code value} cut to {@code maxWidth} characters, the cut marked with an ellipsis. */
    String cut(String value) {
        return value.length() <= maxWidth ? value : value.substring(0, maxWidth - 1) + "…";
    }

    private static List<Integer> window(int count, int first, int last) {
        List<Integer> out = new ArrayList<>();
        if (count <= first + last) {
            for (int i = 0; i < count; i++) {
                out.add(i);
            }
            return out;
        }
        for (int i = 0; i < first; i++) {
            out.add(i);
        }
        out.add(-1);
        for (int i = count - last; i < count; i++) {
            out.add(i);
        }
        return out;
    }
}
