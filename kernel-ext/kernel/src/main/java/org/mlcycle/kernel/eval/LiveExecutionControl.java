package org.mlcycle.kernel.eval;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in the kernel's JVM and keeps each result as a live object, so renderers and
 * magics see the real {@code Table} or chart rather than its {@code toString()}.
 *
 * <p>Each snippet runs on its own daemon thread. {@link #stop()} interrupts it, waits a grace
 * period, and then stops the thread outright: a loop like {@code while (true) { n++; }} never
 * looks at its interrupt flag, and leaving it running would hold a core at 100% for good.
 */
final class LiveExecutionControl extends DirectExecutionControl {
    private static final long GRACE_MILLIS = 100;

    private final SnippetLoader loader;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private final long timeoutMillis;
    private final int stackBytes;
    private volatile boolean stopRequested;
    private volatile Object lastValue;
    private volatile Class<?> lastWrapper;
    private volatile Throwable lastFailure;

    LiveExecutionControl(SnippetLoader loader, long timeoutMillis, int stackBytes) {
        super(loader);
        this.loader = loader;
        this.timeoutMillis = timeoutMillis;
        this.stackBytes = stackBytes;
    }

    /** Clears the captured value and failure; call before each {@code JShell.eval}. */
    void resetCapture() {
        lastValue = null;
        lastWrapper = null;
        lastFailure = null;
    }

    Object lastValue() {
        return lastValue;
    }

    /** The class JShell generated for the last snippet that ran. */
    Class<?> lastWrapper() {
        return lastWrapper;
    }

    /** The throwable thrown by the last snippet, as the user's code threw it. */
    Throwable lastFailure() {
        return lastFailure;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void clearStop() {
        stopRequested = false;
        StopCheck.clear();
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        if (stopRequested) {
            throw new StoppedException(); // interrupted while this snippet was compiling
        }
        AtomicReference<Object> value = new AtomicReference<>();
        Throwable thrown = onCellThread(
                () -> {
                    try {
                        return doit.invoke(null);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                },
                value);
        if (thrown != null) {
            lastFailure = thrown;
            if (stopRequested && !(thrown instanceof CellTimeout)) {
                throw new StoppedException();
            }
            throw new InvocationTargetException(thrown);
        }
        lastValue = value.get();
        lastWrapper = doit.getDeclaringClass();
        // JShell only needs a printable stand-in; the live object is kept above.
        return "";
    }

    /**
     * Runs kernel-side work of a cell (its magics) on a cell thread, so an interrupt or the
     * timeout stops it as it stops a snippet. Returns the work's value; rethrows its failure.
     */
    Object runDirect(JShellEvaluator.CellWork body) {
        if (stopRequested) {
            throw new JShellEvaluator.Interrupted();
        }
        AtomicReference<Object> value = new AtomicReference<>();
        Throwable thrown = onCellThread(body, value);
        if (thrown instanceof CellTimeout timeout) {
            throw timeout;
        }
        if (thrown != null && stopRequested) {
            throw new JShellEvaluator.Interrupted();
        }
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown.getMessage(), thrown);
        }
        return value.get();
    }

    /** Runs {@code body} on its own daemon thread and waits; returns what it threw, or null. */
    private Throwable onCellThread(JShellEvaluator.CellWork body, AtomicReference<Object> value) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        value.set(body.run());
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                },
                "mlcycle-cell",
                stackBytes);
        thread.setDaemon(true);
        thread.setContextClassLoader(loader.classLoader());
        running.add(thread);
        try {
            thread.start();
            if (timeoutMillis > 0) {
                thread.join(timeoutMillis);
                if (thread.isAlive()) {
                    stop();
                    thread.join();
                    failure.set(new CellTimeout(timeoutMillis));
                }
            } else {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } finally {
            running.remove(thread);
        }
        return failure.get();
    }

    /** Stops every running snippet: interrupt, a grace period, then {@code Thread.stop}. */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        // Set even when no snippet runs yet: the interrupt may come while the cell's next snippet
        // is still compiling, and that snippet must not start (the flags are cleared by the next cell).
        stopRequested = true;
        StopCheck.request();
        if (running.isEmpty()) {
            return;
        }
        for (Thread t : running) {
            t.interrupt();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (Thread t : running) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        for (Thread t : running) {
            if (t.isAlive()) {
                try {
                    t.stop(); // a loop inside library code; works up to JDK 19
                } catch (UnsupportedOperationException e) {
                    // JDK 20+: loops in notebook code stop at StopCheck; one inside a library
                    // runs on in its daemon thread while the cell reports it was interrupted.
                }
            }
        }
    }

    /** A cell ran past the kernel's timeout (IJAVA_TIMEOUT / JJAVA_TIMEOUT). */
    static final class CellTimeout extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CellTimeout(long millis) {
            super("the cell ran longer than the kernel's timeout of " + millis + " ms and was stopped");
        }
    }
}
