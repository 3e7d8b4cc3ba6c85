package org.mlcycle.kernel.magics;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * {@code %time} and {@code %timeit}, as in IPython. {@code %timeit} compiles the code once, as a
 * lambda, and calls it in a loop: timing {@code evalRaw} itself would measure the compiler.
 */
final class TimeMagics {
    private static final double TARGET_SECONDS = 0.2;

    Object timeLine(BaseKernel kernel, List<String> args) {
        return time(kernel, args.isEmpty() ? "" : args.get(0));
    }

    Object timeCell(BaseKernel kernel, List<String> args, String body) {
        return time(kernel, body);
    }

    private static Object time(BaseKernel kernel, String code) {
        if (code.isBlank()) {
            throw new MagicUsageError("%time needs code to run: " + KernelMagics.USAGE.get("time"));
        }
        // The code runs on a thread of its own: count the CPU time of the whole process.
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        Object result = kernel.evalRaw(code);
        long wall = System.nanoTime() - wall0;
        long cpu = os.getProcessCpuTime() - cpu0;
        System.out.printf(Locale.ROOT, "CPU time: %s, Wall time: %s (compiling included)%n", human(cpu), human(wall));
        return result;
    }

    Object timeitLine(BaseKernel kernel, List<String> args) {
        String line = args.isEmpty() ? "" : args.get(0);
        List<String> words = new ArrayList<>(List.of(line.strip().split("\\s+", -1)));
        int[] loopsRepeats = options(words);
        return timeit(kernel, String.join(" ", words), loopsRepeats[0], loopsRepeats[1]);
    }

    Object timeitCell(BaseKernel kernel, List<String> args, String body) {
        List<String> words = new ArrayList<>();
        for (String a : args) {
            words.addAll(List.of(a.strip().split("\\s+")));
        }
        words.removeIf(String::isEmpty);
        int[] loopsRepeats = options(words);
        if (!words.isEmpty()) {
            throw new MagicUsageError(
                    "%%timeit: unexpected '" + String.join(" ", words) + "' (options: -n LOOPS -r REPEATS)");
        }
        return timeit(kernel, body, loopsRepeats[0], loopsRepeats[1]);
    }

    /** Takes {@code -n N} and {@code -r R} off the front of {@code words}: {loops (0 = choose), repeats}. */
    private static int[] options(List<String> words) {
        int n = 0;
        int r = 7;
        while (words.size() >= 2 && (words.get(0).equals("-n") || words.get(0).equals("-r"))) {
            try {
                int v = Integer.parseInt(words.get(1));
                if (v <= 0) {
                    throw new NumberFormatException();
                }
                if (words.get(0).equals("-n")) {
                    n = v;
                } else {
                    r = v;
                }
            } catch (NumberFormatException e) {
                throw new MagicUsageError(
                        "%timeit: " + words.get(0) + " needs a positive whole number, not '" + words.get(1) + "'");
            }
            words.subList(0, 2).clear();
        }
        return new int[] {n, r};
    }

    private static Object timeit(BaseKernel kernel, String code, int loops, int repeats) {
        if (code.isBlank()) {
            throw new MagicUsageError("%timeit needs code to run: " + KernelMagics.USAGE.get("timeit"));
        }
        Runnable body = compile(kernel, code);
        int n = loops;
        if (n == 0) {
            n = 1;
            while (true) {
                long t = run(body, n);
                if (t / 1e9 >= TARGET_SECONDS || n >= 1_000_000_000 / 10) {
                    break;
                }
                n *= 10;
            }
        }
        double[] perLoop = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            perLoop[i] = run(body, n) / (double) n;
        }
        double mean = 0;
        for (double d : perLoop) {
            mean += d;
        }
        mean /= repeats;
        double var = 0;
        for (double d : perLoop) {
            var += (d - mean) * (d - mean);
        }
        double std = repeats > 1 ? Math.sqrt(var / (repeats - 1)) : 0;
        return new KernelMagics.Text(String.format(
                Locale.ROOT,
                "%s ± %s per loop (mean ± std. dev. of %d runs, %d loops each)",
                human((long) mean),
                human((long) std),
                repeats,
                n));
    }

    /**
     * The code as a lambda, compiled once: an expression, or statements. A {@code Callable}, so
     * code that throws checked exceptions ({@code Thread.sleep(10)}) compiles as in a plain cell.
     */
    private static Runnable compile(BaseKernel kernel, String code) {
        String body = code.strip();
        Object fn;
        try {
            fn = kernel.evalRaw("(java.util.concurrent.Callable<Object>) () -> (" + stripSemicolon(body) + ")");
        } catch (RuntimeException notAnExpression) {
            fn = kernel.evalRaw("(java.util.concurrent.Callable<Object>) () -> {\n" + body
                    + (body.endsWith(";") || body.endsWith("}") ? "" : ";") + "\nreturn null;\n}");
        }
        if (fn instanceof Callable<?> c) {
            return () -> {
                try {
                    c.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.toString(), e);
                }
            };
        }
        throw new MagicUsageError("%timeit could not compile: " + code);
    }

    private static String stripSemicolon(String s) {
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private static long run(Runnable body, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            body.run();
        }
        return System.nanoTime() - t0;
    }

    static String human(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.3g µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.3g s", nanos / 1e9);
    }
}
