package org.mlcycle.kernel.magics;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.MagicArgsParseException;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;

/**
 * What a magic in a cell becomes: {@code %name args} is compiled as {@code MagicCalls.line(...)}.
 * A magic's value is returned (so {@code List<String> jars = %maven g:a:v} works and a bare magic shows
 * its value); its failures come back as one-line {@link MagicUsageError} or {@link MagicFailure}.
 */
public final class MagicCalls {
    private MagicCalls() {}

    /** Generic so that {@code List<String> jars = %maven g:a:v} compiles, as in IJava. */
    public static <T> T line(String name, List<String> args) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        try {
            return kernel.getMagicsRegistry().evalLineMagic(kernel, name, args);
        } catch (Exception e) {
            throw translate("%" + name, e);
        }
    }

    public static <T> T cell(String name, List<String> args, String body) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        try {
            return kernel.getMagicsRegistry().evalCellMagic(kernel, name, args, body);
        } catch (Exception e) {
            throw translate("%%" + name, e);
        }
    }

    private static RuntimeException translate(String magic, Exception e) {
        if (e instanceof MagicUsageError || e instanceof MagicFailure) {
            return (RuntimeException) e;
        }
        if (e instanceof org.mlcycle.kernel.eval.CellException
                || e instanceof org.mlcycle.kernel.eval.CompileError
                || e instanceof org.mlcycle.kernel.eval.JShellEvaluator.Interrupted) {
            // code the magic ran for the user (%time 1/0) failed: shown as that code's own error
            return (RuntimeException) e;
        }
        if (e instanceof UndefinedMagicException) {
            return new MagicUsageError("there is no magic " + magic + "; %lsmagic lists them all");
        }
        if (e instanceof MagicArgsParseException || e instanceof IllegalArgumentException) {
            String name = magic.replace("%", "");
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            // toolkit messages already start with their own name ("profile: no column ...")
            String text = message.startsWith(name + ":") ? "%" + message : magic + ": " + message;
            boolean described = KernelMagics.USAGE.containsKey(name)
                    || org.mlcycle.hooks.MagicTable.of(BaseKernel.notebookKernel())
                            .map(t -> !t.lookup(name).isEmpty())
                            .orElse(false);
            String usage = described && !text.contains("usage:") ? " (%help " + name + " shows the usage)" : "";
            return new MagicUsageError(text + usage);
        }
        return new MagicFailure(magic, e);
    }
}
