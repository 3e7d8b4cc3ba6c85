package org.mlcycle.kernel;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.mlcycle.hooks.MagicTable;
import org.mlcycle.kernel.eval.JShellEvaluator;
import org.mlcycle.kernel.magics.KernelMagics;
import org.mlcycle.kernel.magics.MagicUsageError;

/**
 * IPython's {@code name?} as a cell: {@code Math.max?} shows the documentation of a Java name;
 * {@code %profile?} (or {@code profile?} when no Java name is found) shows a magic's usage. The
 * text goes to the front end's pager.
 */
final class HelpRequest {
    private static final Pattern HELP = Pattern.compile("\\s*(%{0,2})([\\w.]+)\\?\\s*");

    private final JShellEvaluator evaluator;
    private final MagicsRegistry registry;
    private final MagicTable magics;

    HelpRequest(JShellEvaluator evaluator, MagicsRegistry registry, MagicTable magics) {
        this.evaluator = evaluator;
        this.registry = registry;
        this.magics = magics;
    }

    /**
     * The documentation {@code code} asks for, or empty when the cell is not a help request.
     *
     * @throws MagicUsageError when it is one and nothing is documented under that name
     */
    Optional<String> answer(String code) {
        Matcher help = HELP.matcher(code);
        if (!help.matches()) {
            return Optional.empty();
        }
        String signs = help.group(1);
        String name = help.group(2);
        String doc = signs.isEmpty() ? evaluator.inspect(name, name.length()) : null;
        if (doc == null && (!signs.isEmpty() || !magics.lookup(name).isEmpty())) {
            doc = KernelMagics.usage(registry, magics, signs + name);
        }
        if (doc == null) {
            throw new MagicUsageError("no documentation found for " + name);
        }
        return Optional.of(doc);
    }
}
