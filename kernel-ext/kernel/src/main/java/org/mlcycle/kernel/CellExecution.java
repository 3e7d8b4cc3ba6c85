package org.mlcycle.kernel;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.mlcycle.hooks.CellHooks;
import org.mlcycle.kernel.connection.KernelConnection;
import org.mlcycle.kernel.eval.CellException;
import org.mlcycle.kernel.eval.JShellEvaluator;
import org.mlcycle.kernel.history.FileHistory;
import org.mlcycle.kernel.output.CellOutput;
import org.mlcycle.kernel.protocol.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execute_request from start to reply: the cell's output streams, the hooks around it, the
 * result or the error, the history record, and the interrupt of the running cell.
 */
final class CellExecution {
    private static final Logger LOG = LoggerFactory.getLogger(CellExecution.class);

    private final Startup startup;
    private final CellHookList hooks;
    private final HelpRequest help;
    private final JShellEvaluator evaluator;
    private final FileHistory history;
    private final CellIO io;
    /** What cells print: every byte reaches the front end, gathered into few messages. */
    private final CellOutput stdout = new CellOutput(ShellReplyEnvironment::writeToStdOut);

    private final CellOutput stderr = new CellOutput(ShellReplyEnvironment::writeToStdErr);
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    private volatile ShellReplyEnvironment currentEnv;
    private volatile boolean cellRequested;
    private volatile boolean interruptBeforeStart;
    private volatile KernelConnection connection;

    CellExecution(
            Startup startup,
            CellHookList hooks,
            HelpRequest help,
            JShellEvaluator evaluator,
            FileHistory history,
            CellIO io) {
        this.startup = startup;
        this.hooks = hooks;
        this.help = help;
        this.evaluator = evaluator;
        this.history = history;
        this.io = io;
    }

    /** The connection whose queued execute requests an error aborts (stop_on_error); its output is flushed before each publish. */
    void connectedTo(KernelConnection connection) {
        this.connection = connection;
        connection.beforePublishing(this::flush);
    }

    /** Whether a cell waits for startup or runs. */
    boolean cellRequested() {
        return cellRequested;
    }

    /**
     * Runs the request's cell once startup is done. {@code eval} turns source into the displayed
     * result (the kernel's {@code eval}, which renders {@code evalRaw}'s value).
     */
    void handle(
            ShellReplyEnvironment env,
            Message<ExecuteRequest> message,
            CommManager comms,
            AtomicInteger executionCount,
            Function<String, DisplayData> eval) {
        cellRequested = true;
        try {
            startup.await();
            comms.setMessageContext(message);
            execute(env, message.getContent(), executionCount, eval);
        } finally {
            cellRequested = false;
            interruptBeforeStart = false;
        }
    }

    private void execute(
            ShellReplyEnvironment env,
            ExecuteRequest request,
            AtomicInteger executionCount,
            Function<String, DisplayData> eval) {
        String code = request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get();

        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(code, count));
        attachStreams(env);
        io.attach(env, request.isStdinEnabled());
        env.defer(() -> io.detach(env));
        currentEnv = env;

        if (!silent) {
            // what went wrong at startup goes to the first cell the user sees, not to a silent one
            startup.takeProblems().forEach(err::println);
        }
        hooks.call(h -> h.beforeCell(count, code));
        long started = System.nanoTime();
        Throwable failure = null;
        String outputText = null;
        try {
            if (interruptBeforeStart) {
                throw new JShellEvaluator.Interrupted();
            }
            Optional<String> doc = help.answer(code);
            if (doc.isPresent()) {
                env.defer().reply(new Replies.PagedExecute(count, doc.get()));
                return;
            }
            DisplayData result = code.isBlank() ? null : eval.apply(code);
            flush();
            if (result != null && !silent) {
                env.publish(new PublishExecuteResult(count, result));
                Object text = result.getData(MIMEType.TEXT_PLAIN);
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
            KernelConnection c = connection;
            if (request.shouldStopOnError() && !silent && c != null) {
                c.abortQueuedExecutes();
            }
        } finally {
            currentEnv = null;
            long took = System.nanoTime() - started;
            Throwable seen = failure instanceof CellException ce ? ce.original() : failure;
            hooks.call(h -> h.afterCell(count, code, seen, took));
            if (store) {
                history.store(count, code, outputText);
            }
        }
    }

    /**
     * Points {@code System.out}/{@code err} at the cell's output for good: unlike jjava-jupyter,
     * they are not put back after the cell, so a thread that prints later still reaches the
     * notebook (in the last cell's output, as with ipykernel) instead of the kernel's log.
     */
    void attachStreams(ShellReplyEnvironment env) {
        stdout.attach(env);
        stderr.attach(env);
        System.setOut(out);
        System.setErr(err);
        System.setIn(io.in);
    }

    /** Everything the cell printed so far goes out now. */
    void flush() {
        out.flush();
        err.flush();
        stdout.drain();
        stderr.drain();
    }

    /** Sends clear_output for the running cell (no-op outside a cell). */
    void clearOutput(boolean wait) {
        ShellReplyEnvironment env = currentEnv;
        if (env != null) {
            flush();
            env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
        }
    }

    /** Stops the running cell; a cell still waiting for startup will not run; with no cell, nothing happens. */
    void interrupt() {
        if (!cellRequested) {
            return; // no cell is running: startup work and the next cell must not be cut short
        }
        if (currentEnv == null) {
            interruptBeforeStart = true; // the cell still waits for startup: it will not run
            return;
        }
        hooks.call(CellHooks::onInterrupt);
        evaluator.interrupt();
    }
}
