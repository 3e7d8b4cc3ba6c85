package org.mlcycle.kernel.magics;

/**
 * A magic was misused: unknown name, bad arguments. Shown as one line (and the magic's usage),
 * without a stack trace, as IPython's {@code UsageError}; nothing else in the cell runs.
 */
public final class MagicUsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MagicUsageError(String message) {
        super(message, null, false, false);
    }
}
