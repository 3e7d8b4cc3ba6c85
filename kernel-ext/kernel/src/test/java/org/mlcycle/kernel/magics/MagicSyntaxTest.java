package org.mlcycle.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.junit.jupiter.api.Test;

class MagicSyntaxTest {
    private final MagicsRegistry registry = new MagicsRegistry()
            .registerLineMagic("maven", (k, a) -> null)
            .registerLineMagic("loadFromPOM", (k, a) -> null)
            .registerLineMagic("time", (k, a) -> null)
            .registerCellMagic("time", (k, a, b) -> null)
            .registerCellMagic("loadFromPOM", (k, a, b) -> null);
    private final MagicSyntax syntax = new MagicSyntax(registry, Set.of("time"));

    @Test
    void aLineMagicBecomesACallWhoseValueIsKept() {
        String java = syntax.resolveMagics("%maven a:b:1");
        assertTrue(java.startsWith(MagicCalls.class.getName() + ".line("), java);
        assertFalse(java.contains("{};"), "the value must not be thrown away: " + java);
    }

    @Test
    void aCellOfMagicsAloneIsRunWithoutCompilingAndCodeIsLeftToJShell() {
        var calls = syntax.magicsOnly("// get the jars\n%maven a:b:1 \"c d\"\n\n%time 1 + 1\n")
                .orElseThrow();
        assertEquals(
                List.of(
                        new MagicSyntax.Call("maven", List.of("a:b:1", "c d"), null),
                        new MagicSyntax.Call("time", List.of("1 + 1"), null)),
                calls);
        assertEquals(
                List.of(new MagicSyntax.Call("time", List.of(), "int x = 1;")),
                syntax.magicsOnly("%%time\nint x = 1;").orElseThrow());
        assertTrue(syntax.magicsOnly("%maven a:b:1\nint x = 1;").isEmpty(), "Java code goes through JShell");
        assertTrue(syntax.magicsOnly("var jars = %maven a:b:1").isEmpty());
        assertTrue(syntax.magicsOnly("  \n// nothing").isEmpty());
        assertThrows(MagicUsageError.class, () -> syntax.magicsOnly("%mavne a:b:1"));
    }

    @Test
    void theAssignmentFormKeepsTheLeftSide() {
        String java = syntax.resolveMagics("var jars = %maven a:b:1");
        assertTrue(java.startsWith("var jars = " + MagicCalls.class.getName()), java);
    }

    @Test
    void aPercentStartingAContinuedLineIsTheRemainderOperator() {
        String cell = "int r = 17\n    %maven;";
        assertEquals(cell, syntax.resolveMagics(cell));
        String after = "int r = 17;\n%maven a:b:1";
        assertTrue(syntax.resolveMagics(after).contains(MagicCalls.class.getName()));
    }

    @Test
    void comparisonsAreNotAssignments() {
        String cell = "boolean same = a ==\n%maven;";
        assertEquals(cell, syntax.resolveMagics(cell));
    }

    @Test
    void aPercentInsideAStringIsLeftAlone() {
        String cell = "String s = \"= %maven a:b:1\";";
        assertEquals(cell, syntax.resolveMagics(cell));
    }

    @Test
    void aCellMagicMayHaveAnEmptyBody() {
        String java = syntax.resolveMagics("%%time");
        assertTrue(java.startsWith(MagicCalls.class.getName() + ".cell("), java);
    }

    @Test
    void unknownMagicsNameTheNearestOnes() {
        MagicUsageError e = assertThrows(MagicUsageError.class, () -> syntax.resolveMagics("int a = 1;\n%mavne x"));
        assertEquals("there is no line magic %mavne (did you mean %maven?); %lsmagic lists them all", e.getMessage());
    }

    @Test
    void namesMatchIgnoringCaseWhenUnambiguous() {
        assertTrue(syntax.resolveMagics("%loadFromPom pom.xml").contains(MagicCalls.class.getName()));
    }

    @Test
    void aLineMagicWrittenAsACellMagicSaysSo() {
        MagicUsageError e = assertThrows(MagicUsageError.class, () -> syntax.resolveMagics("%%maven\nx"));
        assertTrue(e.getMessage().contains("%maven is a line magic"), e.getMessage());
    }

    @Test
    void argumentsSplitOnBlanksWithQuotesAndEscapes() {
        assertEquals(List.of("a", "b c", "d\"e", ""), MagicSyntax.split("a \"b c\" d\\\"e \"\""));
        assertThrows(MagicUsageError.class, () -> MagicSyntax.split("\"open"));
    }
}
