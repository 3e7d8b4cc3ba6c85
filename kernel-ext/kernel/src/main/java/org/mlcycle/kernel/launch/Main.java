package org.mlcycle.kernel.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.mlcycle.kernel.KernelSettings;
import org.mlcycle.kernel.MlcycleKernel;
import org.mlcycle.kernel.connection.KernelConnection;
import org.mlcycle.kernel.eval.ExitGuard;
import org.mlcycle.kernel.install.KernelspecInstaller;

/**
 * Starts the kernel: {@code Main <connection-file>} as Jupyter calls it, or
 * {@code Main install [--user | --prefix DIR] [--name NAME] [--jvm-option OPT]...}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(
                    "usage: Main <connection-file> | install [--user | --prefix DIR] [--name NAME] [--jvm-option OPT]... | warmup");
            System.exit(2);
        }
        switch (args[0]) {
            case "install" -> {
                KernelspecInstaller.main(Arrays.copyOfRange(args, 1, args.length));
                return;
            }
            case "warm" -> {
                // a kernelspec installed with --warm: hand the connection file to a waiting spare
                routeLogging(System.err);
                WarmSpare.claimOrRun(Path.of(args[1]));
            }
            case "spare" -> {
                routeLogging(System.err);
                WarmSpare.serveAsSpare(Path.of(args[1]));
            }
            case "warmup" -> {
                Warmup.run();
                System.exit(0);
            }
            default -> run(Path.of(args[0]));
        }
    }

    private static void run(Path connectionFile) throws Exception {
        routeLogging(System.err);
        run(connectionFile, startKernel());
    }

    /** A kernel with its startup (imports, extensions) running on its own thread. */
    static MlcycleKernel startKernel() {
        ExitGuard.install();
        MlcycleKernel kernel = MlcycleKernel.create(KernelSettings.fromEnvironment(System.getenv()));
        // Imports and extensions compile on their own thread while the channels bind.
        kernel.onStartup();
        return kernel;
    }

    /** Serves the connection file's channels with {@code kernel} until the kernel is shut down. */
    static void run(Path connectionFile, MlcycleKernel kernel) throws Exception {
        run(connectionFile, kernel, () -> {});
    }

    /** As {@link #run(Path, MlcycleKernel)}, running {@code beforeExit} once the channels are closed. */
    static void run(Path connectionFile, MlcycleKernel kernel, Runnable beforeExit) throws Exception {
        KernelConnectionProperties props;
        try {
            props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        } catch (IOException e) {
            System.err.println(
                    "mlcycle kernel: cannot read the connection file " + connectionFile + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.mlcycle.kernel");
        // java.lang.management costs tens of ms of class loading and CPU at start: only when logged
        long jvm = log.isLoggable(Level.INFO)
                ? java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                : -1;
        long t1 = System.nanoTime();
        KernelConnection connection = new KernelConnection(props);
        kernel.connect(connection);
        connection.connect();
        long t2 = System.nanoTime();
        if (jvm >= 0) {
            log.info(String.format("startup: JVM up %d ms, channels %d ms", jvm, (t2 - t1) / 1_000_000));
        }
        watchParent();
        connection.waitUntilClose();
        beforeExit.run();
        ExitGuard.kernelExit(0);
    }

    /**
     * All library logging (Tribuo and jjava-jupyter log through java.util.logging) goes to the
     * kernel process's own stderr, which Jupyter keeps in its server log. Left alone, a logger
     * created while a cell runs would write into the cell, since the cell's System.err is the
     * notebook.
     */
    static void routeLogging(PrintStream stderr) {
        LogManager.getLogManager().reset();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        Handler handler =
                new StreamHandler(stderr, new Formatter() {
                    @Override
                    public String format(LogRecord r) {
                        String text = "[mlcycle " + r.getLevel() + " " + r.getLoggerName() + "] " + formatMessage(r)
                                + System.lineSeparator();
                        if (r.getThrown() != null) {
                            java.io.StringWriter sw = new java.io.StringWriter();
                            r.getThrown().printStackTrace(new java.io.PrintWriter(sw));
                            text += sw;
                        }
                        return text;
                    }
                }) {
                    @Override
                    public synchronized void publish(LogRecord record) {
                        super.publish(record);
                        flush();
                    }
                };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
        // MLCYCLE_LOG=info shows the startup timings; by default only warnings reach the log
        String wanted = System.getenv("MLCYCLE_LOG");
        Level level = Level.WARNING;
        if (wanted != null && !wanted.isBlank()) {
            try {
                level = Level.parse(wanted.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                stderr.println("MLCYCLE_LOG: '" + wanted + "' is not a log level (try info, warning, fine)");
            }
        }
        java.util.logging.Logger.getLogger("org.mlcycle").setLevel(level);
    }

    /** Exits when the process that started the kernel is gone (Jupyter sets JPY_PARENT_PID). */
    static void watchParent() {
        String pid = System.getenv("JPY_PARENT_PID");
        if (pid == null || pid.isBlank()) {
            return;
        }
        try {
            long parent = Long.parseLong(pid.strip());
            ProcessHandle.of(parent).ifPresent(handle -> handle.onExit().thenRun(() -> ExitGuard.kernelExit(0)));
        } catch (NumberFormatException ignored) {
            // not a pid: nothing to watch
        }
    }
}
