package org.mlcycle.magics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.mlcycle.hooks.CellHooks;

/**
 * The code of the cells run lately, so that {@code %check} can tell an answer cell still as the
 * student version left it (its {@code // YOUR CODE HERE} stub, the variables declared with their
 * starting value) from an answer that is wrong. Fed by mlcycle's per-cell hooks; in a kernel
 * without them it stays empty and every check gets its hint.
 */
final class AnswerCells implements CellHooks {
    private static final int KEPT = 500;

    /** A starting value: zero, {@code null}, {@code false}, {@code ""}, NaN or an empty collection. */
    private static final String START_VALUE = "(?:0|0[lLdDfF]|0?\\.0+[dDfF]?|0\\.[dDfF]?|null|false|\"\"|Double\\.NaN"
            + "|new\\s+[\\w.$]+(?:<[^=;]*>)?\\(\\s*\\))";
    /**
     * A template line: {@code double ctr = 0;}, {@code Split lateSplit = null;},
     * {@code double a = 0, b = 0;}, {@code Set<String> dropped = new TreeSet<>();}.
     */
    private static final Pattern STARTER =
            Pattern.compile("(?:final\\s+)?(?:[\\w.$]+(?:<[^=;]*>)?(?:\\[\\])*\\s+)?[\\w$]+\\s*=\\s*" + START_VALUE
                    + "(?:\\s*,\\s*[\\w$]+\\s*=\\s*" + START_VALUE + ")*\\s*;");
    /** A last line that prints the answers: {@code System.out.println(...);}. */
    private static final Pattern PRINT = Pattern.compile("System\\.out\\.print(?:ln|f)?\\((.*)\\)\\s*;");
    /** The cell's value line: {@code ctr} or {@code ctr;}. */
    private static final Pattern BARE_NAME = Pattern.compile("[\\w$]+\\s*;?");

    private final Deque<String> cells = new ArrayDeque<>();

    @Override
    public void beforeCell(int executionCount, String code) {
        record(code);
    }

    /** Remembers one cell's code (the newest last). */
    synchronized void record(String code) {
        if (code == null || code.strip().startsWith("%")) {
            return; // a magic cell (the %check itself) is never the answer
        }
        cells.addLast(code);
        while (cells.size() > KEPT) {
            cells.removeFirst();
        }
    }

    /**
     * Whether the newest cell that assigns one of {@code names} is still a template: nothing in it
     * but comments (the stub), starting values and the value line. False when no remembered cell
     * assigns them.
     */
    synchronized boolean unchanged(List<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        Iterator<String> newestFirst = cells.descendingIterator();
        while (newestFirst.hasNext()) {
            String code = newestFirst.next();
            if (names.stream().anyMatch(n -> assigns(code, n))) {
                return isTemplate(code);
            }
        }
        return false;
    }

    /** Whether {@code code} declares, assigns or increments the variable {@code name}. */
    static boolean assigns(String code, String name) {
        String n = Pattern.quote(name);
        return Pattern.compile("(?<![\\w$.])" + n + "\\s*(?:[-+*/%&|^]?=(?!=)|\\+\\+|--)")
                        .matcher(code)
                        .find()
                || Pattern.compile("(?:\\+\\+|--)\\s*" + n + "(?![\\w$])")
                        .matcher(code)
                        .find();
    }

    /** Whether {@code code} holds only comments, blank lines, starting values and bare names. */
    static boolean isTemplate(String code) {
        boolean inBlockComment = false;
        String[] lines = lastStatementJoined(code.strip().split("\\R"));
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == lines.length - 1 && !inBlockComment && isValueLine(line)) {
                continue; // the cell's shown value (e.g. a String.format of the answers) is not an answer
            }
            if (inBlockComment) {
                inBlockComment = !line.contains("*/");
                continue;
            }
            if (line.startsWith("/*")) {
                inBlockComment = !line.contains("*/");
                continue;
            }
            int comment = line.indexOf("//");
            if (comment >= 0) {
                line = line.substring(0, comment).strip();
            }
            if (line.isEmpty()
                    || STARTER.matcher(line).matches()
                    || BARE_NAME.matcher(line).matches()) {
                continue;
            }
            return false;
        }
        return true;
    }

    /**
     * The lines with the cell's last statement on one line, so a print spread over several lines
     * ({@code System.out.printf("...",\n        a, b);}) is read as the value line it is.
     */
    private static String[] lastStatementJoined(String[] lines) {
        int start = lines.length - 1;
        while (start > 0 && continues(lines[start - 1])) {
            start--;
        }
        if (start == lines.length - 1) {
            return lines;
        }
        String[] joined = java.util.Arrays.copyOf(lines, start + 1);
        joined[start] = String.join(" ", java.util.Arrays.asList(lines).subList(start, lines.length));
        return joined;
    }

    /** Whether a line leaves its statement open: not blank, not a comment, no ; { or } at its end. */
    private static boolean continues(String line) {
        String code = line.strip();
        if (code.isEmpty() || code.startsWith("//") || code.startsWith("/*") || code.startsWith("*")) {
            return false;
        }
        return !(code.endsWith(";") || code.endsWith("{") || code.endsWith("}") || code.endsWith("*/"));
    }

    /**
     * A last line that only shows a value, or prints one: no assignment or increment outside its
     * string literals.
     */
    private static boolean isValueLine(String line) {
        String code = STRING_LITERAL.matcher(line).replaceAll("\"\"");
        var print = PRINT.matcher(code);
        if (print.matches()) {
            code = print.group(1);
        } else if (code.isEmpty() || code.endsWith(";") || code.endsWith("{") || code.endsWith("}")) {
            return false;
        }
        return !ASSIGNMENT.matcher(code).find();
    }

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![=!<>])=(?!=)|\\+\\+|--");
}
