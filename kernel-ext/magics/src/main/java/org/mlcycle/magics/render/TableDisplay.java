package org.mlcycle.magics.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How much of a table a notebook shows, like pandas' display options: the first {@code head} and
 * last {@code tail} rows (all rows when the table has no more than {@code head + tail}), at most
 * {@code maxColumns} columns, cells cut at {@code maxWidth} characters.
 *
 * <p>Override per display with render parameters of the same names, e.g.
 * {@code render(table, Map.of("head", 5))}.
 */
public record TableDisplay(int head, int tail, int maxColumns, int maxWidth) {

    /** Ten rows from each end, 20 columns, 50 characters a cell. */
    public static TableDisplay defaults() {
        return new TableDisplay(10, 10, 20, 50);
    }

    public TableDisplay {
        if (head < 0 || tail < 0 || maxColumns < 2 || maxWidth < 4) {
            throw new IllegalArgumentException(String.format(
                    "table display: head and tail must be >= 0, maxColumns >= 2, maxWidth >= 4 (got %d, %d, %d, %d)",
                    head, tail, maxColumns, maxWidth));
        }
    }

    public TableDisplay withHead(int head) {
        return new TableDisplay(head, tail, maxColumns, maxWidth);
    }

    public TableDisplay withTail(int tail) {
        return new TableDisplay(head, tail, maxColumns, maxWidth);
    }

    /** These options with any of {@code head}, {@code tail}, {@code maxColumns}, {@code maxWidth} taken from params. */
    TableDisplay with(Map<String, Object> params) {
        return new TableDisplay(
                intParam(params, "head", head),
                intParam(params, "tail", tail),
                intParam(params, "maxColumns", maxColumns),
                intParam(params, "maxWidth", maxWidth));
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
            throw new IllegalArgumentException("table display: parameter '" + key + "' is not a whole number: " + value);
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
