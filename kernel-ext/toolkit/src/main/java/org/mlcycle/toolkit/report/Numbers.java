package org.mlcycle.toolkit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Numbers as pandas shows them: six digits after the point by default, trailing zeros trimmed by
 * the same amount across a column so one column has one style, and scientific notation for the
 * whole column when a value is too small to show in fixed form ({@code 0.0000000030000000000000004}
 * reads {@code 3.000000e-09}) or a large one would be too long. {@link #FULL} keeps every digit
 * ({@link Double#toString}).
 */
public final class Numbers {
    /** The precision pandas uses by default ({@code display.precision}). */
    public static final int PRECISION = 6;
    /** A precision that asks for full precision: the shortest text that reads back to the same double. */
    public static final int FULL = -1;

    private Numbers() {}

    /** One value as it would appear alone in a pandas column: {@code 0.108089}, {@code 2491.0}, {@code 3.000000e-09}. */
    public static String format(double value) {
        return column(new double[] {value}, PRECISION).get(0);
    }

    /** One value with about six significant digits, for prose-like printouts: {@code 0.108089}, {@code 2491}, {@code 3e-09}. */
    public static String brief(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = String.format(Locale.ROOT, "%.6g", value);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return trimZeros(parts[0]) + "e" + parts[1];
        }
        return trimZeros(s);
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A column of values formatted together, pandas' way, with {@code precision} digits ({@link #FULL}: all). */
    public static List<String> column(double[] values, int precision) {
        List<String> out = new ArrayList<>(values.length);
        if (precision == FULL) {
            for (double v : values) {
                out.add(Double.isNaN(v) ? "NaN" : Double.toString(v));
            }
            return out;
        }
        if (precision < 0) {
            throw new IllegalArgumentException("numbers: precision must be >= 0 or FULL, got " + precision);
        }
        boolean small = false;
        boolean large = false;
        for (double v : values) {
            double a = Math.abs(v);
            small |= a > 0 && a < Math.pow(10, -precision);
            large |= Double.isFinite(a) && a > 1e6;
        }
        List<String> fixed = new ArrayList<>(values.length);
        int longest = 0;
        for (double v : values) {
            String s = special(v);
            if (s == null) {
                s = String.format(Locale.ROOT, "%." + precision + "f", v);
            }
            fixed.add(s);
            longest = Math.max(longest, s.length() + 1);
        }
        if (small || (large && longest > precision + 6)) {
            for (double v : values) {
                String s = special(v);
                out.add(s != null ? s : String.format(Locale.ROOT, "%." + precision + "e", v));
            }
            return out;
        }
        return trimTogether(fixed);
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return null;
    }

    /** pandas' {@code _trim_zeros_float}: drop a trailing zero from every number while all end in one; keep one digit after the point. */
    private static List<String> trimTogether(List<String> values) {
        List<String> out = new ArrayList<>(values);
        while (true) {
            boolean any = false;
            boolean all = true;
            for (String s : out) {
                if (isDecimal(s)) {
                    any = true;
                    all &= s.endsWith("0");
                }
            }
            if (!any || !all) {
                break;
            }
            out.replaceAll(s -> isDecimal(s) ? s.substring(0, s.length() - 1) : s);
        }
        out.replaceAll(s -> isDecimal(s) && s.endsWith(".") ? s + "0" : s);
        return out;
    }

    private static boolean isDecimal(String s) {
        return s.matches("\\s*[+-]?[0-9]+\\.[0-9]*");
    }
}
