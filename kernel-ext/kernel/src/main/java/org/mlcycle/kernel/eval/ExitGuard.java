package org.mlcycle.kernel.eval;

import java.security.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps notebook code from ending the kernel's JVM by any route: {@code System.exit},
 * {@code Runtime.exit} and {@code Runtime.halt} called directly, through a method reference, a
 * lambda, reflection, a {@code MethodHandle}, or from a library added with {@code %maven}. All of
 * them pass through the security manager's {@code checkExit}, which is the one place that sees
 * every route; the bytecode rewrite in {@link SnippetRewriter} only sees direct calls in cells.
 *
 * <p>It checks nothing else ({@code checkPermission} allows everything). The security manager is
 * deprecated for removal; Java 17 to 23 still allow it (the kernelspec passes
 * {@code -Djava.security.manager=allow}). Where the JVM refuses it, the kernel logs that and
 * keeps the direct-call rewrite only.
 */
@SuppressWarnings("removal")
public final class ExitGuard extends SecurityManager {
    private static final Logger LOG = LoggerFactory.getLogger(ExitGuard.class);
    private static volatile boolean kernelExiting;

    private ExitGuard() {}

    /** Installs the guard; false when this JVM does not allow a security manager. */
    public static boolean install() {
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            LOG.warn(
                    "exits by method reference, reflection or library code cannot be stopped on this JVM: {}",
                    e.toString());
            return false;
        }
    }

    /** The kernel's own exit (shutdown, its parent gone): the only one let through. */
    public static void kernelExit(int status) {
        kernelExiting = true;
        System.exit(status);
    }

    @Override
    public void checkExit(int status) {
        if (!kernelExiting) {
            throw new ExitTrap.ExitAttempt(caller(), status);
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything else is allowed: this guard is about exits only
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // as above
    }

    /** Which of the exit calls is on the stack, for the message. */
    private static String caller() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> f.getClassName().equals("java.lang.System")
                                        && f.getMethodName().equals("exit")
                                || f.getClassName().equals("java.lang.Runtime")
                                        && (f.getMethodName().equals("exit")
                                                || f.getMethodName().equals("halt")))
                        .reduce((first, second) -> second) // the outermost: System.exit calls Runtime.exit
                        .map(f -> (f.getClassName().equals("java.lang.System") ? "System." : "Runtime.")
                                + f.getMethodName())
                        .orElse("System.exit"));
    }
}
