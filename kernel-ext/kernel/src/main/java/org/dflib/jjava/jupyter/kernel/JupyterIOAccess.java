package org.dflib.jjava.jupyter.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;

/**
 * Reaches {@link JupyterIO}'s package-private switches (attach the cell's reply environment,
 * enable stdin), which jjava-jupyter 1.0-a6 only lets its own {@code BaseKernel} use. mlcycle's
 * kernel rewrites the execute handler (per-cell hooks, history with output, one error format) and
 * needs the same switches. This is the only class of mlcycle in a jjava-jupyter package.
 */
public final class JupyterIOAccess {
    private JupyterIOAccess() {}

    public static void attach(JupyterIO io, ShellReplyEnvironment env, boolean stdinEnabled) {
        io.setEnv(env);
        io.setJupyterInEnabled(stdinEnabled);
    }

    public static void detach(JupyterIO io, ShellReplyEnvironment env) {
        io.retractEnv(env);
    }
}
