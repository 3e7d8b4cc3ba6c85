package org.mlcycle.kernel;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.JupyterIOAccess;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.mlcycle.kernel.connection.KernelConnection;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.mlcycle.hooks.CellHooks;
import org.mlcycle.hooks.HookRegistry;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.hooks.MagicTable;
import org.mlcycle.kernel.eval.JShellEvaluator;
import org.mlcycle.kernel.output.CellOutput;
import org.mlcycle.kernel.history.FileHistory;
import org.mlcycle.kernel.magics.KernelMagics;
import org.mlcycle.kernel.magics.MagicSyntax;
import org.mlcycle.kernel.magics.MavenResolver;
import org.mlcycle.kernel.protocol.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mlcycle's Jupyter kernel: Java cells evaluated by JShell in this JVM, on jjava-jupyter's protocol
 * classes. It knows nothing about ML; mlcycle's extension (found by ServiceLoader) brings that.
 */
public final class MlcycleKernel extends BaseKernel implements HookRegistry, MagicTable {
    private static final Logger LOG = LoggerFactory.getLogger(MlcycleKernel.class);
    public static final String VERSION = "0.1.0";

    /**
     * The imports an IJava notebook starts with, plus the notebook statics. The first one keys
     * the startup import group (see {@link JShellEvaluator#evalImportGroup}): notebook code never
     * imports it again, so nothing a user imports can replace the group.
     */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "static org.mlcycle.kernel.NotebookStatics.*",
            "java.util.*", "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.time.*",
            "java.util.concurrent.*", "java.util.function.*", "java.util.prefs.*", "java.util.regex.*",
            "java.util.stream.*", "static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*");

    /** A source that is one import declaration and nothing else; group 1 is what it imports. */
    private static final java.util.regex.Pattern SINGLE_IMPORT =
            java.util.regex.Pattern.compile("\\s*import\\s+((?:static\\s+)?[\\w.]+(?:\\.\\*)?)\\s*;?\\s*");

    /**
     * {@code Math.max?}: show the documentation of a name, as IPython's {@code name?} does;
     * {@code %profile?} (or {@code profile?} when no Java name is found) shows a magic's usage.
     */
    private static final java.util.regex.Pattern HELP_REQUEST = java.util.regex.Pattern.compile("\\s*(%{0,2})([\\w.]+)\\?\\s*");

    private final KernelSettings settings;
    private final JShellEvaluator evaluator;
    private final FileHistory history;
    private final List<CellHooks> hooks = new CopyOnWriteArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<String> addedClasspath = new CopyOnWriteArrayList<>();
    private volatile ShellReplyEnvironment currentEnv;
    private volatile boolean cellRequested;
    private volatile boolean interruptBeforeStart;
    private volatile Runnable onShutdownRequest = () -> {};
    private volatile JupyterConnection connection;
    /** What cells print: every byte reaches the front end, gathered into few messages. */
    private final CellOutput stdout = new CellOutput(ShellReplyEnvironment::writeToStdOut);
    private final CellOutput stderr = new CellOutput(ShellReplyEnvironment::writeToStdErr);
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);

    private final MagicTable magics;

    private MlcycleKernel(KernelSettings settings, MagicsRegistry registry, MagicTable magics, FileHistory history,
            JShellEvaluator evaluator) {
        super(
                "mlcycle",
                VERSION,
                new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jshell")
                        .pygments("java")
                        .codemirror("text/x-java")
                        .build(),
                List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/")),
                history,
                new JupyterIO(java.nio.charset.StandardCharsets.UTF_8),
                new CommManager(),
                new Renderer(),
                new MagicSyntax(registry, KernelMagics.CODE_MAGICS),
                registry,
                settings.loadExtensions(),
                new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .build());
        this.settings = settings;
        this.magics = magics;
        this.history = history;
        this.evaluator = evaluator;
        LinkRenderer.register(getRenderer());
    }

    /** A kernel with its magics registered; call {@link #onStartup()} next. */
    public static MlcycleKernel create(KernelSettings settings) {
        MagicsRegistry registry = new MagicsRegistry();
        MagicTable magics = MagicTable.create();
        KernelMagics.register(registry, new MavenResolver(), magics);
        JShellEvaluator evaluator = JShellEvaluator.create(JShellEvaluator.Options.defaults()
                .withCompilerOptions(settings.compilerOptions())
                .withTimeoutMillis(settings.timeoutMillis()));
        return new MlcycleKernel(settings, registry, magics, FileHistory.open(settings.historyFile()), evaluator);
    }

    public KernelSettings settings() {
        return settings;
    }

    /** The one table of magics (the kernel's and the extensions'), with their usage. */
    @Override
    public void describe(MagicSpec spec) {
        magics.describe(spec);
    }

    @Override
    public java.util.Collection<MagicSpec> specs() {
        return magics.specs();
    }

    /** Called when a shutdown request has been answered: the launcher exits the process. */
    public void onShutdownRequest(Runnable action) {
        this.onShutdownRequest = action;
    }

    /**
     * Imports, extensions, the IJAVA_CLASSPATH jars and startup scripts. Errors here are logged
     * and shown on the first cell's stderr instead of stopping the kernel.
     */
    @Override
    public void onStartup() {
        installNotebookKernel();
        Thread warmup = new Thread(this::prepare, "mlcycle-startup");
        warmup.setDaemon(true);
        warmup.start();
    }

    private final List<String> startupProblems = Collections.synchronizedList(new ArrayList<>());

    private void prepare() {
        try {
            // Imports (ours, then the extensions') are gathered and compiled as one snippet.
            startupImports = new ArrayList<>(DEFAULT_IMPORTS);
            step("IJAVA_CLASSPATH", () -> {
                List<String> paths = new ArrayList<>();
                for (String entry : settings.classpath()) {
                    List<Path> found = Globs.expand(entry);
                    if (found.isEmpty()) {
                        startupProblems.add("IJAVA_CLASSPATH/JJAVA_CLASSPATH: nothing matches '" + entry + "'");
                    }
                    found.forEach(p -> paths.add(p.toString()));
                }
                if (!paths.isEmpty()) {
                    paths.forEach(p -> {
                        evaluator.addToClasspath(p);
                        addedClasspath.add(p);
                    });
                }
            });
            if (extensionsEnabled) {
                step("extensions", () -> installExtensions(getClassLoader()));
            }
            step("imports", this::flushStartupImports);
            for (String pattern : settings.startupScriptPaths()) {
                for (Path script : Globs.expand(pattern)) {
                    step("startup script " + script, () -> {
                        try {
                            evaluator.eval(magicParser.resolveMagics(Files.readString(script)));
                        } catch (IOException e) {
                            throw new IllegalStateException("cannot read " + script + ": " + e.getMessage());
                        }
                    });
                }
            }
            if (settings.startupScript() != null && !settings.startupScript().isBlank()) {
                step("IJAVA_STARTUP_SCRIPT", () -> evaluator.eval(magicParser.resolveMagics(settings.startupScript())));
            }
            // Warm the compiler so the first real cell does not pay for it; when that cell is
            // already waiting, warming up would only make it wait longer.
            if (!cellRequested) {
                step("warm-up", () -> evaluator.eval("Integer.valueOf(1) + 1"));
            }
        } finally {
            ready.countDown();
        }
    }

    private void step(String what, Runnable action) {
        long started = System.nanoTime();
        try {
            action.run();
            LOG.info("startup: {} took {} ms", what, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("startup: {} failed", what, e);
            startupProblems.add("startup: " + what + " failed: " + e.getMessage());
        }
    }

    /** Waits until startup (imports, extensions, scripts) has finished. */
    public void awaitStartup() {
        awaitReady();
    }

    private void awaitReady() {
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Jars and folders added since start ({@code %classpath}, {@code %maven}, IJAVA_CLASSPATH). */
    public List<String> addedClasspath() {
        return List.copyOf(addedClasspath);
    }

    @Override
    protected ClassLoader getClassLoader() {
        return evaluator.classLoader();
    }

    /** Adds jars or folders for notebook code, then installs any extension they bring. */
    public void addToClasspath(List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        for (String p : paths) {
            evaluator.addToClasspath(p);
            addedClasspath.add(p);
            evaluator.notebookClassPath().conflictNote(Path.of(p)).ifPresent(System.out::println);
        }
        if (extensionsEnabled) {
            installExtensions(String.join(File.pathSeparator, paths));
        }
    }

    // ---- evaluation ---------------------------------------------------------------------------

    /** Import declarations waiting to be compiled as one group; null once startup has done so. */
    private List<String> startupImports;

    private void flushStartupImports() {
        List<String> imports = startupImports;
        startupImports = null;
        if (imports != null) {
            evaluator.evalImportGroup(imports);
        }
    }

    @Override
    public Object evalRaw(String source) {
        if (startupImports != null) {
            java.util.regex.Matcher single = SINGLE_IMPORT.matcher(source);
            if (single.matches()) {
                startupImports.add(single.group(1));
                return null;
            }
            flushStartupImports(); // code that may need them comes next
        }
        var magicsOnly = magicParser instanceof MagicSyntax syntax ? syntax.magicsOnly(source) : java.util.Optional.<List<MagicSyntax.Call>>empty();
        JShellEvaluator.Result result = magicsOnly.isPresent()
                ? evaluator.runAsCell(() -> {
                    Object last = null;
                    for (MagicSyntax.Call call : magicsOnly.get()) {
                        last = call.run();
                    }
                    return last;
                })
                : evaluator.eval(magicParser.resolveMagics(source));
        if (!result.hasValue()) {
            return null;
        }
        return result.value() == null ? new NullValue() : result.value();
    }

    /** Shown for an expression whose value is null (nothing at all would look like no result). */
    private record NullValue() {
        @Override
        public String toString() {
            return "null";
        }
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        cellRequested = true;
        try {
            awaitReady();
            execute(env, message);
        } finally {
            cellRequested = false;
            interruptBeforeStart = false;
        }
    }

    private void execute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        String code = request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get();

        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(code, count));
        replaceOutputStreams(env);
        JupyterIOAccess.attach(io, env, request.isStdinEnabled());
        env.defer(() -> JupyterIOAccess.detach(io, env));
        currentEnv = env;

        if (!startupProblems.isEmpty()) {
            synchronized (startupProblems) {
                startupProblems.forEach(p -> err.println(p));
                startupProblems.clear();
            }
        }
        callHooks(h -> h.beforeCell(count, code));
        long started = System.nanoTime();
        Throwable failure = null;
        String outputText = null;
        try {
            if (interruptBeforeStart) {
                throw new JShellEvaluator.Interrupted();
            }
            java.util.regex.Matcher help = HELP_REQUEST.matcher(code);
            if (help.matches()) {
                // IPython's "name?": the documentation goes to the front end's pager
                String name = help.group(2);
                String doc = help.group(1).isEmpty() ? evaluator.inspect(name, name.length()) : null;
                if (doc == null && (!help.group(1).isEmpty() || !magics.lookup(name).isEmpty())) {
                    doc = KernelMagics.usage(getMagicsRegistry(), magics, help.group(1) + name);
                }
                if (doc == null) {
                    throw new org.mlcycle.kernel.magics.MagicUsageError("no documentation found for " + name);
                }
                env.defer().reply(new Replies.PagedExecute(count, doc));
                return;
            }
            DisplayData out = code.isBlank() ? null : eval(code);
            flush();
            if (out != null && !silent) {
                env.publish(new PublishExecuteResult(count, out));
                Object text = out.getData(MIMEType.TEXT_PLAIN);
                outputText = text == null ? null : text.toString();
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Throwable e) {
            failure = e;
            flush();
            ErrorReport report = ErrorReport.of(e);
            LOG.debug("cell {} failed", count, e);
            env.publish(new PublishError(report.name(), report.value(), report.traceback()));
            ErrorReply reply = new ErrorReply(report.name(), report.value(), report.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
            if (request.shouldStopOnError() && !silent && connection instanceof KernelConnection ours) {
                ours.abortQueuedExecutes();
            }
        } finally {
            currentEnv = null;
            long took = System.nanoTime() - started;
            Throwable seen = failure instanceof org.mlcycle.kernel.eval.CellException ce ? ce.original() : failure;
            callHooks(h -> h.afterCell(count, code, seen, took));
            if (store) {
                history.store(count, code, outputText);
            }
        }
    }

    private void flush() {
        out.flush();
        err.flush();
        stdout.drain();
        stderr.drain();
    }

    /**
     * Points {@code System.out}/{@code err} at the cell's output for good: unlike jjava-jupyter,
     * they are not put back after the cell, so a thread that prints later still reaches the
     * notebook (in the last cell's output, as with ipykernel) instead of the kernel's log.
     */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        stdout.attach(env);
        stderr.attach(env);
        System.setOut(out);
        System.setErr(err);
        System.setIn(io.in);
    }

    /** Sends clear_output for the running cell (no-op outside a cell). */
    void clearOutput(boolean wait) {
        ShellReplyEnvironment env = currentEnv;
        if (env != null) {
            flush();
            env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        return ErrorReport.of(e).traceback();
    }

    // ---- completion, inspection, completeness -----------------------------------------------

    @Override
    public ReplacementOptions complete(String code, int at) {
        awaitReady();
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        String beforeCursor = code.substring(lineStart, at);
        String stripped = beforeCursor.stripLeading();
        if (stripped.startsWith("%") && stripped.matches("%%?[\\w.-]*")) {
            boolean cell = stripped.startsWith("%%");
            String prefix = stripped.substring(cell ? 2 : 1);
            List<String> names = new ArrayList<>();
            for (String n : new java.util.TreeSet<>(cell ? magicsRegistry.getCellMagicNames() : magicsRegistry.getLineMagicNames())) {
                if (n.startsWith(prefix)) {
                    names.add(n);
                }
            }
            return new ReplacementOptions(names, at - prefix.length(), at);
        }
        JShellEvaluator.Completions c = evaluator.complete(code, at);
        return new ReplacementOptions(c.candidates(), c.start(), c.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        awaitReady();
        String doc = evaluator.inspect(code, at);
        if (doc == null) {
            return null;
        }
        DisplayData data = new DisplayData(doc);
        return data;
    }

    @Override
    public String isComplete(String code) {
        awaitReady();
        String trimmed = code.strip();
        if (trimmed.startsWith("%%")) {
            return IS_COMPLETE_YES; // a cell magic's body is not Java
        }
        String withoutMagics;
        try {
            withoutMagics = magicParser.resolveMagics(code);
        } catch (RuntimeException e) {
            return IS_COMPLETE_BAD;
        }
        return evaluator.isComplete(withoutMagics);
    }

    // ---- other requests ------------------------------------------------------------------------

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        this.connection = connection;
        if (connection instanceof KernelConnection ours) {
            ours.beforePublishing(this::flush);
        }
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::handleCommInfoRequest);
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    private void handleCommInfoRequest(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String target = message.getContent() == null ? null : message.getContent().getTargetName();
        Map<String, Map<String, String>> comms = new TreeMap<>();
        for (Comm comm : commManager) {
            if (target == null || target.equals(comm.getTargetName())) {
                comms.put(comm.getID(), Map.of("target_name", comm.getTargetName()));
            }
        }
        env.reply(new Replies.CommInfo(comms));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        java.util.Set<HistoryManager.ResultFlag> flags = java.util.EnumSet.noneOf(HistoryManager.ResultFlag.class);
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range r = (HistoryRequest.Range) request;
                yield history.lookupRange(r.getSessionIndex(), r.getStart(), r.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search s = (HistoryRequest.Search) request;
                if (s.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield history.search(s.getPattern(), s.getMaxReturnLength(), flags);
            }
        };
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryEntry e : entries) {
            Object input = request.includeOutput()
                    ? List.of(e.getInput(), e.getOutput() == null ? "" : e.getOutput())
                    : e.getInput();
            rows.add(List.of(e.getSession(), e.getCellNumber(), input));
        }
        env.reply(new Replies.History(rows));
    }

    /** As jjava-jupyter's handler, but the reply carries the status the protocol requires. */
    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        boolean restart = message.getContent() != null && message.getContent().isRestart();
        env.setBusyDeferIdle();
        env.defer().reply(new Replies.Shutdown(restart));
        onShutdown(restart);
        env.resolveDeferrals();
        env.markForShutdown();
    }

    @Override
    public void interrupt() {
        if (!cellRequested) {
            return; // no cell is running: startup work and the next cell must not be cut short
        }
        if (currentEnv == null) {
            interruptBeforeStart = true; // the cell still waits for startup: it will not run
            return;
        }
        callHooks(CellHooks::onInterrupt);
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean restarting) {
        callHooks(h -> h.onShutdown(restarting));
        evaluator.interrupt();
        super.onShutdown(restarting);
        onShutdownRequest.run();
    }

    // ---- hooks -------------------------------------------------------------------------------

    @Override
    public void addHooks(CellHooks h) {
        hooks.add(h);
    }

    @Override
    public void removeHooks(CellHooks h) {
        hooks.remove(h);
    }

    private void callHooks(Consumer<CellHooks> call) {
        for (CellHooks h : hooks) {
            try {
                call.accept(h);
            } catch (RuntimeException e) {
                LOG.warn("a cell hook failed: {}", h.getClass().getName(), e);
            }
        }
    }

    /** The evaluator, for the kernel's own tests and tools. */
    JShellEvaluator evaluator() {
        return evaluator;
    }
}
