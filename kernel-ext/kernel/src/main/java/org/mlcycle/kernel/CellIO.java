package org.mlcycle.kernel;

import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/**
 * jjava-jupyter's {@link JupyterIO} with its switches (attach a cell's reply environment, enable
 * stdin) open to the kernel: they are protected there, and the kernel runs cells with its own
 * execute handler rather than jjava-jupyter's.
 */
final class CellIO extends JupyterIO {

    CellIO() {
        super(StandardCharsets.UTF_8);
    }

    /** Input, {@code display} and jjava-jupyter's streams now belong to the cell of {@code env}. */
    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
    }

    /** The cell of {@code env} is over. */
    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
    }
}
