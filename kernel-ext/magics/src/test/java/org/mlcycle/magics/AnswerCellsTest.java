package org.mlcycle.magics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerCellsTest {

    @Test
    @DisplayName("a student version's answer cell is a template; any statement the student adds is an answer")
    void templates() {
        assertTrue(AnswerCells.isTemplate("double ctr = 0;\n// YOUR CODE HERE\nctr"));
        assertTrue(AnswerCells.isTemplate("Split lateSplit = null;\n    // YOUR CODE HERE\nlateSplit"));
        assertTrue(AnswerCells.isTemplate("long onlyModel = 0L;\n/* YOUR CODE HERE */\nonlyModel;"));
        assertTrue(AnswerCells.isTemplate("double ctr = 0;\nctr"), "the stub deleted, nothing written");
        assertTrue(AnswerCells.isTemplate("// YOUR CODE HERE"));
        assertTrue(
                AnswerCells.isTemplate("long n = 0;\ndouble r = 0;\n// YOUR CODE HERE\n"
                        + "System.out.printf(\"%d requests, %.2f%n\",\n        n, r);"),
                "a print spread over two lines is still the value line");
        assertFalse(
                AnswerCells.isTemplate("long n = 0;\nn = 3;\nSystem.out.printf(\"%d%n\",\n        n);"),
                "an answer before a two-line print is an answer");
        assertTrue(
                AnswerCells.isTemplate("double breakEven = 0;\nboolean enough = false;\n"
                        + "String.format(Locale.ROOT, \"%.3f %s\", breakEven, enough)"),
                "a shown value is not an answer");
        assertFalse(
                AnswerCells.isTemplate("double breakEven = 0;\nbreakEven = 0.4;\nString.format(\"%.3f\", breakEven)"));
        assertFalse(
                AnswerCells.isTemplate("double x = 0;\nx = compute()"), "an assignment on the last line is an answer");

        assertTrue(
                AnswerCells.isTemplate("double myNE = 0, myNEHigh = 0;\nboolean beats = false;\n// YOUR CODE HERE\n"
                        + "System.out.println(\"NE \" + Math.round(myNE * 1000) + \", beats: \" + beats);"),
                "several starting values on a line and a printed summary are the template");
        assertTrue(
                AnswerCells.isTemplate("Set<String> dropped = new TreeSet<>();\ndouble t = Double.NaN;\n"
                        + "System.out.println(String.format(\"%s = %.3f\", dropped, t));"),
                "an empty collection, NaN, '=' in a string");
        assertFalse(AnswerCells.isTemplate("double a = 0, b = 0.3;\nSystem.out.println(a + b);"), "one typed-in value");
        assertFalse(
                AnswerCells.isTemplate("double a = 0;\nSystem.out.println(a = 2);"), "an assignment inside the print");
        assertFalse(AnswerCells.isTemplate("List<String> l = new ArrayList<>(other);\nl"), "a copy is not empty");

        assertFalse(AnswerCells.isTemplate("double ctr = 0;\n// YOUR CODE HERE\nctr = clicks / shown;\nctr"));
        assertFalse(AnswerCells.isTemplate("double ctr = 0.031;\nctr"), "a typed-in number is an answer");
        assertFalse(AnswerCells.isTemplate("int worstDay = days.get(0);"));
    }

    @Test
    @DisplayName("the newest cell that assigns the answer decides, whatever ran after it")
    void newestAssigningCell() {
        AnswerCells cells = new AnswerCells();
        cells.record("double ctr = 0;\n// YOUR CODE HERE\nctr");
        cells.record("System.out.println(ctr);");
        cells.record("%check practice-ctr");
        assertTrue(cells.unchanged(List.of("ctr")));

        cells.record("ctr += 0.5;");
        assertFalse(cells.unchanged(List.of("ctr")));
        assertFalse(cells.unchanged(List.of("rpm")), "no cell assigns rpm: nothing to call blank");
        assertFalse(new AnswerCells().unchanged(List.of("ctr")), "a kernel without hooks remembers no cells");
    }

    @Test
    @DisplayName("assignments are told from comparisons, reads and longer names")
    void assigns() {
        assertTrue(AnswerCells.assigns("double ctr = 0;", "ctr"));
        assertTrue(AnswerCells.assigns("ctr /= n;", "ctr"));
        assertTrue(AnswerCells.assigns("n++;", "n"));
        assertTrue(AnswerCells.assigns("++n;", "n"));
        assertFalse(AnswerCells.assigns("if (ctr == 0) {}", "ctr"));
        assertFalse(AnswerCells.assigns("double ctr2 = ctr;", "ctr"));
        assertFalse(AnswerCells.assigns("x.ctr = 1;", "ctr"));
    }
}
