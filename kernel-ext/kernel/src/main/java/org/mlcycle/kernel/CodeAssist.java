package org.mlcycle.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.mlcycle.kernel.eval.JShellEvaluator;
import org.mlcycle.kernel.magics.MagicSyntax;

/** What the editor asks while the user types: completion (Tab), inspection (Shift-Tab), completeness. */
final class CodeAssist {
    private final JShellEvaluator evaluator;
    private final MagicsRegistry registry;
    private final MagicSyntax syntax;

    CodeAssist(JShellEvaluator evaluator, MagicsRegistry registry, MagicSyntax syntax) {
        this.evaluator = evaluator;
        this.registry = registry;
        this.syntax = syntax;
    }

    /** Magic names after {@code %} or {@code %%}, else JShell's candidates. */
    ReplacementOptions complete(String code, int at) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        String stripped = code.substring(lineStart, at).stripLeading();
        if (stripped.startsWith("%") && stripped.matches("%%?[\\w.-]*")) {
            boolean cell = stripped.startsWith("%%");
            String prefix = stripped.substring(cell ? 2 : 1);
            List<String> names = new ArrayList<>();
            for (String n : new TreeSet<>(cell ? registry.getCellMagicNames() : registry.getLineMagicNames())) {
                if (n.startsWith(prefix)) {
                    names.add(n);
                }
            }
            return new ReplacementOptions(names, at - prefix.length(), at);
        }
        JShellEvaluator.Completions c = evaluator.complete(code, at);
        return new ReplacementOptions(c.candidates(), c.start(), c.end());
    }

    /** The documentation of the name at {@code at}, or null. */
    DisplayData inspect(String code, int at) {
        String doc = evaluator.inspect(code, at);
        return doc == null ? null : new DisplayData(doc);
    }

    /** Jupyter's is_complete status: a cell magic's body is not Java and is always complete. */
    String isComplete(String code) {
        if (code.strip().startsWith("%%")) {
            return BaseKernel.IS_COMPLETE_YES;
        }
        String withoutMagics;
        try {
            withoutMagics = syntax.resolveMagics(code);
        } catch (RuntimeException e) {
            return BaseKernel.IS_COMPLETE_BAD;
        }
        return evaluator.isComplete(withoutMagics);
    }
}
