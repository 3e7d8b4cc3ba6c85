package org.mlcycle.hooks;

import java.util.Optional;

/**
 * Implemented by kernels that call {@link CellHooks}. An extension receives the kernel as a
 * jjava-jupyter {@code BaseKernel}; it asks {@link #of(Object)} whether hooks are available.
 */
public interface HookRegistry {

    /** Registers hooks; they are called until {@link #removeHooks(CellHooks)} or shutdown. */
    void addHooks(CellHooks hooks);

    void removeHooks(CellHooks hooks);

    /** The kernel's registry, or empty when the kernel (e.g. stock JJava) has no per-cell hooks. */
    static Optional<HookRegistry> of(Object kernel) {
        return kernel instanceof HookRegistry ? Optional.of((HookRegistry) kernel) : Optional.empty();
    }
}
