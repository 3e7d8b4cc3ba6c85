package org.mlcycle.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands a path with {@code *}, {@code ?}, {@code **} or {@code {a,b}} into the files it names,
 * sorted; a path without them is returned as it is if it exists. (jjava-jupyter's resolver is
 * package-private.)
 */
public final class Globs {
    private Globs() {}

    public static List<Path> expand(String pattern) {
        String normalized = pattern.replace('\\', '/');
        if (normalized.startsWith("~/")) {
            normalized = System.getProperty("user.home") + normalized.substring(1);
        }
        int firstGlob = indexOfGlob(normalized);
        if (firstGlob < 0) {
            Path p = Path.of(normalized);
            return Files.exists(p) ? List.of(p.toAbsolutePath().normalize()) : List.of();
        }
        int slash = normalized.lastIndexOf('/', firstGlob);
        Path base = slash < 0 ? Path.of("") : Path.of(slash == 0 ? "/" : normalized.substring(0, slash));
        Path absBase = base.toAbsolutePath().normalize();
        String rest = normalized.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        if (!Files.isDirectory(absBase)) {
            return List.of();
        }
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
        try (Stream<Path> walk = Files.walk(absBase, depth)) {
            return walk.filter(p -> !p.equals(absBase))
                    .filter(p -> matcher.matches(absBase.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + absBase + ": " + e.getMessage(), e);
        }
    }

    private static int indexOfGlob(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '{' || c == '[') {
                return i;
            }
        }
        return -1;
    }
}
