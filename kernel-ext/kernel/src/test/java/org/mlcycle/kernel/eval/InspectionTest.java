package org.mlcycle.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectionTest {
    static JShellEvaluator shell;

    @BeforeAll
    static void start() {
        shell = JShellEvaluator.create(JShellEvaluator.Options.defaults());
        shell.eval("String s = \"hello\";");
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    private static void assertBothSubstrings(String doc, String where) {
        assertNotNull(doc, where);
        assertTrue(doc.contains("substring(int beginIndex)"), where + ": " + doc);
        assertTrue(doc.contains("substring(int beginIndex, int endIndex)"), where + ": " + doc);
    }

    @Test
    void rightAfterTheParenthesisAllOverloadsShow() {
        String code = "s.substring(";
        assertBothSubstrings(shell.inspect(code, code.length()), "after (");
    }

    @Test
    void insideTheArgumentsAndAfterACommaTheCallShows() {
        String code = "s.substring(1, 3)";
        assertBothSubstrings(shell.inspect(code, code.indexOf('1') + 1), "after 1");
        assertBothSubstrings(shell.inspect(code, code.indexOf(',') + 1), "after ,");
        assertBothSubstrings(shell.inspect(code, code.indexOf('3')), "before 3");
    }

    @Test
    void aLaterStatementOfTheCellIsInspectedOnItsOwn() {
        String code = "int n = 2;\nString t = s.substring(n, ";
        assertBothSubstrings(shell.inspect(code, code.length()), "second statement");
    }

    @Test
    void theInnermostOpenCallWins() {
        String code = "Math.max(s.indexOf(";
        String doc = shell.inspect(code, code.length());
        assertNotNull(doc);
        assertTrue(doc.contains("indexOf("), doc);
        assertFalse(doc.contains("max("), doc);
        String outer = "Math.max(s.indexOf(\"l\"), ";
        assertTrue(shell.inspect(outer, outer.length()).contains("max(int a, int b)"), outer);
    }

    @Test
    void aConstructorCallShowsItsConstructors() {
        String code = "new StringBuilder(";
        String doc = shell.inspect(code, code.length());
        assertNotNull(doc);
        assertTrue(doc.contains("StringBuilder(int capacity)"), doc);
    }

    @Test
    void aNameShowsItsType() {
        String doc = shell.inspect("s", 1);
        assertNotNull(doc);
        assertEquals("java.lang.String s", doc);
    }

    @Test
    void nothingInsideAStringOrAfterAKeyword() {
        assertEquals(-1, Inspection.enclosingCall("\"(\" + x", 7));
        assertEquals(-1, Inspection.enclosingCall("f(\"a, (", 7));
        assertEquals(-1, Inspection.enclosingCall("if (x", 5));
        assertEquals(-1, Inspection.enclosingCall("int y = (x", 10));
        assertEquals(3, Inspection.enclosingCall("foo(1, g(2), ", 13));
        assertEquals(3, Inspection.enclosingCall("foo(1, ')', ", 12));
        assertEquals(9, Inspection.enclosingCall("new Foo<>(", 10));
        assertNull(shell.inspect("\"s.substring(\"", 13));
    }

    @Test
    void javadocBecomesPlainText() {
        String text = JavadocText.of("""
                Returns the greater of two {@code int} values. See {@link Math#min(int, int) min}.
                <p>Second paragraph with {@code List<String>} &amp; more.
                <ul><li>one</li><li>two</li></ul>
                @param a an argument.
                @param b another
                   argument.
                @return the larger of {@code a} and {@code b}.
                @since 1.0
                @param <T> the element type
                """);
        assertTrue(text.startsWith("Returns the greater of two int values. See min."), text);
        assertTrue(text.contains("\n\nSecond paragraph with List<String> & more."), text);
        assertTrue(text.contains("\n- one\n- two"), text);
        assertTrue(text.contains("Parameters:\n  a - an argument.\n  b - another argument."), text);
        assertTrue(text.contains("  <T> - the element type"), text);
        assertTrue(text.contains("Returns:\n  the larger of a and b."), text);
        assertTrue(text.contains("Since:\n  1.0"), text);
    }

    @Test
    void longLinesWrapKeepingTheirIndent() {
        StringBuilder out = new StringBuilder();
        Inspection.wrap(out, "    " + "word ".repeat(40).strip());
        for (String line : out.toString().split("\n")) {
            assertTrue(line.length() <= 100 && line.startsWith("    word"), line);
        }
        assertEquals(40, out.toString().split("word", -1).length - 1);
    }

    @Test
    void sourcesJarsAreFoundBesideTheKernelOrOneLevelUp(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path sources = Files.createDirectories(dir.resolve("sources"));
        Files.writeString(sources.resolve("mlcycle-toolkit-0.1.0-sources.jar"), "");
        Files.writeString(sources.resolve("notes.txt"), "");
        assertEquals(
                1, Inspection.sourceJarsNear(lib.resolve("mlcycle-kernel.jar")).size());
        assertEquals(
                1, Inspection.sourceJarsNear(dir.resolve("mlcycle-kernel.jar")).size());
        assertTrue(Inspection.sourceJarsNear(
                        Files.createDirectories(dir.resolve("a/b")).resolve("k.jar"))
                .isEmpty());
    }

    @Test
    void noSourcesFolderMeansNoJdkSources(@TempDir Path home) {
        assertTrue(Inspection.jdkSources(home).isEmpty());
    }
}
