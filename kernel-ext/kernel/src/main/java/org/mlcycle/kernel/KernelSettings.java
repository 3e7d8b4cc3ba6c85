package org.mlcycle.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's settings, read from the environment. IJava's variable names are honoured, and
 * JJava's; where both are set, the JJAVA_ one wins (it is the newer kernel).
 *
 * <ul>
 *   <li>{@code IJAVA_CLASSPATH}: jars and folders (globs allowed) added at start, separated by
 *       the platform's path separator;
 *   <li>{@code IJAVA_STARTUP_SCRIPTS_PATH}: .jshell files run at start (globs allowed);
 *   <li>{@code IJAVA_STARTUP_SCRIPT}: Java code run at start;
 *   <li>{@code IJAVA_COMPILER_OPTS}: javac options, space-separated;
 *   <li>{@code IJAVA_TIMEOUT}: the longest a cell may run, in ms or as "30 SECONDS"; 0 or less
 *       means none;
 *   <li>{@code JJAVA_LOAD_EXTENSIONS}: "0", "false" or "" turns extensions off;
 *   <li>{@code MLCYCLE_HISTORY}: the history file (default ~/.local/share/mlcycle/history.jsonl).
 * </ul>
 */
public record KernelSettings(
        List<String> classpath,
        List<String> startupScriptPaths,
        String startupScript,
        List<String> compilerOptions,
        long timeoutMillis,
        boolean loadExtensions,
        Path historyFile) {

    public KernelSettings {
        classpath = List.copyOf(classpath);
        startupScriptPaths = List.copyOf(startupScriptPaths);
        compilerOptions = List.copyOf(compilerOptions);
    }

    public static KernelSettings fromEnvironment(Map<String, String> env) {
        String history = env.get("MLCYCLE_HISTORY");
        Path historyFile = history != null && !history.isBlank()
                ? Path.of(history)
                : Path.of(System.getProperty("user.home"), ".local", "share", "mlcycle", "history.jsonl");
        String extensions = pick(env, "LOAD_EXTENSIONS");
        boolean load = extensions == null
                || !(extensions.isBlank() || extensions.equals("0") || extensions.equalsIgnoreCase("false"));
        return new KernelSettings(
                split(pick(env, "CLASSPATH"), File.pathSeparator),
                split(pick(env, "STARTUP_SCRIPTS_PATH"), File.pathSeparator),
                pick(env, "STARTUP_SCRIPT"),
                split(pick(env, "COMPILER_OPTS"), " "),
                parseTimeout(pick(env, "TIMEOUT")),
                load,
                historyFile);
    }

    private static String pick(Map<String, String> env, String suffix) {
        String jjava = env.get("JJAVA_" + suffix);
        return jjava != null ? jjava : env.get("IJAVA_" + suffix);
    }

    private static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(separator.equals(" ") ? "\\s+" : java.util.regex.Pattern.quote(separator))) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** "30000", "30 SECONDS", "2 MINUTES", "-1"; unreadable values fail with the value named. */
    static long parseTimeout(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String[] parts = value.strip().split("\\s+");
        try {
            long amount = Long.parseLong(parts[0]);
            if (amount <= 0) {
                return 0;
            }
            if (parts.length == 1) {
                return amount;
            }
            TimeUnit unit = TimeUnit.valueOf(parts[1].toUpperCase(Locale.ROOT));
            return unit.toMillis(amount);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("IJAVA_TIMEOUT/JJAVA_TIMEOUT: cannot read '" + value
                    + "' (write milliseconds, or a number and a unit such as '30 SECONDS'; one of "
                    + Arrays.toString(TimeUnit.values()) + ")");
        }
    }
}
