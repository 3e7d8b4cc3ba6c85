package org.mlcycle.kernel.magics;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.mlcycle.hooks.KernelClasspath;
import org.mlcycle.kernel.Globs;

/** {@code %classpath} and IJava's {@code %jars}: add jars or class folders, globs allowed. */
final class ClasspathMagics {
    private final KernelClasspath notebook;

    ClasspathMagics(KernelClasspath notebook) {
        this.notebook = notebook;
    }

    Object classpath(BaseKernel kernel, List<String> args) {
        if (args.isEmpty()) {
            List<String> added = notebook.addedClasspath();
            return new KernelMagics.Text("kernel classpath:\n  "
                    + String.join("\n  ", System.getProperty("java.class.path").split(File.pathSeparator))
                    + "\nadded in this session:" + (added.isEmpty() ? " (none)" : "\n  " + String.join("\n  ", added)));
        }
        return add(args, "%classpath");
    }

    PathList jars(BaseKernel kernel, List<String> args) {
        if (args.isEmpty()) {
            throw new MagicUsageError("%jars needs at least one jar or glob: " + KernelMagics.USAGE.get("jars"));
        }
        return add(args, "%jars");
    }

    private PathList add(List<String> args, String magic) {
        List<String> found = new ArrayList<>();
        for (String arg : args) {
            List<String> matches = new ArrayList<>();
            for (Path p : Globs.expand(arg)) {
                matches.add(p.toString());
            }
            if (matches.isEmpty()) {
                Path p = Path.of(arg);
                if (!Files.exists(p)) {
                    throw new MagicUsageError(magic + ": no file or folder matches '" + arg + "' (working directory "
                            + Path.of("").toAbsolutePath() + ")");
                }
                matches.add(p.toAbsolutePath().toString());
            }
            found.addAll(matches);
        }
        notebook.addToClasspath(found);
        return new PathList(found);
    }
}
