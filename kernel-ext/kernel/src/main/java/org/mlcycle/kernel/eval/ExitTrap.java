package org.mlcycle.kernel.eval;

/**
 * Where calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in notebook
 * code are redirected (see {@link SnippetRewriter}): the notebook runs inside the kernel's own
 * JVM, so a real exit would kill the kernel and lose every variable.
 */
public final class ExitTrap {
    private ExitTrap() {}

    /** Thrown instead of exiting: an {@link Error}, so {@code catch (Exception e)} does not swallow it. */
    public static final class ExitAttempt extends Error {
        private static final long serialVersionUID = 1L;
        private final int status;

        ExitAttempt(String call, int status) {
            super(call + "(" + status + ") was called in the cell: the kernel stays alive and keeps its"
                    + " state (restart the kernel to start afresh)");
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public static void exit(int status) {
        throw new ExitAttempt("System.exit", status);
    }

    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitAttempt("Runtime.exit", status);
    }

    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitAttempt("Runtime.halt", status);
    }
}
