package org.mlcycle.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Functions every notebook can call without an import, beside jjava-jupyter's {@code display},
 * {@code render} and {@code updateDisplay}.
 */
public final class NotebookStatics {
    private NotebookStatics() {}

    /** Clears the cell's output now. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        if (BaseKernel.notebookKernel() instanceof MlcycleKernel k) {
            k.clearOutput(wait);
        }
    }
}
