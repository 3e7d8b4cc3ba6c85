package org.mlcycle.kernel;

import java.util.List;
import java.util.Optional;
import org.mlcycle.kernel.eval.JShellEvaluator;
import org.mlcycle.kernel.magics.MagicSyntax;

/**
 * Runs source as the kernel's {@code evalRaw}: a cell of magics alone runs them without JShell,
 * anything else goes to JShell with its magics resolved. During startup a lone import joins the
 * startup import group.
 */
final class Evaluation {
    private final JShellEvaluator evaluator;
    private final MagicSyntax syntax;
    private final Startup startup;

    Evaluation(JShellEvaluator evaluator, MagicSyntax syntax, Startup startup) {
        this.evaluator = evaluator;
        this.syntax = syntax;
        this.startup = startup;
    }

    /** The value of the source's last expression, {@link NullValue} for null, or null when it has none. */
    Object run(String source) {
        if (startup.gatherImport(source)) {
            return null;
        }
        Optional<List<MagicSyntax.Call>> magicsOnly = syntax.magicsOnly(source);
        JShellEvaluator.Result result = magicsOnly.isPresent()
                ? evaluator.runAsCell(() -> {
                    Object last = null;
                    for (MagicSyntax.Call call : magicsOnly.get()) {
                        last = call.run();
                    }
                    return last;
                })
                : evaluator.eval(syntax.resolveMagics(source));
        if (!result.hasValue()) {
            return null;
        }
        return result.value() == null ? new NullValue() : result.value();
    }

    /** Shown for an expression whose value is null (nothing at all would look like no result). */
    record NullValue() {
        @Override
        public String toString() {
            return "null";
        }
    }
}
