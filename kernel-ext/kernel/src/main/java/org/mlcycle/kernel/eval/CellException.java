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
        String m = clean(t.getMessage());
        return m == null ? clean(t.getClass().getName()) : m;
    }

    /** JShell's wrapper class prefix, e.g. {@code REPL.$JShell$12.} or {@code REPL.$JShell$12$}. */
    private static final java.util.regex.Pattern WRAPPER =
            java.util.regex.Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]?(?:\\.|\\$)?");
    /** The method JShell wraps a cell's code in, and lambdas written in it. */
    private static final java.util.regex.Pattern DO_IT_LAMBDA =
            java.util.regex.Pattern.compile("lambda\\$do_it\\$\\$\\d+");

    /** Text with JShell's generated names taken out: what the user wrote is what they read. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        return DO_IT_LAMBDA.matcher(WRAPPER.matcher(text).replaceAll("")).replaceAll("lambda");
    }

    static List<String> trim(Throwable top, Throwable translated, Map<String, Integer> snippetFirstLine) {
        List<String> out = new ArrayList<>();
        Throwable t = top;
        Throwable s = translated;
        StackTraceElement[] enclosing = null;
        int depth = 0;
        while (t != null && depth++ < 8) {
            out.add((t == top ? "" : "Caused by: ") + clean(t.toString()));
            StackTraceElement[] frames = (s != null ? s : t).getStackTrace();
            // as the JVM prints a cause: the frames it shares with the exception above it are
            // already shown, so they are counted, not repeated
            int common = enclosing == null ? 0 : inCommon(frames, enclosing);
            int shown = 0;
            String lastFrame = null;
            int repeats = 0;
            boolean cut = false;
            for (int i = 0; i < frames.length - common; i++) {
                StackTraceElement f = frames[i];
                String file = f.getFileName();
                boolean inSnippet = file != null && file.startsWith("#");
                String cls = f.getClassName();
                if (cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.Method")) {
                    cut = true;
                    break; // below this is the kernel invoking the snippet
                }
                String text;
                if (inSnippet) {
                    Integer first = snippetFirstLine.get(file.substring(1));
                    String where = first == null ? "an earlier cell" : "cell line " + (first + f.getLineNumber() - 1);
                    String owner = clean(cls).replace('$', '.');
                    String method = clean(f.getMethodName());
                    boolean cellBody = method.startsWith("do_it$") || method.isEmpty();
                    String name = cellBody ? "" : (owner.isEmpty() ? "" : owner + ".") + method + " ";
                    text = "at " + name + "(" + where + ")";
                } else {
                    text = "at " + clean(f.toString());
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
            int sharedShown = 0; // of the shared frames, those the user's trace would show
            for (int i = frames.length - common; i < frames.length && !cut; i++) {
                String cls = frames[i].getClassName();
                if (cls.startsWith("jdk.internal.reflect.") || cls.startsWith("java.lang.reflect.Method")) {
                    break;
                }
                sharedShown++;
            }
            if (sharedShown > 0) {
                out.add("    ... " + sharedShown + " more");
            }
            enclosing = frames;
            t = t.getCause() == t ? null : t.getCause();
            s = s == null || s.getCause() == s ? null : s.getCause();
        }
        return List.copyOf(out);
    }

    /** How many frames at the bottom of {@code frames} are the same as at the bottom of {@code enclosing}. */
    private static int inCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        int common = 0;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
            common++;
        }
        return common;
    }
}
