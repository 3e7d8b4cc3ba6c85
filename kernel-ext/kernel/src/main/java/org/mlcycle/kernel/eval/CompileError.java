package org.mlcycle.kernel.eval;

import java.util.List;

/**
 * A cell that does not compile. The message points into the cell:
 * {@code line 3, column 14: cannot find symbol: tabel}; {@link #excerpt()} shows that line with the
 * offending code marked.
 */
public final class CompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One compiler diagnostic, with 1-based line and column in the cell. */
    public record Problem(int line, int column, int length, String message, String codeLine) {}

    private final transient List<Problem> problems;

    CompileError(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Each problem: its message, the line of code, and a caret line under the offending part. */
    public List<String> excerpt() {
        List<String> lines = new java.util.ArrayList<>();
        for (Problem p : problems) {
            lines.add("line " + p.line() + ", column " + p.column() + ": " + p.message());
            String prefix = String.format("%4d | ", p.line());
            lines.add(prefix + p.codeLine());
            int width =
                    Math.max(1, Math.min(p.length(), Math.max(1, p.codeLine().length() - p.column() + 1)));
            lines.add(" ".repeat(prefix.length() + p.column() - 1) + "^".repeat(width));
        }
        return lines;
    }

    private static String summary(List<Problem> problems) {
        Problem first = problems.get(0);
        String head = "line " + first.line() + ", column " + first.column() + ": " + first.message();
        return problems.size() == 1 ? head : head + " (and " + (problems.size() - 1) + " more)";
    }
}
