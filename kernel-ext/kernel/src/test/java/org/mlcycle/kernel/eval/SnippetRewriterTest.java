package org.mlcycle.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetRewriterTest {
    @TempDir
    Path dir;

    /** Compiles one class, rewrites it, and loads the rewritten bytes. */
    private Class<?> rewritten(String name, String source) throws Exception {
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        assertEquals(
                0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), file.toString()));
        byte[] bytes = SnippetRewriter.rewrite(Files.readAllBytes(dir.resolve(name + ".class")));
        return new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
    }

    private static Throwable call(Class<?> c, String method) throws Exception {
        Method m = c.getMethod(method);
        try {
            m.invoke(null);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    @Test
    void aLoopStopsAtItsBackEdgeOnceAStopIsRequested() throws Exception {
        Class<?> c = rewritten(
                "Spin", "public class Spin { public static long spin() { long n = 0; while (true) { n++; } } }");
        StopCheck.request();
        try {
            assertTrue(call(c, "spin") instanceof StopCheck.Stopped);
        } finally {
            StopCheck.clear();
        }
    }

    @Test
    void codeWithoutAStopRequestRunsAsWritten() throws Exception {
        Class<?> c = rewritten(
                "Sum",
                "public class Sum { public static int sum() { int s = 0; for (int i = 0; i < 100; i++) s += i;"
                        + " if (s != 4950) throw new IllegalStateException(); return s; } }");
        assertEquals(null, call(c, "sum"));
    }

    @Test
    void exitAndHaltAreTrapped() throws Exception {
        Class<?> c = rewritten(
                "Quit",
                "public class Quit { public static void a() { System.exit(3); }"
                        + " public static void b() { Runtime.getRuntime().halt(4); } }");
        ExitTrap.ExitAttempt a = (ExitTrap.ExitAttempt) call(c, "a");
        assertEquals(3, a.status());
        ExitTrap.ExitAttempt b = (ExitTrap.ExitAttempt) call(c, "b");
        assertEquals(4, b.status());
    }
}
