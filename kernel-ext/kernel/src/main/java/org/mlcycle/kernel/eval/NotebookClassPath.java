package org.mlcycle.kernel.eval;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the kernel process's jars notebook code sees: the extension, the toolkit and their
 * libraries (listed at build time in the extension's {@code META-INF/mlcycle/notebook-jars.txt}, and in
 * the same file of any other jar that has one, such as the optional Spark module),
 * the kernel's own jar (the notebook statics and magic calls) and jjava-jupyter (display). The
 * kernel's other libraries (ZeroMQ, the Maven resolver, its HTTP client, jline, ASM, logging
 * bindings) are hidden from compiling and loading, so a user's {@code %maven} of any of them gets
 * the version asked for. Where the list is missing (the kernel's own unit tests), nothing is hidden.
 */
public final class NotebookClassPath {
    static final String LIST = "META-INF/mlcycle/notebook-jars.txt";
    private static final Pattern LISTED =
            Pattern.compile("^\\s*([^:\\s]+):([^:\\s]+):([^:\\s]+):(?:([^:\\s]+):)?([^:\\s]+):([a-z]+)");
    private static final Pattern JAR_NAME = Pattern.compile("^(.+?)-(\\d[^/]*?)\\.jar$");

    /** Every jar on the process's class path, by file name. */
    private final Map<String, Path> jars = new LinkedHashMap<>();
    /** File names of the jars notebook code sees; null when nothing is hidden. */
    private final Set<String> visible;

    private NotebookClassPath(List<Path> classPath, Set<String> visible) {
        for (Path p : classPath) {
            jars.put(p.getFileName().toString(), p);
        }
        this.visible = visible;
    }

    /** For this process: its class path and the extension's list found through {@code loader}. */
    static NotebookClassPath of(ClassLoader loader) {
        List<Path> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classPath.add(Path.of(entry).toAbsolutePath());
            }
        }
        Set<String> listed = null;
        try {
            // every jar that brings libraries for notebooks lists them (the extension; an optional module
            // such as mlcycle-spark): notebook code sees the union
            for (URL url : java.util.Collections.list(loader.getResources(LIST))) {
                if (listed == null) {
                    listed = new TreeSet<>();
                }
                try (InputStream in = url.openStream()) {
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    for (String line; (line = r.readLine()) != null; ) {
                        Matcher m = LISTED.matcher(line);
                        if (m.find() && m.group(3).equals("jar")) {
                            listed.add(m.group(2) + "-" + m.group(5) + (m.group(4) == null ? "" : "-" + m.group(4))
                                    + ".jar");
                        }
                    }
                }
            }
        } catch (IOException e) {
            listed = null;
        }
        if (listed != null) {
            for (Path p : classPath) {
                String name = p.getFileName().toString();
                if (name.startsWith("mlcycle-") || name.startsWith("jjava-jupyter-")) {
                    listed.add(name); // the kernel's and extension's own jars, and the display API
                }
            }
        }
        return new NotebookClassPath(classPath, listed);
    }

    /** The process's class path as javac may see it: the hidden jars taken out. */
    List<Path> compileClassPath() {
        return jars.values().stream().filter(this::isVisible).toList();
    }

    /** Whether javac may see a class-path entry: anything but a jar of the kernel's hidden ones. */
    boolean isVisible(Path entry) {
        if (visible == null) {
            return true;
        }
        Path known =
                jars.get(entry.getFileName() == null ? "" : entry.getFileName().toString());
        return known == null
                || !known.equals(entry.toAbsolutePath())
                || visible.contains(entry.getFileName().toString());
    }

    /** Whether notebook code may use {@code c}: JDK classes and classes from visible jars. */
    boolean isVisible(Class<?> c) {
        if (visible == null
                || c.getClassLoader() == null
                || c.getClassLoader() == ClassLoader.getPlatformClassLoader()) {
            return true;
        }
        CodeSource source =
                c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null || isVisible(source.getLocation());
    }

    /** Whether a resource or class file at {@code url} comes from a visible jar (or no jar). */
    boolean isVisible(URL url) {
        if (visible == null) {
            return true;
        }
        String s = url.toString();
        int bang = s.indexOf("!/");
        String location = bang >= 0 ? s.substring(0, bang) : s;
        String name = location.substring(location.lastIndexOf('/') + 1);
        return !name.endsWith(".jar") || visible.contains(name) || !jars.containsKey(name);
    }

    /**
     * When {@code jar} (a file a user added) is another version of a library notebook code
     * already sees, the note to show: that visible version is loaded first, so it is the one code sees.
     */
    public Optional<String> conflictNote(Path jar) {
        Matcher added = JAR_NAME.matcher(jar.getFileName().toString());
        if (visible == null || !added.matches()) {
            return Optional.empty();
        }
        for (String name : visible) {
            Matcher have = JAR_NAME.matcher(name);
            if (have.matches()
                    && have.group(1).equals(added.group(1))
                    && !have.group(2).equals(added.group(2))) {
                return Optional.of("note: " + added.group(1) + " " + added.group(2)
                        + " was added, but the toolkit needs " + have.group(1) + " " + have.group(2)
                        + ", which notebook code keeps seeing (it is loaded first)");
            }
        }
        return Optional.empty();
    }
}
