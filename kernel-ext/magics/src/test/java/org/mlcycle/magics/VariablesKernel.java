package org.mlcycle.magics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.mlcycle.hooks.CellHooks;
import org.mlcycle.hooks.HookRegistry;

/**
 * A kernel whose only stand-in is variable lookup: {@link #evalRaw} reads names from a map, as
 * mlcycle's kernel evaluates a bare name to its live value. Magics, renderers and the toolkit
 * behind them are real. {@link #mlcycle()} has per-cell hooks, so {@link Notebook#of} treats it as
 * mlcycle's kernel (a magic's value is returned); {@link #stock()} has none, as stock JJava (a
 * magic's value is displayed).
 */
class VariablesKernel extends BaseKernel {
    final Map<String, Object> variables = new HashMap<>();
    final List<DisplayData> displayed = new ArrayList<>();

    /** A kernel that shows a magic's value, as mlcycle's does. */
    static VariablesKernel mlcycle() {
        return new WithHooks();
    }

    /** A kernel that drops a magic's value, as stock JJava 1.0-a6 does. */
    static VariablesKernel stock() {
        return new VariablesKernel();
    }

    private static final class WithHooks extends VariablesKernel implements HookRegistry {
        @Override
        public void addHooks(CellHooks hooks) {}

        @Override
        public void removeHooks(CellHooks hooks) {}
    }

    private VariablesKernel() {
        super(
                "test",
                "0",
                null,
                List.of(),
                null,
                new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(),
                new Renderer(),
                null,
                new MagicsRegistry(),
                false,
                new StringStyler.Builder().build());
        MlcycleExtension.renderers(renderer);
        JournalMagics journal = new JournalMagics(() -> {
            throw new IllegalStateException("no journal in this kernel");
        });
        MlcycleExtension.magics(magicsRegistry, journal);
    }

    VariablesKernel with(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    /** Runs {@code %name args...} and returns its value. */
    Object line(String name, String... args) throws Exception {
        return magicsRegistry.evalLineMagic(this, name, List.of(args));
    }

    /** Runs {@code %%name args...} with {@code body} below it and returns its value. */
    Object cell(String name, String body, String... args) throws Exception {
        return magicsRegistry.evalCellMagic(this, name, List.of(args), body);
    }

    /** The HTML this kernel's renderers make of {@code value}. */
    String html(Object value) {
        return (String) renderer.render(value).getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML);
    }

    @Override
    public Object evalRaw(String source) {
        if (!variables.containsKey(source)) {
            throw new IllegalStateException("line 1, column 1: cannot find symbol: variable " + source);
        }
        return variables.get(source);
    }

    @Override
    public void display(DisplayData data) {
        displayed.add(data);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return null;
    }

    @Override
    public String isComplete(String code) {
        return IS_COMPLETE_YES;
    }
}
