package org.mlcycle.kernel.history;

import java.nio.file.Path;

/** {@code ClaimSessions FILE N}: opens the history N times, as N kernel starts would, printing each session. */
public final class ClaimSessions {
    private ClaimSessions() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        for (int i = 0; i < n; i++) {
            System.out.println(FileHistory.open(file).session());
        }
    }
}
