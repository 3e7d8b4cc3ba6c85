package org.mlcycle.kernel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.mlcycle.hooks.CellHooks;
import org.mlcycle.hooks.HookRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The extensions' per-cell hooks, called in the order registered; one that throws is logged and skipped. */
final class CellHookList implements HookRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CellHookList.class);

    private final List<CellHooks> hooks = new CopyOnWriteArrayList<>();

    @Override
    public void addHooks(CellHooks h) {
        hooks.add(h);
    }

    @Override
    public void removeHooks(CellHooks h) {
        hooks.remove(h);
    }

    /** Calls every hook; a failing hook never changes the cell's outcome. */
    void call(Consumer<CellHooks> call) {
        for (CellHooks h : hooks) {
            try {
                call.accept(h);
            } catch (RuntimeException e) {
                LOG.warn("a cell hook failed: {}", h.getClass().getName(), e);
            }
        }
    }
}
