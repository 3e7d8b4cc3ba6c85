package org.mlcycle.kernel.launch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.mlcycle.kernel.eval.JShellEvaluator;

/**
 * The floor under the kernel benchmark: a bare JShell in this JVM, with the kernel's classpath and
 * no imports, no protocol and no rendering. Prints {@code first} as soon as its first {@code 1} has
 * a value (the caller times the process start to that line), then the median time of {@code eval("1")}
 * over N evaluations after 5 warm-up ones, as {@code eval_ms <number>}, and the process's CPU time
 * per evaluation over those N (the JIT's and the collector's threads included), as
 * {@code eval_cpu_ms <number>} (each {@code $N} dropped after its value is read, as the kernel does). Whatever the kernel takes
 * beyond these two numbers is the kernel's own; below them no JShell kernel can go on this JVM.
 *
 * <p>Given import declarations after N (as {@code %imports} lists a kernel's), it evaluates them
 * as one group before its first {@code 1}, as the kernel does: the floor for a JShell that must
 * offer those imports, whose every later compile resolves them.
 *
 * <pre>java [the kernel's JVM options] -cp ... org.mlcycle.kernel.launch.JShellFloor [N [IMPORT ...]]</pre>
 */
public final class JShellFloor {
    private JShellFloor() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        List<String> imports = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            if (!imports.isEmpty()) {
                String group = JShellEvaluator.importDeclarations(imports);
                if (!shell.eval(group).stream().allMatch(e -> e.status() == Snippet.Status.VALID)) {
                    throw new IllegalStateException("the imports do not compile: " + group);
                }
            }
            evalOne(shell);
            System.out.println("first");
            System.out.flush();
            for (int i = 0; i < 5; i++) {
                evalOne(shell);
            }
            List<Double> ms = new ArrayList<>();
            long cpu = processCpuNanos();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                evalOne(shell);
                ms.add((System.nanoTime() - t) / 1e6);
            }
            double cpuPerEval = (processCpuNanos() - cpu) / 1e6 / n;
            Collections.sort(ms);
            double median = n % 2 == 1 ? ms.get(n / 2) : (ms.get(n / 2 - 1) + ms.get(n / 2)) / 2;
            System.out.printf(java.util.Locale.ROOT, "eval_ms %.2f eval_cpu_ms %.2f%n", median, cpuPerEval);
        }
    }

    /** CPU time of the whole process (every thread), in nanoseconds; -1 where the JVM does not tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    private static void evalOne(JShell shell) {
        List<SnippetEvent> events = shell.eval("1");
        SnippetEvent last = events.get(events.size() - 1);
        if (last.status() != Snippet.Status.VALID || !"1".equals(last.value())) {
            throw new IllegalStateException("JShell did not evaluate 1: " + last);
        }
        // as the kernel does: a kept $N would be imported into every later compile
        shell.drop(last.snippet());
    }
}
