package org.mlcycle.kernel.launch;

import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * The memory floor under the kernel: a bare JShell in this JVM given the same cells as the memory
 * benchmark (a declaration, a string, an expression whose {@code $N} is dropped), printing the heap
 * after a full GC once {@code first} and once {@code total} cells have run, as
 * {@code heap_mib <cells> <MiB>}. JShell keeps every snippet it was given (source, wrappers,
 * compiled classes), so its heap grows with the cells; a kernel on JShell cannot grow less.
 *
 * <pre>java [the kernel's JVM options] -cp ... org.mlcycle.kernel.launch.JShellMemoryFloor FIRST TOTAL</pre>
 */
public final class JShellMemoryFloor {
    private JShellMemoryFloor() {}

    public static void main(String[] args) throws InterruptedException {
        int first = Integer.parseInt(args[0]);
        int total = Integer.parseInt(args[1]);
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            int cells = 0;
            for (int n = 1; cells < total; n++) {
                for (String code : cell(n)) {
                    for (SnippetEvent e : shell.eval(code)) {
                        if (e.snippet().subKind() == jdk.jshell.Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                            shell.drop(e.snippet());
                        }
                    }
                    cells++;
                    if (cells == first || cells == total) {
                        System.out.printf(java.util.Locale.ROOT, "heap_mib %d %.1f%n", cells, heapAfterGc());
                    }
                }
            }
        }
    }

    /** The benchmark's cells, three per round: the same text the Python side sends the kernel. */
    static String[] cell(int n) {
        return new String[] {
            "int v" + n % 50 + " = " + n + ";",
            "String s" + n % 50 + " = \"x\".repeat(" + n + ");",
            "v" + n % 50 + " + " + n,
        };
    }

    static double heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return java.lang.management.ManagementFactory.getMemoryMXBean()
                        .getHeapMemoryUsage()
                        .getUsed()
                / 1048576.0;
    }
}
