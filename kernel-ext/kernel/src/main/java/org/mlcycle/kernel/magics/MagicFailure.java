package org.mlcycle.kernel.magics;

/** A magic ran and failed (a jar that is not there, Maven Central out of reach); one line, no trace. */
public final class MagicFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MagicFailure(String magic, Throwable cause) {
        super(magic + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause, false, false);
    }
}
