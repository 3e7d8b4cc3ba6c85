package org.mlcycle.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlcycle.kernel.eval.JShellEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the kernel does before the first cell, on its own thread while the channels bind: the
 * IJAVA_CLASSPATH jars, the extensions, the default imports, the startup scripts and a warm-up.
 * A step that fails is logged and its problem shown on the first cell's stderr; the kernel runs on.
 */
final class Startup {
    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

    /**
     * The imports an IJava notebook starts with, plus the notebook statics. The first one keys
     * the startup import group (see {@link JShellEvaluator#evalImportGroup}): notebook code never
     * imports it again, so nothing a user imports can replace the group.
     */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "static org.mlcycle.kernel.NotebookStatics.*",
            "java.util.*",
            "java.io.*",
            "java.math.*",
            "java.net.*",
            "java.nio.file.*",
            "java.time.*",
            "java.util.concurrent.*",
            "java.util.function.*",
            "java.util.prefs.*",
            "java.util.regex.*",
            "java.util.stream.*",
            "static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*");

    /** A source that is one import declaration and nothing else; group 1 is what it imports. */
    private static final Pattern SINGLE_IMPORT =
            Pattern.compile("\\s*import\\s+((?:static\\s+)?[\\w.]+(?:\\.\\*)?)\\s*;?\\s*");

    private final KernelSettings settings;
    private final JShellEvaluator evaluator;
    private final NotebookJars jars;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    /** Import declarations waiting to be compiled as one group; null once startup has done so. */
    private volatile List<String> imports;

    Startup(KernelSettings settings, JShellEvaluator evaluator, NotebookJars jars) {
        this.settings = settings;
        this.evaluator = evaluator;
        this.jars = jars;
    }

    /**
     * Runs every step on a daemon thread. {@code installExtensions} is null when extensions are
     * off; {@code resolveMagics} turns a script's magics into code; the warm-up is skipped when
     * {@code cellWaiting} says a cell already waits (warming up would only make it wait longer).
     */
    void start(Runnable installExtensions, UnaryOperator<String> resolveMagics, BooleanSupplier cellWaiting) {
        Thread thread = new Thread(() -> run(installExtensions, resolveMagics, cellWaiting), "mlcycle-startup");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Runnable installExtensions, UnaryOperator<String> resolveMagics, BooleanSupplier cellWaiting) {
        try {
            // Imports (ours, then the extensions') are gathered and compiled as one snippet.
            imports = new ArrayList<>(DEFAULT_IMPORTS);
            step("IJAVA_CLASSPATH", () -> {
                for (String entry : settings.classpath()) {
                    List<Path> found = Globs.expand(entry);
                    if (found.isEmpty()) {
                        problems.add("IJAVA_CLASSPATH/JJAVA_CLASSPATH: nothing matches '" + entry + "'");
                    }
                    found.forEach(p -> jars.addAtStartup(p.toString()));
                }
            });
            if (installExtensions != null) {
                step("extensions", installExtensions);
            }
            step("imports", this::flushImports);
            for (String pattern : settings.startupScriptPaths()) {
                for (Path script : Globs.expand(pattern)) {
                    step("startup script " + script, () -> {
                        try {
                            evaluator.eval(resolveMagics.apply(Files.readString(script)));
                        } catch (IOException e) {
                            throw new IllegalStateException("cannot read " + script + ": " + e.getMessage());
                        }
                    });
                }
            }
            if (settings.startupScript() != null && !settings.startupScript().isBlank()) {
                step("IJAVA_STARTUP_SCRIPT", () -> evaluator.eval(resolveMagics.apply(settings.startupScript())));
            }
            // Warm the compiler so the first real cell does not pay for it. (Warming javac on a
            // second thread beside the extensions' start was measured: on 2 cores the first result
            // came about 0.3 s later and the start cost about 0.6 s more CPU, so it stays serial.)
            if (!cellWaiting.getAsBoolean()) {
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
            problems.add("startup: " + what + " failed: " + e.getMessage());
        }
    }

    /**
     * While startup gathers imports (an extension's, evaluated through the kernel), keeps a
     * single import declaration for the group and returns true; any other code first compiles
     * the group, since it may need those imports, and returns false.
     */
    boolean gatherImport(String source) {
        if (imports == null) {
            return false;
        }
        Matcher single = SINGLE_IMPORT.matcher(source);
        if (single.matches()) {
            imports.add(single.group(1));
            return true;
        }
        flushImports();
        return false;
    }

    private void flushImports() {
        List<String> group = imports;
        imports = null;
        if (group != null) {
            evaluator.evalImportGroup(group);
        }
    }

    /** Waits until every step has run. */
    void await() {
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The problems not shown yet, once: the first cell prints them on its stderr. */
    List<String> takeProblems() {
        synchronized (problems) {
            List<String> taken = List.copyOf(problems);
            problems.clear();
            return taken;
        }
    }
}
