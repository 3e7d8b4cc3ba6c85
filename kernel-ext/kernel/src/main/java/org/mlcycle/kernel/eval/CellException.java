package org.mlcycle.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exception thrown by the user's code while a cell ran. It carries the original throwable and
 * a stack trace trimmed to what the user wrote: frames inside snippets are shown as cell lines,
 * and the kernel's own machinery under them is dropped.
 */
public final class CellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Throwable original;
    private final transient List<String> trace;

    /**
     * @param original the live throwable (its class and message)
     * @param translated JShell's copy of it, whose snippet frames carry snippet-relative line
     *     numbers ({@code #id:line}); may be null
     * @param snippetFirstLine the cell line each snippet id of this cell starts on
     */
    CellException(Throwable original, Throwable translated, Map<String, Integer> snippetFirstLine) {
        super(describe(original), null, false, false);
        this.original = original;
        this.trace = trim(original, translated, snippetFirstLine);
    }

    /** The throwable as the user's code threw it. */
    public Throwable original() {
        return original;
    }

    /** The trimmed trace: the exception line, then "at ..." lines, then each cause. */
    public List<String> trace() {
        return trace;
    }

    /** The simple name of the original exception class, as the front end shows it. */
    public String originalName() {
        return original.getClass().getSimpleName();
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getName() : m;
    }

    static List<String> trim(Throwable top, Throwable translated, Map<String, Integer> snippetFirstLine) {
        List<String> out = new ArrayList<>();
        Throwable t = top;
        Throwable s = translated;
        int depth = 0;
        while (t != null && depth++ < 8) {
            out.add((t == top ? "" : "Caused by: ") + t);
            StackTraceElement[] frames = (s != null ? s : t).getStackTrace();
            int shown = 0;
            String lastFrame = null;
            int repeats = 0;
            for (StackTraceElement f : frames) {
                String file = f.getFileName();
                boolean inSnippet = file != null && file.startsWith("#");
                String cls = f.getClassName();
                if (cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.Method")) {
                    break; // below this is the kernel invoking the snippet
                }
                String text;
                if (inSnippet) {
                    Integer first = snippetFirstLine.get(file.substring(1));
                    String where = first == null ? "an earlier cell" : "cell line " + (first + f.getLineNumber() - 1);
                    String method = f.getMethodName();
                    text = "at " + (method.startsWith("do_it$") || method.isEmpty() ? "" : method + " ")
                            + "(" + where + ")";
                } else {
                    text = "at " + f;
                }
                if (text.equals(lastFrame)) {
                    repeats++; // a StackOverflowError repeats the same frames a thousand times
                    continue;
                }
                if (repeats > 0) {
                    out.add("    ... the line above repeated " + repeats + " more times");
                    repeats = 0;
                }
                lastFrame = text;
                if (shown++ < 40) {
                    out.add("    " + text);
                }
            }
            if (repeats > 0) {
                out.add("    ... the line above repeated " + repeats + " more times");
            }
            if (shown > 40) {
                out.add("    ... " + (shown - 40) + " more frames");
            }
            t = t.getCause() == t ? null : t.getCause();
            s = s == null || s.getCause() == s ? null : s.getCause();
        }
        return List.copyOf(out);
    }
}
