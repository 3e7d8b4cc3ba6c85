package org.mlcycle.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.hooks.MagicTable;

/**
 * Registers each of mlcycle's magics from its {@link MagicSpec}: under its name and aliases in
 * jjava-jupyter's registry, and in the kernel's {@link MagicTable} when the kernel keeps one
 * (mlcycle's kernel; a stock JJava keeps none, and the magics work the same there). A call with
 * fewer arguments than the spec needs fails with the usage before the magic runs.
 */
final class MagicSet {
    private final MagicsRegistry registry;
    private final Optional<MagicTable> table;
    private final Function<BaseKernel, Notebook> notebooks;
    private final List<MagicSpec> specs = new ArrayList<>();

    MagicSet(MagicsRegistry registry, Optional<MagicTable> table, Function<BaseKernel, Notebook> notebooks) {
        this.registry = registry;
        this.table = table;
        this.notebooks = notebooks;
    }

    /** A line magic run on the notebook. */
    void line(MagicSpec spec, BiFunction<Notebook, List<String>, Object> magic) {
        lineOnKernel(spec, (k, a) -> magic.apply(notebooks.apply(k), a));
    }

    /** A line magic that needs the kernel itself. */
    void lineOnKernel(MagicSpec spec, BiFunction<BaseKernel, List<String>, Object> magic) {
        require(spec, MagicSpec.Kind.LINE);
        for (String name : spec.names()) {
            registry.registerLineMagic(name, (BaseKernel k, List<String> a) -> {
                checkArguments(spec, a);
                return magic.apply(k, a);
            });
        }
        add(spec);
    }

    /** A cell magic run on the notebook. */
    void cell(MagicSpec spec, NotebookCellFunction magic) {
        require(spec, MagicSpec.Kind.CELL);
        for (String name : spec.names()) {
            registry.registerCellMagic(name, (BaseKernel k, List<String> a, String body) -> {
                checkArguments(spec, a);
                return magic.apply(notebooks.apply(k), a, body);
            });
        }
        add(spec);
    }

    /** A cell magic's body on the notebook: (notebook, arguments, body). */
    interface NotebookCellFunction {
        Object apply(Notebook nb, List<String> args, String body);
    }

    /** Every spec registered, in order. */
    List<MagicSpec> specs() {
        return List.copyOf(specs);
    }

    private void add(MagicSpec spec) {
        specs.add(spec);
        table.ifPresent(t -> t.describe(spec));
    }

    private static void require(MagicSpec spec, MagicSpec.Kind kind) {
        if (spec.kind() != kind) {
            throw new IllegalArgumentException(spec.kind().sign() + spec.name() + " is not a " + kind + " magic");
        }
    }

    /** Fails with the usage (the kernel puts the magic's name in front) when arguments are missing. */
    static void checkArguments(MagicSpec spec, List<String> args) {
        if (spec.missingArguments(args)) {
            throw new IllegalArgumentException(spec.missingMessage(args));
        }
    }
}
