package org.mlcycle.kernel.eval;

/**
 * Polled at every loop back-edge of notebook code (see {@link SnippetRewriter}): when the user
 * interrupts, the next iteration of any loop in a cell throws. This is how a busy loop stops on
 * every JDK, including JDK 20 and later where {@code Thread.stop} is gone (the JDK's own JShell
 * engine does the same since JDK 21). Library code is not instrumented; on JDK 17 to 19 the
 * kernel falls back to {@code Thread.stop} for it.
 */
public final class StopCheck {
    private static volatile boolean stopping;

    private StopCheck() {}

    /** Thrown in the cell's thread when it reaches a loop back-edge after an interrupt. */
    public static final class Stopped extends Error {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the cell was interrupted", null, false, false);
        }
    }

    public static void poll() {
        if (stopping) {
            throw new Stopped();
        }
    }

    static void request() {
        stopping = true;
    }

    static void clear() {
        stopping = false;
    }
}
