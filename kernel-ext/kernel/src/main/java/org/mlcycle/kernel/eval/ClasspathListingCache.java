package org.mlcycle.kernel.eval;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Keeps javac's listing of the class path's packages from one compile to the next. JShell runs
 * several javac tasks per cell and each one ends with the file manager's {@code flush()}, which
 * throws away javac's index of every folder in every jar; the next task rebuilds it, and with the
 * kernel's 84 jars that was 13-19% of a cell's compile time. Jars do not change under a running
 * kernel, so while the class path is jars only their listings are kept; a class-path change
 * ({@code %classpath}, {@code %maven}) clears them and a folder on the class path turns them off.
 */
final class ClasspathListingCache extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    private record Key(String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse) {}

    private final Map<Key, List<JavaFileObject>> listings = new ConcurrentHashMap<>();
    /** The class path the listings were made for; javac hands options to the file manager at every task. */
    private volatile List<Path> listedFor = List.of();

    private volatile boolean jarsOnly;
    /** The class-path collection last compared with {@link #listedFor}: list() is called often, the path rarely changes. */
    private volatile Iterable<? extends Path> checkedPaths;

    private final NotebookClassPath visible;

    ClasspathListingCache(StandardJavaFileManager standard) {
        this(standard, null);
    }

    /**
     * With {@code visible}, the class path javac is given never holds the kernel's hidden jars:
     * set at the start from the process's class path, and filtered whenever JShell sets it again.
     */
    ClasspathListingCache(StandardJavaFileManager standard, NotebookClassPath visible) {
        super(standard);
        this.visible = visible;
        if (visible != null) {
            try {
                standard.setLocationFromPaths(StandardLocation.CLASS_PATH, visible.compileClassPath());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Override
    public boolean handleOption(String current, java.util.Iterator<String> remaining) {
        if (visible != null
                && (current.equals("-classpath") || current.equals("-cp") || current.equals("--class-path"))
                && remaining.hasNext()) {
            String kept = java.util.Arrays.stream(remaining.next().split(File.pathSeparator))
                    .filter(entry -> entry.isBlank() || visible.isVisible(Path.of(entry)))
                    .collect(java.util.stream.Collectors.joining(File.pathSeparator));
            return fileManager.handleOption(current, List.of(kept).iterator());
        }
        return fileManager.handleOption(current, remaining);
    }

    @Override
    public Iterable<JavaFileObject> list(
            Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse) throws IOException {
        if (location != StandardLocation.CLASS_PATH || !sameClassPathAsListed()) {
            return super.list(location, packageName, kinds, recurse);
        }
        Key key = new Key(packageName, Set.copyOf(kinds), recurse);
        List<JavaFileObject> cached = listings.get(key);
        if (cached == null) {
            cached = new ArrayList<>();
            for (JavaFileObject f : super.list(location, packageName, kinds, recurse)) {
                cached.add(f);
            }
            listings.put(key, List.copyOf(cached));
        }
        return cached;
    }

    /** Clears the listings when the class path changed since they were made; true when they may be used. */
    private boolean sameClassPathAsListed() {
        Iterable<? extends Path> paths = fileManager.getLocationAsPaths(StandardLocation.CLASS_PATH);
        if (paths == checkedPaths) {
            return jarsOnly; // javac hands back the same collection until the class path is set again
        }
        checkedPaths = paths;
        List<Path> now = new ArrayList<>();
        if (paths != null) {
            paths.forEach(now::add);
        }
        if (!now.equals(listedFor)) {
            listings.clear();
            // a folder's classes can change while the kernel runs: only jars are kept
            jarsOnly = now.stream().allMatch(Files::isRegularFile);
            listedFor = List.copyOf(now);
        }
        return jarsOnly;
    }

    // ---- StandardJavaFileManager, forwarded ----------------------------------------------------

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    @SuppressWarnings("deprecation")
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Iterable<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        if (visible != null && location == StandardLocation.CLASS_PATH && files != null) {
            List<File> kept = new ArrayList<>();
            files.forEach(f -> {
                if (visible.isVisible(f.toPath())) {
                    kept.add(f);
                }
            });
            files = kept;
        }
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        if (visible != null && location == StandardLocation.CLASS_PATH) {
            paths = paths.stream()
                    .filter(visible::isVisible)
                    .map(Path.class::cast)
                    .toList();
        }
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory f) {
        fileManager.setPathFactory(f);
    }
}
