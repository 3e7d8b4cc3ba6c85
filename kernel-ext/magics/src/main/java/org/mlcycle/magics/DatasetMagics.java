package org.mlcycle.magics;

import java.util.List;
import java.util.function.Function;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.mlcycle.toolkit.datasets.Datasets;

/**
 * {@code %datasets [NAME]}: the datasets the course ships, each with its datasheet summary, or
 * one dataset's datasheet. Load one in code with {@code Datasets.load(NAME)}.
 */
public final class DatasetMagics {
    static final String USAGE = "%datasets [NAME]  — list the shipped datasets, or show NAME's datasheet";

    private DatasetMagics() {}

    public static void register(MagicsRegistry registry, Function<BaseKernel, Notebook> notebooks) {
        registry.registerLineMagic("datasets", (BaseKernel k, List<String> a) -> datasets(notebooks.apply(k), a));
    }

    static Object datasets(Notebook nb, List<String> args) {
        if (args.size() > 1) {
            throw new IllegalArgumentException("takes at most one dataset name; usage: " + USAGE);
        }
        return nb.result(args.isEmpty() ? Datasets.list() : Datasets.datasheet(args.get(0)));
    }
}
