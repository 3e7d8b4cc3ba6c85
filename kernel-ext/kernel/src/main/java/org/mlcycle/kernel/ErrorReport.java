package org.mlcycle.kernel;

import java.util.ArrayList;
import java.util.List;
import org.mlcycle.kernel.eval.CellException;
import org.mlcycle.kernel.eval.CompileError;
import org.mlcycle.kernel.eval.ExitTrap;
import org.mlcycle.kernel.eval.JShellEvaluator;
import org.mlcycle.kernel.magics.MagicFailure;
import org.mlcycle.kernel.magics.MagicUsageError;

/**
 * How a failed cell is shown: the name the front end prints ({@code ename}), a one-line value
 * ({@code evalue}) and the traceback lines. Compile errors show the cell line with the offending
 * code marked; runtime errors show the user's frames; magic misuse shows one line.
 */
record ErrorReport(String name, String value, List<String> traceback) {
    private static final String RED = "\u001b[0;31m";
    private static final String RESET = "\u001b[0m";

    static ErrorReport of(Throwable e) {
        if (e instanceof CompileError c) {
            List<String> tb = new ArrayList<>();
            tb.add(RED + "CompileError" + RESET + ": the cell does not compile");
            tb.addAll(c.excerpt());
            return new ErrorReport("CompileError", c.getMessage(), tb);
        }
        if (e instanceof JShellEvaluator.Interrupted) {
            return oneLine("Interrupted", e.getMessage());
        }
        Throwable shown = e instanceof CellException ce ? ce.original() : e;
        if (shown instanceof MagicUsageError) {
            return oneLine("UsageError", shown.getMessage());
        }
        if (shown instanceof MagicFailure) {
            return oneLine("MagicError", shown.getMessage());
        }
        if (shown instanceof ExitTrap.ExitAttempt) {
            return oneLine("SystemExit", shown.getMessage());
        }
        if (e.getClass().getSimpleName().equals("CellTimeout")) {
            return oneLine("Timeout", e.getMessage());
        }
        String message = shown.getMessage() == null ? "" : CellException.clean(shown.getMessage());
        List<String> tb = new ArrayList<>();
        List<String> trace = e instanceof CellException ce ? ce.trace() : plainTrace(e);
        for (int i = 0; i < trace.size(); i++) {
            tb.add(i == 0 ? RED + trace.get(i) + RESET : trace.get(i));
        }
        if (shown instanceof OutOfMemoryError) {
            tb.add("The kernel is alive. Its heap is " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB: give it more with -Xmx in the kernelspec (./mlcycle install --jvm-option -Xmx8g).");
        } else if (shown instanceof StackOverflowError) {
            tb.add("The kernel is alive: a recursion went too deep (look for a call without a base case).");
        }
        return new ErrorReport(shown.getClass().getSimpleName(), message, tb);
    }

    private static ErrorReport oneLine(String name, String message) {
        return new ErrorReport(name, message, List.of(RED + name + RESET + ": " + message));
    }

    private static List<String> plainTrace(Throwable e) {
        List<String> out = new ArrayList<>();
        out.add(e.toString());
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 30); i++) {
            out.add("    at " + frames[i]);
        }
        return out;
    }
}
