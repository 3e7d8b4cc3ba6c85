package org.mlcycle.kernel;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.mlcycle.hooks.KernelClasspath;
import org.mlcycle.kernel.eval.JShellEvaluator;

/** The jars and folders added to the notebook's class path since start, and adding more. */
final class NotebookJars implements KernelClasspath {
    private final JShellEvaluator evaluator;
    private final List<String> added = new CopyOnWriteArrayList<>();
    private volatile Consumer<List<String>> onAdded = paths -> {};

    NotebookJars(JShellEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** What to do with paths a magic added, after they are on the class path (install extensions). */
    void onAdded(Consumer<List<String>> action) {
        this.onAdded = action;
    }

    @Override
    public List<String> addedClasspath() {
        return List.copyOf(added);
    }

    /** Adds one path at startup (IJAVA_CLASSPATH): no note, the extensions are installed later at once. */
    void addAtStartup(String path) {
        evaluator.addToClasspath(path);
        added.add(path);
    }

    /** Adds jars or folders for notebook code, notes a clash with the kernel's own libraries, then installs any extension they bring. */
    @Override
    public void addToClasspath(List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        for (String p : paths) {
            addAtStartup(p);
            evaluator.notebookClassPath().conflictNote(Path.of(p)).ifPresent(System.out::println);
        }
        onAdded.accept(paths);
    }
}
