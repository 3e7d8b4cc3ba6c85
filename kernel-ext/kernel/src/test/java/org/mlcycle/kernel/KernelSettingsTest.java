package org.mlcycle.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelSettingsTest {
    @Test
    void ijavaVariablesAreReadAndJjavaOnesWin() {
        KernelSettings s = KernelSettings.fromEnvironment(Map.of(
                "IJAVA_CLASSPATH", "a.jar" + File.pathSeparator + "lib/*.jar",
                "IJAVA_COMPILER_OPTS", "-Xlint:all  -parameters",
                "IJAVA_TIMEOUT", "30000",
                "JJAVA_TIMEOUT", "2 SECONDS",
                "IJAVA_STARTUP_SCRIPT", "int x = 1;"));
        assertEquals(List.of("a.jar", "lib/*.jar"), s.classpath());
        assertEquals(List.of("-Xlint:all", "-parameters"), s.compilerOptions());
        assertEquals(2000, s.timeoutMillis());
        assertEquals("int x = 1;", s.startupScript());
        assertTrue(s.loadExtensions());
    }

    @Test
    void timeoutsOfZeroOrLessMeanNone() {
        assertEquals(0, KernelSettings.parseTimeout("-1"));
        assertEquals(0, KernelSettings.parseTimeout(""));
        assertEquals(120_000, KernelSettings.parseTimeout("2 minutes"));
    }

    @Test
    void anUnreadableTimeoutNamesTheValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> KernelSettings.parseTimeout("soon"));
        assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
    }

    @Test
    void extensionsCanBeTurnedOff() {
        assertFalse(KernelSettings.fromEnvironment(Map.of("JJAVA_LOAD_EXTENSIONS", "false"))
                .loadExtensions());
        assertFalse(KernelSettings.fromEnvironment(Map.of("JJAVA_LOAD_EXTENSIONS", "0"))
                .loadExtensions());
    }
}
