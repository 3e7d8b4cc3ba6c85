package org.mlcycle.kernel.eval;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * What Shift-Tab shows: the signatures of the method or constructor called around the cursor (all
 * its overloads, wherever the cursor is in the argument list), or the type or signature of the name
 * at the cursor, each with its Javadoc where sources exist.
 *
 * <p>JShell reads Javadoc from the JDK's {@code lib/src.zip}. The kernel adds the sources jars it
 * ships (its {@code sources/} folder, next to {@code lib/}) to what JShell reads, when the JVM
 * opens {@code jdk.jshell} to it ({@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED}, which the
 * installer writes); without that, or without {@code src.zip}, inspect shows signatures only.
 */
public final class Inspection {
    /** The JVM option that lets the kernel hand its sources jars to JShell. */
    public static final String OPEN_JSHELL = "--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED";

    private static final Set<String> NOT_CALLS = Set.of(
            "if",
            "for",
            "while",
            "switch",
            "catch",
            "synchronized",
            "return",
            "throw",
            "try",
            "assert",
            "case",
            "else",
            "do",
            "new",
            "yield");

    private static volatile boolean sourcesGiven;

    private final SourceCodeAnalysis analysis;

    Inspection(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * The documentation for {@code cursor} in {@code snippet} (one Java snippet), or null when
     * nothing is known there.
     */
    String inspect(String snippet, int cursor) {
        giveSourcesOnce();
        int at = Math.max(0, Math.min(cursor, snippet.length()));
        int end = at;
        while (end < snippet.length() && Character.isJavaIdentifierPart(snippet.charAt(end))) {
            end++;
        }
        int begin = at;
        while (begin > 0 && Character.isJavaIdentifierPart(snippet.charAt(begin - 1))) {
            begin--;
        }
        // A name followed by "(" is a call itself; otherwise the innermost call around the cursor
        // wins, as in IPython.
        int paren = -1;
        if (begin < end) {
            int next = skipBlank(snippet, end);
            if (next < snippet.length() && snippet.charAt(next) == '(') {
                paren = next;
            }
        }
        if (paren < 0) {
            paren = enclosingCall(snippet, at);
        }
        if (paren >= 0) {
            String shown = callDocumentation(snippet, paren);
            if (shown != null) {
                return shown;
            }
        }
        if (begin == end) {
            return null;
        }
        return nameDocumentation(snippet, begin, end);
    }

    private String callDocumentation(String snippet, int paren) {
        // The cursor right after "(": JShell then lists every overload, not only those that fit
        // the arguments typed so far.
        String upToParen = snippet.substring(0, paren + 1);
        return render(analysis.documentation(upToParen, upToParen.length(), true));
    }

    private String nameDocumentation(String snippet, int begin, int end) {
        // JShell documents a method only with the cursor inside its argument list; give it one.
        String probe = snippet.substring(0, end);
        String shown = render(analysis.documentation(probe + "(", end + 1, true));
        if (shown == null) {
            shown = render(analysis.documentation(probe, end, true));
        }
        if (shown != null) {
            return shown;
        }
        String type = analysis.analyzeType(probe, end);
        if (type != null && !type.isBlank()) {
            return snippet.substring(begin, end) + " : " + type;
        }
        return null;
    }

    /** Signatures first (all overloads), then each one's Javadoc as plain text. */
    static String render(List<Documentation> docs) {
        if (docs.isEmpty()) {
            return null;
        }
        List<String> signatures = new ArrayList<>(
                new LinkedHashSet<>(docs.stream().map(Inspection::signature).toList()));
        StringBuilder out = new StringBuilder();
        if (signatures.size() > 1) {
            signatures.forEach(s -> out.append(s).append('\n'));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Documentation d : docs) {
            String signature = signature(d);
            if (!seen.add(signature)) {
                continue;
            }
            String javadoc = d.javadoc() == null ? "" : JavadocText.of(d.javadoc());
            if (signatures.size() > 1 && javadoc.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(signature).append('\n');
            if (!javadoc.isEmpty()) {
                javadoc.lines().forEach(l -> wrap(out, l.isEmpty() ? "" : "    " + l));
            }
        }
        return out.toString().stripTrailing();
    }

    /** JShell's "name:type" of a variable or field, as Java declares it: "type name". */
    private static String signature(Documentation d) {
        String s = d.signature();
        int colon = s.indexOf(':');
        if (colon > 0 && s.substring(0, colon).chars().allMatch(Character::isJavaIdentifierPart)) {
            return s.substring(colon + 1) + " " + s.substring(0, colon);
        }
        return s;
    }

    private static final int WIDTH = 100;

    /** Appends {@code line} wrapped at blanks to {@link #WIDTH} columns, keeping its indent. */
    static void wrap(StringBuilder out, String line) {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        String rest = line;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= indent.length()) {
                break;
            }
            out.append(rest, 0, cut).append('\n');
            rest = indent + rest.substring(cut + 1).stripLeading();
        }
        out.append(rest).append('\n');
    }

    /** The position of the innermost "(" of a call still open at {@code cursor}, or -1. */
    static int enclosingCall(String code, int cursor) {
        List<Integer> open = new ArrayList<>();
        int i = 0;
        int limit = Math.min(cursor, code.length());
        while (i < limit) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                boolean block = code.startsWith("\"\"\"", i);
                String close = block ? "\"\"\"" : String.valueOf(c);
                i += close.length();
                while (i < limit && !code.startsWith(close, i)) {
                    i += code.charAt(i) == '\\' ? 2 : 1;
                }
                i += close.length();
                continue;
            }
            if (code.startsWith("//", i)) {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? limit : nl + 1;
                continue;
            }
            if (code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? limit : close + 2;
                continue;
            }
            if (c == '(') {
                open.add(i);
            } else if (c == ')' && !open.isEmpty()) {
                open.remove(open.size() - 1);
            } else if ((c == ';' || c == '{' || c == '}') && !open.isEmpty()) {
                open.clear(); // a lambda body or a new statement: the calls before it are not "around"
            }
            i++;
        }
        if (i > limit) {
            return -1; // the cursor is inside a string or comment
        }
        for (int k = open.size() - 1; k >= 0; k--) {
            if (isCall(code, open.get(k))) {
                return open.get(k);
            }
        }
        return -1;
    }

    /** Whether the "(" at {@code paren} follows a method or constructor name (not a cast or "if"). */
    private static boolean isCall(String code, int paren) {
        int j = paren - 1;
        while (j >= 0 && Character.isWhitespace(code.charAt(j))) {
            j--;
        }
        if (j >= 0 && code.charAt(j) == '>') {
            return true; // new ArrayList<>(...) or a generic method
        }
        int nameEnd = j + 1;
        while (j >= 0 && Character.isJavaIdentifierPart(code.charAt(j))) {
            j--;
        }
        String name = code.substring(j + 1, nameEnd);
        return !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0)) && !NOT_CALLS.contains(name);
    }

    private static int skipBlank(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    // ---- sources -------------------------------------------------------------------------------

    /**
     * The sources jars next to a kernel installed or built at {@code location} (a jar or a classes
     * folder): {@code sources/*-sources.jar} beside it or one level up.
     */
    public static List<Path> sourceJarsNear(Path location) {
        List<Path> jars = new ArrayList<>();
        Path dir = location.getParent();
        for (Path candidate : dir == null
                ? List.<Path>of()
                : List.of(
                        dir.resolve("sources"),
                        dir.getParent() == null
                                ? dir.resolve("sources")
                                : dir.getParent().resolve("sources"))) {
            if (!Files.isDirectory(candidate)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(candidate, "*-sources.jar")) {
                ds.forEach(p -> {
                    if (!jars.contains(p)) {
                        jars.add(p);
                    }
                });
            } catch (IOException e) {
                // unreadable: no sources from there
            }
        }
        jars.sort(null);
        return jars;
    }

    /** The kernel's own sources jars, found from where its classes were loaded. */
    static List<Path> kernelSourceJars() {
        try {
            URI uri = Inspection.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI();
            return sourceJarsNear(Path.of(uri));
        } catch (Exception e) {
            return List.of();
        }
    }

    /**
     * Once per JVM, before JShell first looks for sources: the JDK's src.zip (as JShell would read
     * it) plus the kernel's sources jars. Does nothing when there are no sources jars or JShell's
     * internals are closed to the kernel; JShell then reads src.zip alone.
     */
    private static void giveSourcesOnce() {
        if (sourcesGiven) {
            return;
        }
        synchronized (Inspection.class) {
            if (sourcesGiven) {
                return;
            }
            sourcesGiven = true;
            List<Path> jars = kernelSourceJars();
            if (jars.isEmpty()) {
                return;
            }
            try {
                Field override =
                        Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("availableSourcesOverride");
                override.setAccessible(true);
                List<Path> all = new ArrayList<>(jdkSources(Path.of(System.getProperty("java.home"))));
                all.addAll(jars);
                override.set(null, List.copyOf(all));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // closed (no --add-opens) or another JDK: JShell's own search (src.zip) stays
            }
        }
    }

    /** The source roots JShell itself would read from the JDK at {@code javaHome}, or none. */
    static List<Path> jdkSources(Path javaHome) {
        Path srcZip = javaHome.resolve("lib").resolve("src.zip");
        if (!Files.isReadable(srcZip) && javaHome.getParent() != null) {
            srcZip = javaHome.getParent().resolve("src.zip");
        }
        if (!Files.isReadable(srcZip)) {
            return List.of();
        }
        try {
            FileSystem zip =
                    FileSystems.newFileSystem(srcZip, Map.<String, Object>of()); // stays open: JShell reads it later
            Path root = zip.getRootDirectories().iterator().next();
            if (Files.exists(root.resolve("java/lang/Object.java"))) {
                return List.of(srcZip);
            }
            List<Path> modules = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
                for (Path p : ds) {
                    if (Files.isDirectory(p)) {
                        modules.add(p);
                    }
                }
            }
            return modules;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
