package org.mlcycle.toolkit.io.csv;

/**
 * Parses a decimal number from part of a byte array (or a string) without making a string. Plain decimals with at
 * most 17 significant digits and a small exponent take Clinger's fast path (one correctly rounded
 * multiplication or division of two exact doubles); anything else that is still a decimal goes to
 * {@link Double#parseDouble}. Text that is not a plain decimal ("NaN", "Infinity", "0x1p3", "1d")
 * is rejected, so a missing-value token can never turn into NaN by accident.
 */
final class FastDouble {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private FastDouble() {}

    /** The value of {@code s[from, to)}, or NaN when it is not a plain decimal number. */
    static double parse(String s, int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                return Double.NaN; // a plain decimal is ASCII
            }
            b[i - from] = (byte) c;
        }
        return parse(b, 0, b.length);
    }

    /** The value of the bytes {@code b[from, to)} (ASCII), or NaN when they are not a plain decimal number. */
    static double parse(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        if (from == to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        int c = b[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int exp10 = 0;
        boolean digits = false;
        boolean inexact = false;
        while (i < to && (c = b[i]) >= '0' && c <= '9') {
            digits = true;
            if (mantissa < 100_000_000_000_000_000L) {
                mantissa = mantissa * 10 + (c - '0');
            } else {
                exp10++;
                inexact |= c != '0';
            }
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && (c = b[i]) >= '0' && c <= '9') {
                digits = true;
                if (mantissa < 100_000_000_000_000_000L) {
                    mantissa = mantissa * 10 + (c - '0');
                    exp10--;
                } else {
                    inexact |= c != '0';
                }
                i++;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negExp = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negExp = b[i] == '-';
                i++;
            }
            int e = 0;
            boolean expDigits = false;
            while (i < to && (c = b[i]) >= '0' && c <= '9') {
                expDigits = true;
                if (e < 100_000) {
                    e = e * 10 + (c - '0');
                }
                i++;
            }
            if (!expDigits) {
                return Double.NaN;
            }
            exp10 += negExp ? -e : e;
        }
        if (i != to) {
            return Double.NaN;
        }
        double value;
        if (!inexact && mantissa < (1L << 53) && exp10 >= -22 && exp10 <= 22) {
            value = exp10 >= 0 ? mantissa * POW10[exp10] : mantissa / POW10[-exp10];
        } else {
            return Double.parseDouble(new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return negative ? -value : value;
    }
}
