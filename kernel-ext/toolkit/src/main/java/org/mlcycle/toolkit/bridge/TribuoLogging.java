package org.mlcycle.toolkit.bridge;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends Tribuo's java.util.logging output (training progress at INFO, which lands on stderr by
 * default and so in a notebook cell) to a handler of the caller's choice, or nowhere. The loggers
 * are held here because java.util.logging keeps only weak references to configured loggers.
 */
public final class TribuoLogging {
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    private static final Logger OLCUT = Logger.getLogger("com.oracle.labs.mlrg.olcut");

    private TribuoLogging() {}

    /** Routes Tribuo's records to {@code handler} only (not to the console). */
    public static void routeTo(Handler handler) {
        for (Logger l : new Logger[] {TRIBUO, OLCUT}) {
            l.setUseParentHandlers(false);
            for (Handler h : l.getHandlers()) l.removeHandler(h);
            l.addHandler(handler);
        }
    }

    /** Discards Tribuo's records: none reaches stderr. */
    public static void quiet() {
        for (Logger l : new Logger[] {TRIBUO, OLCUT}) {
            l.setUseParentHandlers(false);
            for (Handler h : l.getHandlers()) l.removeHandler(h);
            l.setLevel(Level.WARNING);
        }
    }
}
