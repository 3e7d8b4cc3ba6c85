package org.mlcycle.kernel;

/**
 * Functions every notebook can call without an import, beside jjava-jupyter's {@code display},
 * {@code render} and {@code updateDisplay}.
 */
public final class NotebookStatics {
    private NotebookStatics() {}

    /** The kernel's running cells (set when the kernel starts; one kernel per JVM). */
    private static volatile CellExecution cells;

    static void serve(CellExecution running) {
        cells = running;
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        CellExecution c = cells;
        if (c != null) {
            c.clearOutput(wait);
        }
    }
}
