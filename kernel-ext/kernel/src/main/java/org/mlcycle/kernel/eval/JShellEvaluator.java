package org.mlcycle.kernel.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluates Java cells with the JDK's JShell, in this JVM, snippet by snippet. The value of the
 * cell's last expression comes back as a live object. Compile errors point at the cell line and
 * column; runtime exceptions come back with a trace trimmed to the user's code.
 */
public final class JShellEvaluator implements AutoCloseable {

    /** What a cell produced: a value (possibly null) when its last snippet was an expression. */
    public record Result(boolean hasValue, Object value) {
        static final Result NONE = new Result(false, null);
    }

    /** Settings of a new evaluator; see {@link #defaults()}. */
    public record Options(List<String> compilerOptions, long timeoutMillis, int stackBytes) {
        public static Options defaults() {
            return new Options(List.of(), 0, 8 << 20);
        }

        public Options withCompilerOptions(List<String> opts) {
            return new Options(List.copyOf(opts), timeoutMillis, stackBytes);
        }

        public Options withTimeoutMillis(long millis) {
            return new Options(compilerOptions, millis, stackBytes);
        }
    }

    /** Work run on a cell thread: a snippet's do-it method, or a cell of magics. */
    @FunctionalInterface
    public interface CellWork {
        Object run() throws Throwable;
    }

    /** Thrown when a cell was interrupted: by the user, or by the kernel's timeout. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Interrupted() {
            super("the cell was interrupted; the kernel and its variables are still there");
        }
    }

    private final NotebookClassPath classPath;
    private final SnippetLoader loader;
    private final LiveExecutionControl control;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private volatile boolean interrupted;

    private JShellEvaluator(Options options, ClassLoader parent) {
        this.classPath = NotebookClassPath.of(parent);
        this.loader = new SnippetLoader(new VisibleClassLoader(parent, classPath));
        this.control = new LiveExecutionControl(loader, options.timeoutMillis(), options.stackBytes());
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "mlcycle-live";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .fileManager(standard -> new ClasspathListingCache(standard, classPath))
                .compilerOptions(options.compilerOptions().toArray(String[]::new))
                .build();
        this.analysis = shell.sourceCodeAnalysis();
    }

    /** Which of the kernel's jars notebook code sees. */
    public NotebookClassPath notebookClassPath() {
        return classPath;
    }

    public static JShellEvaluator create(Options options) {
        return new JShellEvaluator(options, JShellEvaluator.class.getClassLoader());
    }

    /** The loader of notebook classes; its parent is the kernel's loader. */
    public ClassLoader classLoader() {
        return loader.classLoader();
    }

    /** Adds jars or folders to both the compiler's and the runtime's classpath. */
    public void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** Evaluates a cell. Throws {@link CompileError}, {@link CellException} or {@link Interrupted}. */
    public Result eval(String code) {
        interrupted = false;
        control.clearStop();
        Result result = Result.NONE;
        Map<String, Integer> snippetFirstLine = new HashMap<>();
        String remaining = code;
        int offset = 0;
        while (!remaining.isBlank()) {
            if (interrupted) {
                throw new Interrupted();
            }
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            int consumed;
            if (info.completeness() == Completeness.COMPLETE
                    || info.completeness() == Completeness.COMPLETE_WITH_SEMI) {
                source = info.source();
                consumed = remaining.length() - info.remaining().length();
            } else if (info.completeness() == Completeness.EMPTY) {
                break;
            } else {
                // Incomplete or unknown: hand it all to the compiler, whose message says what is wrong.
                source = remaining;
                consumed = remaining.length();
            }
            result = evalSnippet(code, source, offset, snippetFirstLine);
            offset += consumed;
            remaining = remaining.substring(consumed);
        }
        if (interrupted) {
            throw new Interrupted();
        }
        return result;
    }

    /**
     * Runs kernel-side work as a cell (a cell that holds only magics): on a cell thread the
     * interrupt and the timeout stop, without compiling anything. A null value shows nothing.
     */
    public Result runAsCell(CellWork work) {
        interrupted = false;
        control.clearStop();
        Object value = control.runDirect(work);
        return value == null ? Result.NONE : new Result(true, value);
    }

    /** Import declarations, one a line, for what {@code imports} lists ({@code java.util.*}, {@code static ...}). */
    public static String importDeclarations(List<String> imports) {
        return imports.stream().map(i -> "import " + i + ";").collect(Collectors.joining("\n"));
    }

    /**
     * What the notebook imports now, in the order evaluated: each import declaration without
     * {@code import} and {@code ;} (an import group counts as its declarations).
     */
    public List<String> imports() {
        List<String> out = new ArrayList<>();
        shell.imports().filter(i -> shell.status(i).isActive()).forEach(i -> {
            for (String line : i.source().split(";")) {
                String what = line.strip().replaceFirst("^import\\s+", "");
                if (!what.isEmpty()) {
                    out.add(what);
                }
            }
        });
        return out;
    }

    /**
     * Evaluates import declarations as one JShell snippet: one compile instead of one per import,
     * which takes about a fifth off a kernel's start. JShell keys an import snippet by its first
     * import, and a later snippet with the same key replaces it (with every other import in it),
     * so the group must start with an import that notebook code never repeats; the caller passes
     * it first. If the group does not compile, each import is evaluated alone, so only the bad
     * ones are lost and the error names them.
     */
    public void evalImportGroup(List<String> imports) {
        if (imports.isEmpty()) {
            return;
        }
        String group = importDeclarations(imports);
        boolean valid = shell.eval(group).stream().allMatch(e -> e.status() == Snippet.Status.VALID);
        if (!valid) {
            shell.snippets().filter(sn -> sn.source().equals(group)).forEach(shell::drop);
            List<String> failed = new ArrayList<>();
            for (String i : imports) {
                try {
                    eval("import " + i + ";");
                } catch (CompileError e) {
                    failed.add(i + " (" + e.getMessage().strip() + ")");
                }
            }
            if (!failed.isEmpty()) {
                throw new IllegalStateException("these imports do not compile: " + String.join("; ", failed));
            }
        }
    }

    private Result evalSnippet(String cell, String source, int offset, Map<String, Integer> snippetFirstLine) {
        control.resetCapture();
        List<SnippetEvent> events = shell.eval(source);
        Result result = Result.NONE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // a dependent snippet updated as a side effect
            }
            Snippet snippet = event.snippet();
            snippetFirstLine.put(snippet.id(), lineOf(cell, offset + leadingBlank(source)));
            if (event.status() == Snippet.Status.REJECTED) {
                throw compileError(cell, source, offset, snippet);
            }
            if (unmakeable(event)) {
                // javac accepted the code but could not write its class (a class-file limit: a
                // string constant over 65,535 bytes, a method over 64 KiB, more than 255 array
                // dimensions). JShell keeps such a snippet as "recoverable" and compiles it again
                // with every later cell, which then all come back empty: drop it, start javac
                // afresh (see freshCompiler) and say why.
                CompileError error = compileError(cell, source, offset, snippet);
                shell.drop(snippet);
                freshCompiler();
                throw error;
            }
            if (hidesJavaLang(snippet)) {
                String name = ((TypeDeclSnippet) snippet).name();
                shell.drop(snippet);
                throw new CompileError(List.of(new CompileError.Problem(
                        lineOf(cell, offset + leadingBlank(source)),
                        1,
                        1,
                        "a type named " + name + " hides java.lang." + name + ", which every later cell needs;"
                                + " the declaration was undone: choose another name",
                        source.strip().lines().findFirst().orElse(""))));
            }
            try {
                result = outcome(snippet, event, source, snippetFirstLine, result);
            } finally {
                forgetTemporary(snippet);
            }
        }
        return result;
    }

    /**
     * JShell reuses one javac context from cell to cell. A class javac could not write leaves its
     * entries in that context's constant pool, so every later class failed with the same error,
     * even with the snippet dropped. Changing the class path makes JShell start a fresh context:
     * re-adding an entry that is already there changes nothing else, and keeps every variable.
     */
    private void freshCompiler() {
        String first = System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)[0];
        shell.addToClasspath(first.isEmpty() ? "." : first);
    }

    /** Not defined, though nothing it refers to is missing: JShell could not make its class. */
    private boolean unmakeable(SnippetEvent event) {
        Snippet.Status status = event.status();
        return status == Snippet.Status.RECOVERABLE_NOT_DEFINED
                && shell.diagnostics(event.snippet()).anyMatch(Diag::isError)
                && !(event.snippet() instanceof DeclarationSnippet d
                        && shell.unresolvedDependencies(d).findAny().isPresent());
    }

    /**
     * A class, interface, record or enum named like a java.lang type (Object, String, ...) that
     * breaks the code JShell generates for every later cell ("int cannot be converted to
     * Object"). Checked by compiling a plain expression right after it.
     */
    private boolean hidesJavaLang(Snippet snippet) {
        if (!(snippet instanceof TypeDeclSnippet type) || !shell.status(snippet).isDefined()) {
            return false;
        }
        try {
            Class.forName("java.lang." + type.name(), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        List<SnippetEvent> probe = shell.eval("0");
        probe.forEach(e -> {
            if (shell.status(e.snippet()).isActive()) {
                shell.drop(e.snippet());
            }
        });
        return probe.stream().noneMatch(e -> e.status() == Snippet.Status.VALID && e.exception() == null);
    }

    /**
     * JShell keeps every expression's value as a variable ($1, $2, ...) that each later compile
     * imports and re-types, so a cell's compile time grew with the number of expressions before it
     * (in-process eval of {@code 1}: 32-47 ms kept vs 16-17 ms dropped, over 600 cells). A notebook
     * shows the value instead; assign it to a name to keep it.
     */
    private void forgetTemporary(Snippet snippet) {
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && shell.status(snippet).isActive()) {
            shell.drop(snippet);
            release((VarSnippet) snippet);
        }
    }

    /**
     * A dropped $N still holds its value in a static field of the class JShell made for it, so
     * every value a cell showed (a large table, say) stayed in memory for the whole session.
     */
    private void release(VarSnippet temp) {
        Class<?> wrapper = control.lastWrapper();
        if (wrapper == null) {
            return;
        }
        try {
            java.lang.reflect.Field field = wrapper.getDeclaredField(temp.name());
            if (!field.getType().isPrimitive() && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                field.set(null, null);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not this snippet's class, or a shape JShell no longer uses: the value is only kept
        }
    }

    /** What a compiled snippet gives: its value, nothing (the previous result stands), or the failure thrown. */
    private Result outcome(
            Snippet snippet, SnippetEvent event, String source, Map<String, Integer> snippetFirstLine, Result result) {
        JShellException failure = event.exception();
        if (failure != null || control.stopRequested()) {
            if (control.lastFailure() instanceof LiveExecutionControl.CellTimeout timeout) {
                throw timeout;
            }
            if (interrupted || control.stopRequested()) {
                throw new Interrupted();
            }
            if (failure instanceof UnresolvedReferenceException unresolved) {
                String missing =
                        shell.unresolvedDependencies(unresolved.getSnippet()).collect(Collectors.joining(", "));
                throw new CellException(
                        new IllegalStateException(
                                "'" + unresolved.getSnippet().source().strip() + "' cannot run until it is defined: "
                                        + missing),
                        null,
                        snippetFirstLine);
            }
            Throwable original = control.lastFailure();
            if (original == null) {
                original = failure instanceof EvalException ee
                        ? new RuntimeException(ee.getExceptionClassName() + ": " + ee.getMessage())
                        : failure;
            }
            throw new CellException(original, failure, snippetFirstLine);
        }
        if (shows(snippet) && !DISPLAY_CALL.matcher(source).matches()) {
            Object value = control.lastValue();
            boolean quietNull = value == null && source.stripLeading().startsWith(QUIET_NULL_PREFIX);
            // printf, format and append return their stream, whose toString ("java.io.PrintStream@1b2c")
            // says nothing: a cell ending in System.out.printf(...) has shown what it printed
            boolean stream = value instanceof java.io.PrintStream || value instanceof java.io.PrintWriter;
            return quietNull || stream ? Result.NONE : new Result(true, value);
        }
        return result;
    }

    /**
     * A cell ending in {@code display(x)} has already shown x; the display id it returns (kept
     * for {@code updateDisplay}) is not worth a second output.
     */
    private static final java.util.regex.Pattern DISPLAY_CALL =
            java.util.regex.Pattern.compile("\\s*display\\s*\\([\\s\\S]*\\)\\s*;?\\s*");

    /** A magic that returns null has nothing to show (a Java expression that is null shows "null"). */
    private static final String QUIET_NULL_PREFIX = "org.mlcycle.kernel.magics.MagicCalls.";

    /** Expressions show their value; declarations, statements and assignments do not. */
    private static boolean shows(Snippet snippet) {
        return switch (snippet.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
            default -> false;
        };
    }

    private CompileError compileError(String cell, String source, int offset, Snippet snippet) {
        List<CompileError.Problem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(d -> {
            long start = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
            long end = d.getEndPosition() >= start ? d.getEndPosition() : start + 1;
            int at = (int) Math.min(cell.length(), offset + Math.max(0, start));
            if (at == cell.length() && at > 0) {
                at--; // "reached end of file": point at the last character written
            }
            int line = lineOf(cell, at);
            int lineStart = cell.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = cell.indexOf('\n', at);
            String codeLine = cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd);
            String message = message(d);
            if (seen.add(line + ":" + (at - lineStart) + ":" + message)) {
                problems.add(new CompileError.Problem(
                        line, at - lineStart + 1, (int) Math.max(1, end - start), message, codeLine));
            }
        });
        if (problems.isEmpty()) {
            int line = lineOf(cell, offset);
            problems.add(new CompileError.Problem(line, 1, 1, "this code does not compile", source.strip()));
        }
        return new CompileError(problems);
    }

    /** javac's message on one line: "cannot find symbol: variable tabel". */
    private static String message(Diag d) {
        String[] lines = d.getMessage(Locale.ROOT).split("\\R");
        StringBuilder out = new StringBuilder(lines[0].strip());
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("symbol:")) {
                out.append(": ").append(l.substring("symbol:".length()).strip());
            } else if (l.startsWith("location:")
                    && !l.substring("location:".length()).strip().equals("class")) {
                out.append(" (").append(l).append(')');
            } else if (!l.isEmpty() && !l.startsWith("location:")) {
                out.append(' ').append(l);
            }
        }
        return out.toString();
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** 1-based line of a character offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Stops the running cell (if any) and the rest of its snippets. Safe from any thread. */
    public void interrupt() {
        interrupted = true;
        control.stop();
    }

    // ---- completion, inspection, completeness ------------------------------------------------

    /** Where in the cell the snippet holding {@code cursor} starts. */
    private int snippetStart(String code, int cursor) {
        int offset = 0;
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() != Completeness.COMPLETE
                    && info.completeness() != Completeness.COMPLETE_WITH_SEMI) {
                return offset;
            }
            int consumed = remaining.length() - info.remaining().length();
            if (consumed <= 0 || offset + consumed > cursor || info.remaining().isBlank()) {
                return offset;
            }
            offset += consumed;
            remaining = info.remaining();
        }
    }

    /** Completion candidates: the replacement texts and the range of the cell they replace. */
    public record Completions(List<String> candidates, int start, int end) {}

    public Completions complete(String code, int cursor) {
        int start = snippetStart(code, cursor);
        String snippet = code.substring(start);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                analysis.completionSuggestions(snippet, cursor - start, anchor);
        // Suggestions that fit the expected type come first, as JShell ranks them.
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        suggestions.stream()
                .filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> ordered.add(s.continuation()));
        suggestions.forEach(s -> ordered.add(s.continuation()));
        return new Completions(new ArrayList<>(ordered), start + anchor[0], cursor);
    }

    /**
     * What Shift-Tab shows at {@code cursor}: the signatures of the call around it (all overloads)
     * or of the name at it, with Javadoc where sources exist (see {@link Inspection}). Null when
     * nothing is known there.
     */
    public String inspect(String code, int cursor) {
        int start = snippetStart(code, Math.max(0, cursor - 1));
        return new Inspection(analysis).inspect(code.substring(start), cursor - start);
    }

    /** Jupyter's answer: "complete", "invalid", "incomplete", or an indent for the next line. */
    public String isComplete(String code) {
        String remaining = code;
        while (true) {
            if (remaining.isBlank()) {
                return "complete";
            }
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> {
                    return "complete";
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return indentAfter(code);
                }
                default -> {
                    return "invalid";
                }
            }
        }
    }

    private static String indentAfter(String code) {
        String[] lines = code.split("\n", -1);
        String last = lines[lines.length - 1].isBlank() && lines.length > 1
                ? lines[lines.length - 2]
                : lines[lines.length - 1];
        String indent = last.substring(0, leadingBlank(last));
        String trimmed = last.strip();
        if (trimmed.endsWith("{") || trimmed.endsWith("(") || trimmed.endsWith("->")) {
            indent += "    ";
        }
        return indent;
    }

    /** The names of the variables the notebook has defined, for tools like %whos. */
    public List<String> variableNames() {
        return shell.variables()
                .filter(v -> shell.status(v).isActive())
                .map(v -> v.name())
                .toList();
    }

    @Override
    public void close() {
        shell.close();
    }
}
