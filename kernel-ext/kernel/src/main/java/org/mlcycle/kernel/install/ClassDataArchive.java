package org.mlcycle.kernel.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's class-data-sharing archive: a kernel run with {@code -XX:ArchiveClassesAtExit}
 * writes the classes it loaded into one file, which later starts map instead of finding, reading
 * and verifying each class in its jar.
 *
 * <p>The run is a real kernel driven by a real Jupyter client ({@code archive_run.py}, on the first
 * Python that has {@code jupyter_client}), so the protocol's classes (ZeroMQ, the messages, their
 * JSON) go in with JShell's and the extension's. Where there is no such Python, or that run fails
 * or overruns, an in-process warm-up ({@code Main warmup}, whose requests come from a client in the
 * same JVM) is the fallback, and without either
 * the kernel runs with no archive: slower to start, otherwise the same. Each run has a time limit,
 * so an install cannot hang.
 *
 * <p>The archive is only used with the class path it was made with (Java checks it at start and
 * silently runs without the archive when it differs): the run uses the kernelspec's own
 * {@code lib/*}.
 */
final class ClassDataArchive {
    /**
     * The longest a run may take, in seconds: $MLCYCLE_ARCHIVE_SECONDS, else 120 (one run takes
     * about 10 s; there are two at most, so an install ends within 4 minutes). 0 makes no archive.
     */
    static final String LIMIT_VARIABLE = "MLCYCLE_ARCHIVE_SECONDS";

    private static final long DEFAULT_SECONDS = 120;

    private static final String CLIENT = "archive_run.py";

    /** What made the archive, for the install's last line. */
    enum Made {
        CLIENT("class-data-sharing archive"),
        WARMUP("class-data-sharing archive (in-process warm-up)"),
        NONE("no class-data-sharing archive");

        final String description;

        Made(String description) {
            this.description = description;
        }
    }

    private ClassDataArchive() {}

    /** Writes {@code archive} for a kernel of {@code java}, {@code jvmOptions} and the jars in {@code lib}. */
    static Made make(String java, Path lib, Path archive, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        long seconds = limitSeconds(System.getenv(LIMIT_VARIABLE));
        if (seconds == 0) {
            return Made.NONE;
        }
        List<String> kernel = new ArrayList<>();
        kernel.add(java);
        kernel.addAll(jvmOptions);
        kernel.add("-XX:ArchiveClassesAtExit=" + archive);
        kernel.add("-cp");
        kernel.add(lib + "/*");
        kernel.add("org.mlcycle.kernel.launch.Main");
        String clientProblem = byClient(kernel, archive, seconds);
        if (clientProblem == null) {
            return Made.CLIENT;
        }
        Files.deleteIfExists(archive);
        List<String> warmup = new ArrayList<>(kernel);
        warmup.add("warmup");
        String warmupProblem = run(warmup, archive, seconds);
        if (warmupProblem == null) {
            System.err.println(
                    "note: the class-data-sharing archive comes from an in-process warm-up (" + clientProblem + ")");
            return Made.WARMUP;
        }
        Files.deleteIfExists(archive);
        System.err.println("note: no class-data-sharing archive (the kernel works, it starts slower): " + clientProblem
                + "; " + warmupProblem);
        return Made.NONE;
    }

    /** Null when a Jupyter client drove {@code kernel} and it wrote the archive; else what went wrong. */
    private static String byClient(List<String> kernel, Path archive, long seconds)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mlcycle-archive");
        try {
            Path script = dir.resolve(CLIENT);
            try (InputStream in = ClassDataArchive.class.getResourceAsStream(CLIENT)) {
                if (in == null) {
                    return CLIENT + " is missing from the kernel jar";
                }
                Files.copy(in, script);
            }
            List<String> argv = new ArrayList<>(kernel);
            argv.add("{connection_file}");
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("argv", argv);
            spec.put("display_name", "mlcycle archive run");
            spec.put("language", "java");
            spec.put("interrupt_mode", "message");
            Path specDir = Files.createDirectories(dir.resolve("kernels/mlcycle-archive"));
            Files.writeString(
                    specDir.resolve("kernel.json"), new com.google.gson.Gson().toJson(spec), StandardCharsets.UTF_8);
            String python = python();
            if (python == null) {
                return "no Python with jupyter_client (set MLCYCLE_PYTHON)";
            }
            return run(
                    List.of(
                            python,
                            script.toString(),
                            dir.resolve("kernels").toString(),
                            "mlcycle-archive",
                            // the client stops a little before it is stopped, and says why
                            Long.toString(Math.max(1, seconds - Math.min(10, seconds / 2)))),
                    archive,
                    seconds);
        } finally {
            deleteRecursively(dir);
        }
    }

    /** The time limit of one run from {@code value} ($MLCYCLE_ARCHIVE_SECONDS): the default when unset or not a number. */
    static long limitSeconds(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_SECONDS;
        }
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            System.err.println("note: " + LIMIT_VARIABLE + "='" + value + "' is not a number of seconds; using "
                    + DEFAULT_SECONDS);
            return DEFAULT_SECONDS;
        }
    }

    /** $MLCYCLE_PYTHON, python3 or /usr/bin/python3, the first that imports jupyter_client; else null. */
    private static String python() throws InterruptedException {
        List<String> candidates = new ArrayList<>();
        String wanted = System.getenv("MLCYCLE_PYTHON");
        if (wanted != null && !wanted.isBlank()) {
            candidates.add(wanted);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String candidate : candidates) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import jupyter_client")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
                p.destroyForcibly();
            } catch (IOException notThere) {
                // the next one
            }
        }
        return null;
    }

    /**
     * Runs {@code command} (and whatever it starts) for at most {@code seconds}; null when it
     * ended well and left {@code archive}, else what went wrong with the end of its output.
     */
    private static String run(List<String> command, Path archive, long seconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("mlcycle-archive", ".log");
        try {
            // output to a file, not a pipe: reading a pipe to its end would wait past the time limit
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
                all.add(p.toHandle());
                all.forEach(ProcessHandle::destroyForcibly);
                for (ProcessHandle h : all) { // gone before the half-written archive is deleted
                    try {
                        h.onExit().get(10, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                        // the kill was sent; nothing more to do
                    }
                }
                return "no archive after " + seconds + " s (" + LIMIT_VARIABLE + ")";
            }
            if (p.exitValue() == 0 && Files.isRegularFile(archive)) {
                return null;
            }
            String out = Files.readString(log, StandardCharsets.UTF_8).strip();
            String tail = out.length() > 2000 ? "..." + out.substring(out.length() - 2000) : out;
            return "exit status " + p.exitValue() + (tail.isEmpty() ? "" : ": " + tail);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
