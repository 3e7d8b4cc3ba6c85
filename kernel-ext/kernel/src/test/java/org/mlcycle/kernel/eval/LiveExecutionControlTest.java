package org.mlcycle.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.spi.ExecutionControl;
import org.junit.jupiter.api.Test;

class LiveExecutionControlTest {
    static final AtomicInteger RAN = new AtomicInteger();

    /** Stands for a snippet's do-it method: counts that it ran. */
    public static String snippet() {
        RAN.incrementAndGet();
        return "";
    }

    @Test
    void anInterruptThatComesWhileTheNextSnippetCompilesKeepsItFromStarting() throws Exception {
        LiveExecutionControl control =
                new LiveExecutionControl(new SnippetLoader(getClass().getClassLoader()), 0, 1 << 20);
        RAN.set(0);
        control.stop(); // nothing runs yet: the cell's next snippet is still being compiled
        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> assertThrows(
                        ExecutionControl.StoppedException.class,
                        () -> control.invoke(LiveExecutionControlTest.class.getMethod("snippet"))));
        assertEquals(0, RAN.get(), "the snippet ran after the interrupt");

        control.clearStop(); // the next cell
        control.invoke(LiveExecutionControlTest.class.getMethod("snippet"));
        assertEquals(1, RAN.get());
    }
}
