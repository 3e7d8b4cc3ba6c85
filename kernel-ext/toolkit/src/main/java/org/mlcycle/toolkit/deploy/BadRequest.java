package org.mlcycle.toolkit.deploy;

/** A scoring request the server cannot score: answered with its status (400 unless said) and message; the server goes on. */
public final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public BadRequest(String message) {
        this(400, message);
    }

    public BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status the request is answered with. */
    public int status() {
        return status;
    }
}
