package org.mlcycle.hooks;

/**
 * Callbacks mlcycle's kernel makes around each cell, so an extension (a lifecycle journal, say)
 * can record what ran. Every method has an empty default; implement the ones you need.
 *
 * <p>Hooks run on the kernel's threads: keep them short and never throw. A hook that throws is
 * logged and skipped; the cell's outcome is not changed.
 *
 * <p>A stock JJava kernel never calls these: an extension that registers hooks there simply gets
 * no callbacks (see {@link HookRegistry#of(Object)}).
 */
public interface CellHooks {

    /** Before the cell's code runs; {@code executionCount} is the number the front end shows. */
    default void beforeCell(int executionCount, String code) {}

    /**
     * After the cell finished. {@code error} is null when the cell succeeded, otherwise the
     * throwable the user sees (an interrupted cell's error included).
     */
    default void afterCell(int executionCount, String code, Throwable error, long durationNanos) {}

    /** The user asked to interrupt the running cell. */
    default void onInterrupt() {}

    /** The kernel is shutting down ({@code restarting} when a restart follows). */
    default void onShutdown(boolean restarting) {}
}
