package org.mlcycle.kernel.connection;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The signatures of the messages already accepted, shared by the shell, control and stdin
 * channels: a message signed once is served once. As in jupyter_client's {@code Session}, the
 * history is bounded (65,536 digests); the oldest are forgotten first.
 */
final class DigestHistory {
    static final int LIMIT = 1 << 16;
    private final LinkedHashSet<String> digests = new LinkedHashSet<>();
    private final int limit;

    DigestHistory() {
        this(LIMIT);
    }

    DigestHistory(int limit) {
        this.limit = limit;
    }

    /** Records {@code digest}; false when it was seen before. */
    synchronized boolean add(String digest) {
        if (!digests.add(digest)) {
            return false;
        }
        if (digests.size() > limit) {
            Iterator<String> oldest = digests.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
