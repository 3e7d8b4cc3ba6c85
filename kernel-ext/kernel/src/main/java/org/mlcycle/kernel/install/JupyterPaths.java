package org.mlcycle.kernel.install;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Jupyter looks for a user's kernelspecs: the same rules as jupyter_core's
 * {@code jupyter_data_dir()}, so that {@code jupyter kernelspec list} finds what was installed.
 * The home folder is {@code $HOME} when set (as Python's {@code expanduser} takes it), not the
 * account's home from the password database that Java's {@code user.home} reports.
 */
final class JupyterPaths {
    private JupyterPaths() {}

    /** The user's Jupyter data folder for this process's environment and OS. */
    static Path userDataDir() {
        return userDataDir(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    static Path userDataDir(Map<String, String> env, String osName, String javaUserHome) {
        String explicit = env.get("JUPYTER_DATA_DIR");
        if (present(explicit)) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return present(appData)
                    ? Path.of(appData, "jupyter")
                    : home(env, javaUserHome)
                            .resolve("AppData")
                            .resolve("Roaming")
                            .resolve("jupyter");
        }
        Path home = home(env, javaUserHome);
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Jupyter");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (present(xdg) ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("jupyter");
    }

    private static Path home(Map<String, String> env, String javaUserHome) {
        String home = env.get("HOME");
        if (!present(home)) {
            home = env.get("USERPROFILE"); // Windows without HOME
        }
        return Path.of(present(home) ? home : javaUserHome);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
