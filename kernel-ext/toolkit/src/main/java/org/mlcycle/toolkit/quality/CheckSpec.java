package org.mlcycle.toolkit.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.Table;

/**
 * The plain-text form of a {@link Checks} list: one constraint per line, parsed into the same calls
 * the fluent API makes, and printed back from the constraints. Blank lines and lines starting with
 * {@code #} are skipped. Bounds are inclusive, as in the fluent API; only the row count, a whole
 * number, also takes {@code >} and {@code <}.
 *
 * <pre>
 * ad_id not null
 * query unique
 * ctr between 0 and 1
 * clicks &gt;= 0
 * country in (US, DE, FR)
 * email matches /[^@]+@[^@]+/
 * completeness(age) &gt;= 0.95
 * mean(cost) between 0.1 and 3
 * quantile(cost, 0.99) &lt;= 50
 * rows &gt; 1000
 * bid between 0 and 50 mostly 0.99
 * </pre>
 *
 * A column whose name is a keyword ({@code rows}) or has spaces goes in backquotes: {@code `rows` >= 0}.
 */
final class CheckSpec {
    private static final String NUM = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|\\S+)";
    private static final String COL = "(`[^`]+`|[\\p{L}_][\\p{L}\\p{N}_.\\-]*)";
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]*");
    private static final Pattern MOSTLY = Pattern.compile("(?i)(.*\\S)\\s+mostly\\s+(\\S+)");
    private static final Pattern ROWS = Pattern.compile("(?i)rows\\s*(>=|<=|>|<|=|between\\b)\\s*(.*)");
    private static final Pattern FUNCTION = Pattern.compile("(?i)(completeness|mean|quantile)\\s*\\((.*?)\\)\\s*(.*)");
    private static final Pattern CALL = Pattern.compile("(?i)(\\w+)\\s*\\(.*");
    private static final Pattern COLUMN = Pattern.compile(COL + "\\s*(.*)");
    private static final Pattern BETWEEN = Pattern.compile("(?i)between\\s+(\\S+)\\s+and\\s+(\\S+)");
    private static final Pattern COMPARE = Pattern.compile("(>=|<=)\\s*" + NUM);
    private static final Pattern IN = Pattern.compile("(?i)in\\s*\\((.*)\\)");
    private static final Pattern MATCHES = Pattern.compile("(?i)matches\\s+/(.*)/");
    private static final String EXPECTED_AFTER_COLUMN =
            "not null, unique, in (A, B), between LOW and HIGH, >= N, <= N or matches /REGEX/";

    private CheckSpec() {}

    /** Parses {@code spec}; with a {@code table}, every column named must be one of its columns. */
    static Checks parse(String name, String spec, Table table) {
        Checks checks = Checks.named(name);
        String[] lines = spec.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            checks = new Line(i + 1, line, table).addTo(checks);
        }
        return checks;
    }

    /** One line being parsed; every error names its number and what was expected there. */
    private record Line(int number, String text, Table table) {

        Checks addTo(Checks checks) {
            String body = text;
            double mostly = 1;
            Matcher m = MOSTLY.matcher(body);
            if (m.matches()) {
                body = m.group(1);
                mostly = number(m.group(2), "the share after 'mostly'");
            }
            Checks out = constraint(checks, body);
            if (mostly != 1) {
                Constraint last = out.constraints().get(out.constraints().size() - 1);
                if (!last.kind().rowLevel()) throw fail("'mostly' applies to row checks, not to " + last.description());
                if (!(mostly > 0 && mostly <= 1))
                    throw fail("the share after 'mostly' must be in (0, 1], got " + num(mostly));
                out = out.mostly(mostly);
            }
            return out;
        }

        private Checks constraint(Checks checks, String body) {
            Matcher m = ROWS.matcher(body);
            if (m.matches())
                return rows(
                        checks, m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
            m = FUNCTION.matcher(body);
            if (m.matches())
                return function(
                        checks,
                        m.group(1).toLowerCase(Locale.ROOT),
                        m.group(2),
                        m.group(3).strip());
            m = CALL.matcher(body);
            if (m.matches()) {
                throw fail("unknown function '" + m.group(1) + "'; expected completeness(COL), mean(COL) or"
                        + " quantile(COL, P)");
            }
            m = COLUMN.matcher(body);
            if (!m.matches())
                throw fail("expected a column name, rows, completeness(COL), mean(COL) or quantile(COL, P)");
            String column = column(m.group(1));
            String rest = m.group(2);
            String lower = rest.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (lower.equals("not null")) return checks.isComplete(column);
            if (lower.equals("unique")) return checks.isUnique(column);
            Matcher in = IN.matcher(rest);
            if (in.matches()) return checks.isContainedIn(column, values(in.group(1)));
            Matcher re = MATCHES.matcher(rest);
            if (re.matches()) return checks.matches(column, re.group(1));
            double[] bounds = bounds(rest, "after '" + m.group(1) + "' expected " + EXPECTED_AFTER_COLUMN);
            return checks.isBetween(column, bounds[0], bounds[1]);
        }

        private Checks rows(Checks checks, String op, String rest) {
            if (op.equals("between")) {
                double[] b = bounds("between " + rest, "expected 'rows between MIN and MAX'");
                return checks.hasRowCountBetween(whole(b[0]), whole(b[1]));
            }
            long n = whole(number(rest, "the row count after 'rows " + op + "'"));
            return switch (op) {
                case ">=" -> checks.hasRowCountBetween(n, Long.MAX_VALUE);
                case ">" -> checks.hasRowCountBetween(n + 1, Long.MAX_VALUE);
                case "<=" -> checks.hasRowCountBetween(0, n);
                case "<" -> checks.hasRowCountBetween(0, n - 1);
                default -> checks.hasRowCountBetween(n, n);
            };
        }

        private Checks function(Checks checks, String function, String args, String rest) {
            String[] parts = args.split(",", -1);
            switch (function) {
                case "completeness" -> {
                    Matcher m = COMPARE.matcher(rest);
                    if (parts.length != 1 || !m.matches() || !m.group(1).equals(">=")) {
                        throw fail("expected 'completeness(COL) >= SHARE'");
                    }
                    double share = number(m.group(2), "the completeness share");
                    if (!(share > 0 && share <= 1))
                        throw fail("the completeness share must be in (0, 1], got " + num(share));
                    return checks.isComplete(column(parts[0].strip())).mostly(share);
                }
                case "mean" -> {
                    if (parts.length != 1) throw fail("expected 'mean(COL)' with one column");
                    double[] b = bounds(
                            rest, "after 'mean(" + parts[0].strip() + ")' expected between LOW and HIGH, >= N or <= N");
                    return checks.hasMeanBetween(column(parts[0].strip()), b[0], b[1]);
                }
                default -> {
                    if (parts.length != 2) throw fail("expected 'quantile(COL, P)' with a column and a share");
                    double p = number(parts[1].strip(), "the quantile's share P");
                    if (!(p >= 0 && p <= 1)) throw fail("the quantile's share P must be in [0, 1], got " + num(p));
                    double[] b = bounds(rest, "after 'quantile(...)' expected between LOW and HIGH, >= N or <= N");
                    return checks.hasQuantileBetween(column(parts[0].strip()), p, b[0], b[1]);
                }
            }
        }

        /** {@code between A and B}, {@code >= A} or {@code <= B} as [low, high]. */
        private double[] bounds(String rest, String expected) {
            Matcher b = BETWEEN.matcher(rest);
            if (b.matches()) {
                double low = number(b.group(1), "the lower bound"), high = number(b.group(2), "the upper bound");
                if (low > high) throw fail("the lower bound " + num(low) + " is above the upper bound " + num(high));
                return new double[] {low, high};
            }
            Matcher c = COMPARE.matcher(rest);
            if (c.matches()) {
                double v = number(c.group(2), "the bound after '" + c.group(1) + "'");
                return c.group(1).equals(">=")
                        ? new double[] {v, Double.POSITIVE_INFINITY}
                        : new double[] {Double.NEGATIVE_INFINITY, v};
            }
            if (rest.startsWith(">") || rest.startsWith("<")) {
                throw fail("bounds are inclusive: use >= or <= (got '" + rest + "')");
            }
            throw fail(expected + "; got '" + rest + "'");
        }

        private double number(String s, String what) {
            try {
                double v = Double.parseDouble(s);
                if (!Double.isNaN(v)) return v;
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw fail("expected a number for " + what + ", got '" + s + "'");
        }

        private long whole(double v) {
            if (v != Math.rint(v) || v < 0) throw fail("a row count is a whole number of at least 0, got " + num(v));
            return (long) v;
        }

        private String column(String token) {
            String name = token.startsWith("`") && token.endsWith("`") && token.length() > 1
                    ? token.substring(1, token.length() - 1)
                    : token;
            if (name.isEmpty()
                    || (!token.startsWith("`") && !IDENTIFIER.matcher(name).matches())) {
                throw fail("expected a column name, got '" + token + "' (backquote names with spaces)");
            }
            if (table != null && !table.containsColumn(name)) {
                throw fail(String.format(
                        "no column '%s' in table '%s' (has: %s)",
                        name, table.name(), String.join(", ", table.columnNames())));
            }
            return name;
        }

        /** {@code US, DE, "New York"}: comma-separated, double quotes around a value holding a comma. */
        private List<String> values(String list) {
            List<String> out = new ArrayList<>();
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            for (char ch : (list + ",").toCharArray()) {
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    String v = value.toString().strip();
                    if (v.isEmpty())
                        throw fail("expected values in parentheses, e.g. in (US, DE, FR); found an empty one");
                    out.add(v);
                    value.setLength(0);
                } else {
                    value.append(ch);
                }
            }
            if (quoted) throw fail("a double quote in the list of values is not closed");
            return out;
        }

        private IllegalArgumentException fail(String problem) {
            return new IllegalArgumentException(
                    Checks.WHO + ": line " + number + ": " + problem + " (line: " + text + ")");
        }
    }

    /** The spec line of one constraint; a predicate has none and prints as a comment. */
    static String format(Constraint c) {
        String col = quote(c.column());
        String line = switch (c.kind()) {
            case COMPLETE -> c.mostly() < 1 ? "completeness(" + col + ") >= " + num(c.mostly()) : col + " not null";
            case UNIQUE -> col + " unique";
            case IN_SET ->
                col + " in ("
                        + String.join(
                                ", ",
                                c.values().stream()
                                        .sorted()
                                        .map(CheckSpec::value)
                                        .toList()) + ")";
            case BETWEEN -> col + " " + bounds(c.low(), c.high());
            case PATTERN -> col + " matches /" + c.pattern().pattern() + "/";
            case PREDICATE -> "# " + c.description() + ": a Java predicate has no text form";
            case ROW_COUNT -> rows((long) c.low(), (long) c.high());
            case MEAN -> "mean(" + col + ") " + bounds(c.low(), c.high());
            case QUANTILE -> "quantile(" + col + ", " + num(c.p()) + ") " + bounds(c.low(), c.high());
        };
        boolean mostly = c.mostly() < 1 && c.kind() != Constraint.Kind.COMPLETE;
        return mostly ? line + " mostly " + num(c.mostly()) : line;
    }

    private static String bounds(double low, double high) {
        if (low == Double.NEGATIVE_INFINITY) return "<= " + num(high);
        if (high == Double.POSITIVE_INFINITY) return ">= " + num(low);
        return "between " + num(low) + " and " + num(high);
    }

    private static String rows(long min, long max) {
        if (min == max) return "rows = " + min;
        if (max == Long.MAX_VALUE) return "rows >= " + min;
        if (min == 0) return "rows <= " + max;
        return "rows between " + min + " and " + max;
    }

    private static String quote(String column) {
        return IDENTIFIER.matcher(column).matches() && !column.equalsIgnoreCase("rows") ? column : "`" + column + "`";
    }

    private static String value(String v) {
        return v.contains(",") || v.contains(")") || !v.equals(v.strip()) ? "\"" + v + "\"" : v;
    }

    private static String num(double v) {
        return Checks.num(v);
    }
}
