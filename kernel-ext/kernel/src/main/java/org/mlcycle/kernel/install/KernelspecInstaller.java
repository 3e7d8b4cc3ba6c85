package org.mlcycle.kernel.install;

import com.google.gson.GsonBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.kernel.eval.Inspection;

/**
 * Writes the kernelspec Jupyter uses to start the kernel: {@code kernel.json} plus a {@code lib/}
 * folder with every jar on this installer's classpath, and a class-data-sharing archive made by
 * a kernel run under a Jupyter client (see {@link ClassDataArchive}; it cuts the kernel's start
 * time). One JVM per kernel: options go straight into
 * {@code argv}, so there is no launcher process in between. The sources jars of mlcycle's own
 * libraries, when built, go to {@code sources/} beside {@code lib/}: inspect reads their Javadoc.
 *
 * <p>{@code install [--user | --prefix DIR | --dir DIR] [--name NAME] [--display-name TEXT] [--jvm-option OPT]...}
 */
public final class KernelspecInstaller {
    static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Djava.awt.headless=true",
            "-XX:+UseSerialGC",
            // The heap starts small and grows with the work: by default it would start at 1/64 of
            // the machine's memory, and JShell's compiles touch all of it (RSS 270 MiB vs 190 MiB).
            "-Xms16m",
            "-Xss8m",
            "-Dfile.encoding=UTF-8",
            // lets the kernel guard against exits from notebook code (see ExitGuard); Java 17
            // allows it without the option, 18 to 23 only with it
            "-Djava.security.manager=allow",
            // lets inspect (Shift-Tab) show the Javadoc of the shipped sources jars (see Inspection)
            Inspection.OPEN_JSHELL);

    static final String USAGE = """
            usage: ./mlcycle install [--user | --prefix DIR | --dir DIR] [--name NAME] [--display-name TEXT] [--jvm-option OPT]... [--warm]
              --user              the user's Jupyter data folder (the default): $JUPYTER_DATA_DIR, else
                                  $XDG_DATA_HOME/jupyter or $HOME/.local/share/jupyter (Linux),
                                  $HOME/Library/Jupyter (macOS), %APPDATA%\\jupyter (Windows)
              --prefix DIR        DIR/share/jupyter/kernels (e.g. a virtual environment or /usr/local)
              --dir DIR           exactly this folder
              --name NAME         the kernel's name (default mlcycle)
              --display-name TEXT the name Jupyter shows (default "Java (mlcycle)")
              --jvm-option OPT    one more option for the kernel's JVM, e.g. -Xmx8g (repeatable)
              --warm              keep one warmed kernel JVM waiting, so a notebook's first result
                                  comes sooner (each notebook still gets a JVM of its own; the
                                  spare uses memory while it waits)
              --with-spark        (./mlcycle install) add the Spark module, its jars and JVM options
            MLCYCLE_ARCHIVE_SECONDS=N limits each kernel run that makes the class-data-sharing archive
                                  (default 120; 0: no archive)""";

    private KernelspecInstaller() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String name = "mlcycle";
        String displayName = "Java (mlcycle)";
        Path base = userKernelsDir();
        Path exactDir = null;
        List<String> jvmOptions = new ArrayList<>(DEFAULT_JVM_OPTIONS);
        boolean warm = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--user" -> base = userKernelsDir();
                case "--prefix" -> base = Path.of(value(args, ++i, a)).resolve("share/jupyter/kernels");
                case "--dir" -> exactDir = Path.of(value(args, ++i, a));
                case "--name" -> name = value(args, ++i, a);
                case "--display-name" -> displayName = value(args, ++i, a);
                case "--jvm-option" -> jvmOptions.add(value(args, ++i, a));
                case "--warm" -> warm = true;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> fail("unknown option '" + a + "'\n" + USAGE);
            }
        }
        if (!name.matches("[a-zA-Z0-9._-]+")) {
            fail("--name '" + name + "': use letters, digits, '.', '_' or '-' (Jupyter's rule for kernel names)");
        }
        Path dir = (exactDir != null ? exactDir : base.resolve(name)).toAbsolutePath();
        Path lib = dir.resolve("lib");
        deleteRecursively(lib);
        Files.createDirectories(lib);
        int copied = 0;
        // one version per library: an optional module's jars (Spark's) may repeat a library the kernel
        // already has in another version; the first on the class path (the kernel's) is kept
        Map<String, String> versions = new java.util.HashMap<>();
        List<String> skipped = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                String[] lv = library(p.getFileName().toString());
                if (!versions.computeIfAbsent(lv[0], k -> lv[1]).equals(lv[1])) {
                    skipped.add(p.getFileName().toString());
                    continue;
                }
                if (!Files.exists(lib.resolve(p.getFileName()))) {
                    copied++;
                }
                Files.copy(p, lib.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!skipped.isEmpty()) {
            System.out.println("kept the first version of each library; not copied: " + String.join(", ", skipped));
        }
        if (copied == 0) {
            fail("no jars on the classpath to install (run the installer through ./mlcycle install)");
        }
        Path sources = dir.resolve("sources");
        deleteRecursively(sources);
        java.util.Set<Path> sourceJars = new java.util.TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && !entry.endsWith("*")) {
                sourceJars.addAll(Inspection.sourceJarsNear(Path.of(entry).toAbsolutePath()));
            }
        }
        for (Path jar : sourceJars) {
            Files.createDirectories(sources);
            Files.copy(jar, sources.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ClassDataArchive.Made archive = ClassDataArchive.make(java, lib, dir.resolve("mlcycle.jsa"), jvmOptions);

        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(jvmOptions);
        if (archive != ClassDataArchive.Made.NONE) {
            argv.add("-XX:SharedArchiveFile={resource_dir}/mlcycle.jsa");
            argv.add("-Xshare:auto");
        }
        argv.add("-cp");
        argv.add("{resource_dir}/lib/*");
        argv.add("org.mlcycle.kernel.launch.Main");
        if (warm) {
            argv.add("warm"); // a waiting spare JVM takes the notebook (see WarmSpare)
        }
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false));
        Files.writeString(
                dir.resolve("kernel.json"),
                new GsonBuilder()
                                .setPrettyPrinting()
                                .disableHtmlEscaping()
                                .create()
                                .toJson(spec) + "\n");
        System.out.println("installed kernel '" + name + "' in " + dir + " (" + copied + " jars"
                + (sourceJars.isEmpty() ? "" : ", " + sourceJars.size() + " sources jars")
                + ", " + archive.description + ")");
    }

    /**
     * A jar's library and version from its file name, the version up to its first '-' (so that two
     * classifiers of one version, {@code -linux-x86_64} and {@code -linux-aarch_64}, are one version):
     * {@code guava-33.0.0-jre.jar} is {@code [guava, 33.0.0]}.
     */
    static String[] library(String jarName) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^(.+?)-(\\d[^/]*?)\\.jar$").matcher(jarName);
        return m.matches() ? new String[] {m.group(1), m.group(2).split("-")[0]} : new String[] {jarName, ""};
    }

    private static Path userKernelsDir() {
        return JupyterPaths.userDataDir().resolve("kernels");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("mlcycle install: " + message);
        System.exit(2);
    }
}
