package org.mlcycle.hooks;

import java.util.List;
import java.util.Optional;

/**
 * The notebook's class path as a kernel offers it to magics: what was added since start, and adding
 * more ({@code %classpath}, {@code %maven}). mlcycle's kernel hands it to its own magics; an
 * extension asks {@link #of(Object)}.
 */
public interface KernelClasspath {

    /** Jars and folders added since the kernel started, in the order added. */
    List<String> addedClasspath();

    /**
     * Makes {@code paths} (jars or class folders) visible to notebook code, and installs any
     * extension they bring.
     */
    void addToClasspath(List<String> paths);

    /** The kernel's class path, or empty when the kernel (e.g. stock JJava) offers none. */
    static Optional<KernelClasspath> of(Object kernel) {
        return kernel instanceof KernelClasspath ? Optional.of((KernelClasspath) kernel) : Optional.empty();
    }
}
