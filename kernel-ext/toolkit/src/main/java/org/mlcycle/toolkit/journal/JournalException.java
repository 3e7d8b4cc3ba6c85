package org.mlcycle.toolkit.journal;

import java.nio.file.Path;

/**
 * A journal operation failed: the message is one line naming the journal file, the operation and
 * the problem. Whatever the journal held before the failed operation is still there.
 */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String operation;

    JournalException(Path file, String operation, String problem, Throwable cause) {
        super(oneLine("journal " + file + ": " + operation + ": " + problem), cause);
        this.file = file;
        this.operation = operation;
    }

    JournalException(Path file, String operation, String problem) {
        this(file, operation, problem, null);
    }

    /** The journal file the operation was on. */
    public Path file() {
        return file;
    }

    /** The operation that failed, e.g. {@code "snapshot 'ads'"}. */
    public String operation() {
        return operation;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
