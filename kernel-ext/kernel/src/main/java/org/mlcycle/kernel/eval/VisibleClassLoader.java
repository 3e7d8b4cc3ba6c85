package org.mlcycle.kernel.eval;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of the notebook's class loader: the kernel's loader seen through
 * {@link NotebookClassPath}, so classes and resources of the kernel's hidden libraries are not
 * found and the notebook's own loader looks in the jars the user added instead.
 */
final class VisibleClassLoader extends ClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final ClassLoader kernel;
    private final NotebookClassPath classPath;

    VisibleClassLoader(ClassLoader kernel, NotebookClassPath classPath) {
        super("mlcycle-visible", ClassLoader.getPlatformClassLoader());
        this.kernel = kernel;
        this.classPath = classPath;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = kernel.loadClass(name);
        if (!classPath.isVisible(c)) {
            throw new ClassNotFoundException(name + " (a library of the kernel's own, hidden from notebook code)");
        }
        return c;
    }

    @Override
    protected URL findResource(String name) {
        URL url = kernel.getResource(name);
        return url != null && classPath.isVisible(url) ? url : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        List<URL> found = Collections.list(kernel.getResources(name));
        found.removeIf(url -> !classPath.isVisible(url));
        return Collections.enumeration(found);
    }
}
