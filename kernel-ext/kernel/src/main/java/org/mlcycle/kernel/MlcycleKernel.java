package org.mlcycle.kernel;

import java.io.File;
import java.util.Collection;
import java.util.List;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.mlcycle.hooks.CellHooks;
import org.mlcycle.hooks.HookRegistry;
import org.mlcycle.hooks.KernelClasspath;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.hooks.MagicTable;
import org.mlcycle.kernel.connection.KernelConnection;
import org.mlcycle.kernel.eval.JShellEvaluator;
import org.mlcycle.kernel.history.FileHistory;
import org.mlcycle.kernel.magics.KernelMagics;
import org.mlcycle.kernel.magics.MagicSyntax;
import org.mlcycle.kernel.magics.MavenResolver;
import org.mlcycle.kernel.protocol.Replies;

/**
 * mlcycle's Jupyter kernel: Java cells evaluated by JShell in this JVM, on jjava-jupyter's protocol
 * classes. It knows nothing about ML; mlcycle's extension (found by ServiceLoader) brings that.
 *
 * <p>This class wires the parts to jjava-jupyter's {@link BaseKernel}: {@link Startup} (before the
 * first cell), {@link CellExecution} (execute requests and interrupts), {@link Evaluation} (source
 * to value), {@link CodeAssist} (complete, inspect, is_complete), {@link HistoryRequests} and
 * {@link CommInfoRequests}, and the extensions' {@link CellHookList}, {@link MagicTable} and
 * {@link NotebookJars}.
 */
public final class MlcycleKernel extends BaseKernel implements HookRegistry, MagicTable, KernelClasspath {
    /**
     * The kernel's version: the jar manifest's Implementation-Version, which Maven writes from the
     * parent pom (the one place the version is kept); "unknown" when run from classes, not a jar.
     */
    public static final String VERSION = versionFromManifest();

    private static String versionFromManifest() {
        String v = MlcycleKernel.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "unknown" : v;
    }

    private final JShellEvaluator evaluator;
    private final MagicTable magics;
    private final MagicSyntax syntax;
    private final NotebookJars jars;
    private final CellHookList hooks = new CellHookList();
    private final Startup startup;
    private final Evaluation evaluation;
    private final CellExecution cells;
    private final CodeAssist assist;
    private final HistoryRequests historyRequests;
    private final CommInfoRequests commInfoRequests;
    private volatile Runnable onShutdownRequest = () -> {};

    private MlcycleKernel(
            KernelSettings settings,
            MagicsRegistry registry,
            MagicSyntax syntax,
            MagicTable magics,
            FileHistory history,
            JShellEvaluator evaluator,
            NotebookJars jars,
            CellIO io) {
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
                io,
                new CommManager(),
                new Renderer(),
                syntax,
                registry,
                settings.loadExtensions(),
                new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .build());
        this.evaluator = evaluator;
        this.magics = magics;
        this.syntax = syntax;
        this.jars = jars;
        this.startup = new Startup(settings, evaluator, jars);
        this.evaluation = new Evaluation(evaluator, syntax, startup);
        this.cells =
                new CellExecution(startup, hooks, new HelpRequest(evaluator, registry, magics), evaluator, history, io);
        this.assist = new CodeAssist(evaluator, registry, syntax);
        this.historyRequests = new HistoryRequests(history);
        this.commInfoRequests = new CommInfoRequests(commManager);
        jars.onAdded(paths -> {
            if (extensionsEnabled) {
                installExtensions(String.join(File.pathSeparator, paths));
            }
        });
        LinkRenderer.register(getRenderer());
    }

    /** A kernel with its magics registered; call {@link #onStartup()} next. */
    public static MlcycleKernel create(KernelSettings settings) {
        MagicsRegistry registry = new MagicsRegistry();
        MagicTable magics = MagicTable.create();
        JShellEvaluator evaluator = JShellEvaluator.create(JShellEvaluator.Options.defaults()
                .withCompilerOptions(settings.compilerOptions())
                .withTimeoutMillis(settings.timeoutMillis()));
        NotebookJars jars = new NotebookJars(evaluator);
        KernelMagics.register(registry, new MavenResolver(), magics, jars, evaluator::imports);
        MagicSyntax syntax = new MagicSyntax(registry, KernelMagics.CODE_MAGICS);
        return new MlcycleKernel(
                settings,
                registry,
                syntax,
                magics,
                FileHistory.open(settings.historyFile()),
                evaluator,
                jars,
                new CellIO());
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /**
     * Imports, extensions, the IJAVA_CLASSPATH jars and startup scripts, on their own thread.
     * Errors there are logged and shown on the first cell's stderr instead of stopping the kernel.
     */
    @Override
    public void onStartup() {
        installNotebookKernel();
        NotebookStatics.serve(cells);
        startup.start(
                extensionsEnabled ? () -> installExtensions(getClassLoader()) : null,
                syntax::resolveMagics,
                cells::cellRequested);
    }

    /** Waits until startup (imports, extensions, scripts) has finished. */
    public void awaitStartup() {
        startup.await();
    }

    /**
     * Serves {@code connection}: jjava-jupyter's handlers, and the kernel's own for comm_info;
     * a failing cell can abort the execute requests queued on it.
     */
    public void connect(KernelConnection connection) {
        becomeHandlerForConnection(connection);
        cells.connectedTo(connection);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, commInfoRequests::handle);
    }

    /** Called when a shutdown request has been answered: the launcher exits the process. */
    public void onShutdownRequest(Runnable action) {
        this.onShutdownRequest = action;
    }

    @Override
    public void onShutdown(boolean restarting) {
        hooks.call(h -> h.onShutdown(restarting));
        evaluator.interrupt();
        super.onShutdown(restarting);
        onShutdownRequest.run();
    }

    @Override
    protected ClassLoader getClassLoader() {
        return evaluator.classLoader();
    }

    // ---- cells ----------------------------------------------------------------------------------

    @Override
    public Object evalRaw(String source) {
        return evaluation.run(source);
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        cells.handle(env, message, commManager, executionCount, this::eval);
    }

    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        cells.attachStreams(env);
    }

    @Override
    public void interrupt() {
        cells.interrupt();
    }

    @Override
    public List<String> formatError(Throwable e) {
        return ErrorReport.of(e).traceback();
    }

    // ---- while typing ---------------------------------------------------------------------------

    @Override
    public ReplacementOptions complete(String code, int at) {
        startup.await();
        return assist.complete(code, at);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        startup.await();
        return assist.inspect(code, at);
    }

    @Override
    public String isComplete(String code) {
        startup.await();
        return assist.isComplete(code);
    }

    // ---- other requests -------------------------------------------------------------------------

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.KernelInfo(
                Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        historyRequests.handle(env, message);
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

    // ---- what extensions reach ------------------------------------------------------------------

    @Override
    public void addHooks(CellHooks h) {
        hooks.addHooks(h);
    }

    @Override
    public void removeHooks(CellHooks h) {
        hooks.removeHooks(h);
    }

    /** The one table of magics (the kernel's and the extensions'), with their usage. */
    @Override
    public void describe(MagicSpec spec) {
        magics.describe(spec);
    }

    @Override
    public Collection<MagicSpec> specs() {
        return magics.specs();
    }

    /** Jars and folders added since start ({@code %classpath}, {@code %maven}, IJAVA_CLASSPATH). */
    @Override
    public List<String> addedClasspath() {
        return jars.addedClasspath();
    }

    /** Adds jars or folders for notebook code, then installs any extension they bring. */
    @Override
    public void addToClasspath(List<String> paths) {
        jars.addToClasspath(paths);
    }
}
