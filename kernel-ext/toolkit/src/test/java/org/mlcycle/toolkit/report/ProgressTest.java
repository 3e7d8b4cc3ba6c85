package org.mlcycle.toolkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    @DisplayName("the console progress rewrites one line at each whole percent and ends it at done")
    void consoleRewritesOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = Progress.console(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        progress.start(1_000, "training");
        for (int i = 0; i < 1_000; i++) {
            progress.step();
        }
        progress.done();

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(102, out.split("\r", -1).length - 1, "0%, 1% ... 100%, and the final state");
        assertTrue(out.contains("\rtraining  50% (500/1,000)"), out);
        assertTrue(out.endsWith("\rtraining 100% (1,000/1,000)\n"), out);
    }

    @Test
    @DisplayName("an unknown total shows a count, and done twice ends the line once")
    void unknownTotal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = Progress.console(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        progress.start(-1, "rows");
        progress.step(12_345);
        progress.done();
        progress.done();

        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\rrows 12,345\n"));
    }

    @Test
    @DisplayName("the standard progress is none until an environment installs one, and can be reset")
    void standardIsPluggable() {
        assertSame(Progress.none(), Progress.standard());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Progress.useAsStandard(() -> Progress.console(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
            Progress p = Progress.standard();
            p.start(2, "x");
            p.done();
            assertTrue(bytes.size() > 0);
        } finally {
            Progress.useAsStandard(null);
        }
        assertSame(Progress.none(), Progress.standard());
    }
}
