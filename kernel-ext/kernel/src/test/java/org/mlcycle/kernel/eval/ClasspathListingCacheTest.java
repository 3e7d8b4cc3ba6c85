package org.mlcycle.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathListingCacheTest {
    @TempDir
    Path dir;

    private static Path jar(Path file, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out)) {
            for (String e : entries) {
                jar.putNextEntry(new JarEntry(e));
                jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
                jar.closeEntry();
            }
        }
        return file;
    }

    private static Set<String> names(ClasspathListingCache fm, String pkg) throws IOException {
        Set<String> out = new TreeSet<>();
        for (JavaFileObject f : fm.list(StandardLocation.CLASS_PATH, pkg, Set.of(JavaFileObject.Kind.CLASS), false)) {
            out.add(fm.inferBinaryName(StandardLocation.CLASS_PATH, f));
        }
        return out;
    }

    @Test
    void listingsOfJarsSurviveAFlushAndFollowAClassPathChange() throws IOException {
        Path a = jar(dir.resolve("a.jar"), "p/A.class", "p/B.class");
        Path b = jar(dir.resolve("b.jar"), "p/C.class");
        try (ClasspathListingCache fm = new ClasspathListingCache(
                ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null))) {
            fm.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(a));
            assertEquals(Set.of("p.A", "p.B"), names(fm, "p"));
            fm.flush(); // what each JShell task does at its end
            assertEquals(Set.of("p.A", "p.B"), names(fm, "p"));
            // JShell's addToClasspath hands the whole new class path to handleOption
            fm.handleOption(
                    "-classpath", List.of(a + java.io.File.pathSeparator + b).iterator());
            assertEquals(Set.of("p.A", "p.B", "p.C"), names(fm, "p"));
        }
    }

    @Test
    void aFolderOnTheClassPathIsListedAfreshEachTime() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes/p"));
        Files.write(classes.resolve("A.class"), new byte[] {1});
        try (ClasspathListingCache fm = new ClasspathListingCache(
                ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null))) {
            fm.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(dir.resolve("classes")));
            assertEquals(Set.of("p.A"), names(fm, "p"));
            Files.write(classes.resolve("B.class"), new byte[] {1}); // compiled while the kernel runs
            fm.flush();
            assertEquals(Set.of("p.A", "p.B"), names(fm, "p"));
        }
    }
}
