package org.mlcycle.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JupyterPathsTest {
    private static final String ACCOUNT_HOME = "/home/from-passwd";

    @Test
    void jupyterDataDirWinsEverywhere() {
        assertEquals(
                Path.of("/data/j"),
                JupyterPaths.userDataDir(Map.of("JUPYTER_DATA_DIR", "/data/j", "HOME", "/h"), "Linux", ACCOUNT_HOME));
        assertEquals(
                Path.of("/data/j"),
                JupyterPaths.userDataDir(Map.of("JUPYTER_DATA_DIR", "/data/j"), "Mac OS X", ACCOUNT_HOME));
    }

    @Test
    void linuxUsesXdgDataHomeThenHomeNotTheAccountsHome() {
        assertEquals(
                Path.of("/x/jupyter"),
                JupyterPaths.userDataDir(Map.of("XDG_DATA_HOME", "/x", "HOME", "/h"), "Linux", ACCOUNT_HOME));
        assertEquals(
                Path.of("/tmp/h/.local/share/jupyter"),
                JupyterPaths.userDataDir(Map.of("HOME", "/tmp/h"), "Linux", ACCOUNT_HOME));
        assertEquals(
                Path.of(ACCOUNT_HOME, ".local/share/jupyter"),
                JupyterPaths.userDataDir(Map.of(), "Linux", ACCOUNT_HOME));
    }

    @Test
    void macOsUsesLibraryJupyter() {
        assertEquals(
                Path.of("/Users/a/Library/Jupyter"),
                JupyterPaths.userDataDir(Map.of("HOME", "/Users/a"), "Mac OS X", ACCOUNT_HOME));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(
                Path.of("C:/Users/a/AppData/Roaming", "jupyter"),
                JupyterPaths.userDataDir(Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), "Windows 11", ACCOUNT_HOME));
    }
}
