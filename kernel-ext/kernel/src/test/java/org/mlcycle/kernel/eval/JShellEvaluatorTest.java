package org.mlcycle.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JShellEvaluatorTest {
    static JShellEvaluator shell;

    @BeforeAll
    static void start() {
        shell = JShellEvaluator.create(JShellEvaluator.Options.defaults());
        shell.eval("import java.util.*;");
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @Test
    void importsEvaluatedAsOneGroupAreAllInScopeAndSurviveAUserReimportingOne() {
        try (JShellEvaluator fresh = JShellEvaluator.create(JShellEvaluator.Options.defaults())) {
            fresh.evalImportGroup(List.of("java.util.concurrent.atomic.AtomicLong", "java.time.*", "java.math.*"));
            fresh.eval("import java.time.*;"); // the user repeats one of the group
            assertEquals(2021, fresh.eval("LocalDate.of(2021, 1, 1).getYear()").value());
            assertEquals(7L, fresh.eval("new AtomicLong(7).get()").value());
            assertEquals(java.math.BigInteger.TWO, fresh.eval("BigInteger.TWO").value());
        }
    }

    @Test
    void aGroupWithABadImportKeepsTheGoodOnesAndNamesTheBadOne() {
        try (JShellEvaluator fresh = JShellEvaluator.create(JShellEvaluator.Options.defaults())) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> fresh.evalImportGroup(
                            List.of("java.util.concurrent.atomic.AtomicLong", "no.such.pkg.*", "java.time.*")));
            assertTrue(e.getMessage().contains("no.such.pkg.*"), e.getMessage());
            assertFalse(e.getMessage().contains("java.time"), e.getMessage());
            assertEquals(2021, fresh.eval("LocalDate.of(2021, 1, 1).getYear()").value());
            assertEquals(7L, fresh.eval("new AtomicLong(7).get()").value());
        }
    }

    @Test
    void theLastExpressionOfACellIsItsValueAsALiveObject() {
        JShellEvaluator.Result r =
                shell.eval("List<Integer> xs = new ArrayList<>(List.of(3, 1, 2));\nCollections.sort(xs);\nxs");
        assertTrue(r.hasValue());
        assertEquals(List.of(1, 2, 3), r.value());
        assertInstanceOf(ArrayList.class, r.value()); // the object itself, not its text
    }

    @Test
    void theSameObjectComesBackEveryTimeItIsNamed() {
        shell.eval("Object same = new Object();");
        assertSame(shell.eval("same").value(), shell.eval("same").value());
    }

    @Test
    void declarationsStatementsAndAssignmentsShowNothing() {
        assertFalse(shell.eval("int declared = 5;").hasValue());
        assertFalse(shell.eval("declared = 6;").hasValue());
        assertFalse(shell.eval("System.out.print(\"\");").hasValue());
        assertFalse(shell.eval("void noop() {}").hasValue());
    }

    @Test
    void aNullExpressionHasANullValue() {
        JShellEvaluator.Result r = shell.eval("String nothing = null;\nnothing");
        assertTrue(r.hasValue());
        assertEquals(null, r.value());
    }

    @Test
    void aCellEndingInDisplayShowsNoSecondResult() {
        shell.eval("String display(Object o) { return \"id\"; }");
        assertFalse(shell.eval("display(42)").hasValue());
    }

    @Test
    void aCellEndingInPrintfShowsWhatItPrintedNotTheStream() {
        assertFalse(shell.eval("System.out.printf(\"%d%n\", 1);").hasValue());
        assertFalse(shell.eval("new java.io.PrintWriter(new java.io.StringWriter()).append('x')")
                .hasValue());
        assertTrue(shell.eval("new StringBuilder().append('x')").hasValue(), "other builders still show");
    }

    @Test
    void compileErrorsPointAtTheCellLineAndColumn() {
        CompileError e =
                assertThrows(CompileError.class, () -> shell.eval("int fine = 1;\n\nString s = tabel.name();"));
        CompileError.Problem p = e.problems().get(0);
        assertEquals(3, p.line());
        assertEquals(12, p.column());
        assertEquals("cannot find symbol: variable tabel", p.message());
        assertEquals("line 3, column 12: cannot find symbol: variable tabel", e.getMessage());
        List<String> excerpt = e.excerpt();
        assertEquals("   3 | String s = tabel.name();", excerpt.get(1));
        assertEquals(" ".repeat("   3 | ".length() + 11) + "^^^^^", excerpt.get(2)); // under "tabel"
    }

    @Test
    void anUnclosedBraceIsAnErrorAtTheEndNotAHang() {
        CompileError e = assertThrows(CompileError.class, () -> shell.eval("for (int i = 0; i < 3; i++) {"));
        assertTrue(e.getMessage().startsWith("line 1"), e.getMessage());
    }

    @Test
    void runtimeExceptionsKeepTheOriginalAndPointAtTheCellLine() {
        CellException e = assertThrows(CellException.class, () -> shell.eval("int[] xs = new int[1];\nint x = xs[3];"));
        assertInstanceOf(ArrayIndexOutOfBoundsException.class, e.original());
        assertTrue(e.trace().get(1).contains("cell line 2"), e.trace().toString());
        assertTrue(e.trace().stream().noneMatch(l -> l.contains("jdk.internal.reflect")));
    }

    @Test
    void systemExitBecomesAnErrorAndTheEvaluatorGoesOn() {
        CellException e = assertThrows(CellException.class, () -> shell.eval("System.exit(4);"));
        ExitTrap.ExitAttempt exit = assertInstanceOf(ExitTrap.ExitAttempt.class, e.original());
        assertEquals(4, exit.status());
        assertThrows(CellException.class, () -> shell.eval("Runtime.getRuntime().halt(1);"));
        assertEquals(2, shell.eval("1 + 1").value());
    }

    @Test
    void catchingExceptionDoesNotSwallowTheExitTrap() {
        assertThrows(CellException.class, () -> shell.eval("try { System.exit(1); } catch (Exception e) { }"));
    }

    @Test
    void aStackOverflowIsReportedWithRepeatsFolded() {
        shell.eval("int deep(int n) { return deep(n + 1) + 1; }");
        CellException e = assertThrows(CellException.class, () -> shell.eval("deep(0)"));
        assertInstanceOf(StackOverflowError.class, e.original());
        assertTrue(e.trace().size() < 50, "trace of " + e.trace().size() + " lines");
        assertTrue(e.trace().stream().anyMatch(l -> l.contains("repeated")));
    }

    @Test
    void interruptStopsABusyLoopThatIgnoresInterruption() throws Exception {
        JShellEvaluator own = JShellEvaluator.create(JShellEvaluator.Options.defaults());
        try {
            own.eval("long before = 7;");
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    own.eval("long n = 0; while (true) { n++; }");
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(1000);
            own.interrupt();
            Throwable t = run.get(10, TimeUnit.SECONDS);
            assertInstanceOf(JShellEvaluator.Interrupted.class, t);
            assertEquals(7L, own.eval("before").value());
            assertTrue(
                    Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(th -> th.getName().equals("mlcycle-cell") && th.isAlive()),
                    "a cell thread is still alive");
        } finally {
            own.close();
        }
    }

    @Test
    void aTimeoutStopsTheCell() {
        JShellEvaluator own =
                JShellEvaluator.create(JShellEvaluator.Options.defaults().withTimeoutMillis(300));
        try {
            RuntimeException e = assertThrows(RuntimeException.class, () -> own.eval("while (true) { }"));
            assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
            assertEquals(3, own.eval("1 + 2").value());
        } finally {
            own.close();
        }
    }

    @Test
    void completionOffersMembersWithTheRangeToReplace() {
        shell.eval("String word = \"abc\";");
        String code = "int k = 1;\nword.subs";
        JShellEvaluator.Completions c = shell.complete(code, code.length());
        assertTrue(c.candidates().contains("substring("), c.candidates().toString());
        assertEquals(code.length() - "subs".length(), c.start());
        assertEquals(code.length(), c.end());
    }

    @Test
    void inspectFindsAMethodWithTheCursorAnywhereOnItsName() {
        for (int cursor : new int[] {5, 7, 8}) {
            String doc = shell.inspect("Math.max", cursor);
            assertNotNull(doc, "cursor " + cursor);
            assertTrue(doc.contains("max("), doc);
        }
        assertNotNull(shell.inspect("int q = Math.abs(-1);", 14));
    }

    @Test
    void isCompleteTellsCompleteIncompleteAndInvalid() {
        assertEquals("complete", shell.isComplete("int a = 1;"));
        assertEquals("complete", shell.isComplete("1 + 1"));
        assertEquals("    ", shell.isComplete("if (true) {"));
        assertEquals("", shell.isComplete("int b = "));
        assertEquals("invalid", shell.isComplete("}"));
    }

    @Test
    void variableNamesListWhatTheNotebookDefined() {
        shell.eval("double listedVariable = 1.5;");
        List<String> names = shell.variableNames();
        assertTrue(names.contains("listedVariable"), names.toString());
    }

    @Test
    void expressionValuesAreShownButDoNotPileUpAsDollarVariables() {
        try (JShellEvaluator fresh = JShellEvaluator.create(JShellEvaluator.Options.defaults())) {
            for (int i = 0; i < 5; i++) {
                assertEquals(i * 2, fresh.eval(i + " * 2").value());
            }
            assertEquals(
                    "x",
                    fresh.eval("String s = \"x\";\ns.length() > 0 ? s : \"\"").value());
            assertThrows(RuntimeException.class, () -> fresh.eval("Integer.parseInt(\"no\")"));
            assertEquals(List.of("s"), fresh.variableNames(), "only what the notebook named stays a variable");
            CompileError e = assertThrows(CompileError.class, () -> fresh.eval("$1 + 1"));
            assertTrue(e.getMessage().contains("$1"), e.getMessage());
        }
    }

    @Test
    void codeJShellCannotMakeAClassOfFailsAndLeavesTheSessionWorking() {
        try (JShellEvaluator fresh = JShellEvaluator.create(JShellEvaluator.Options.defaults())) {
            String[] cells = {
                "String huge = \"" + "a".repeat(65_536) + "\";",
                "int[]" + "[]".repeat(299) + " deep = null;",
                "void big() { String s = \"" + "b".repeat(70_000) + "\"; }",
                "int[] many = {" + "1,".repeat(200_000) + "1};",
                "int " + "x".repeat(70_000) + " = 1;",
            };
            fresh.eval("int kept = 7;");
            for (String cell : cells) {
                CompileError e = assertThrows(CompileError.class, () -> fresh.eval(cell), cell.substring(0, 20));
                assertFalse(e.getMessage().isBlank());
                assertEquals(2, fresh.eval("1 + 1").value(), "the session works after " + cell.substring(0, 20));
                fresh.eval("int z = 4;");
                assertEquals(4, fresh.eval("z").value());
                assertEquals(7, fresh.eval("kept").value(), "variables survive");
            }
        }
    }

    @Test
    void aClassThatHidesAJavaLangTypeIsUndoneWithAClearMessage() {
        try (JShellEvaluator fresh = JShellEvaluator.create(JShellEvaluator.Options.defaults())) {
            CompileError e = assertThrows(CompileError.class, () -> fresh.eval("class Object {}"));
            assertTrue(e.getMessage().contains("hides java.lang.Object"), e.getMessage());
            assertEquals(2, fresh.eval("1 + 1").value());
            fresh.eval("class Process { int n = 3; }"); // a java.lang name that breaks nothing is kept
            assertEquals(3, fresh.eval("new Process().n").value());
        }
    }

    @Test
    void aShownValueIsNotKeptByTheSession() throws Exception {
        java.lang.ref.WeakReference<Object> shown = new java.lang.ref.WeakReference<>(
                shell.eval("new int[1_000_000]").value());
        shell.eval("int after = 1;"); // the next cell: nothing of the last one is still captured
        for (int i = 0; i < 20 && shown.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(null, shown.get(), "the shown array is still referenced");
    }
}
