package org.mlcycle.kernel.magics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/** {@code %load file}: runs a JShell script, a Java file, or the code cells of a notebook. */
final class LoadMagic {
    private static final List<String> SUFFIXES = List.of("", ".jsh", ".jshell", ".java", ".jjava", ".ipynb");

    private LoadMagic() {}

    static Object load(BaseKernel kernel, List<String> args) {
        if (args.size() != 1) {
            throw new MagicUsageError("%load takes one file: " + KernelMagics.USAGE.get("load"));
        }
        Path file = null;
        for (String suffix : SUFFIXES) {
            Path p = Path.of(args.get(0) + suffix);
            if (Files.isRegularFile(p)) {
                file = p;
                break;
            }
        }
        if (file == null) {
            throw new MagicUsageError("%load: no file '" + args.get(0) + "' (also tried "
                    + String.join(", ", SUFFIXES.subList(1, SUFFIXES.size())) + ") in "
                    + Path.of("").toAbsolutePath());
        }
        String code;
        try {
            code = Files.readString(file);
        } catch (IOException e) {
            throw new MagicFailure("%load", e);
        }
        if (file.toString().endsWith(".ipynb")) {
            code = notebookCode(code, file);
        }
        return kernel.evalRaw(code);
    }

    /** The code cells of a notebook, joined in order. */
    static String notebookCode(String json, Path file) {
        StringBuilder out = new StringBuilder();
        try {
            JsonObject nb = JsonParser.parseString(json).getAsJsonObject();
            for (JsonElement cell : nb.getAsJsonArray("cells")) {
                JsonObject c = cell.getAsJsonObject();
                if (!"code".equals(c.get("cell_type").getAsString())) {
                    continue;
                }
                JsonElement source = c.get("source");
                if (source.isJsonArray()) {
                    for (JsonElement line : (JsonArray) source) {
                        out.append(line.getAsString());
                    }
                } else {
                    out.append(source.getAsString());
                }
                out.append('\n');
            }
        } catch (RuntimeException e) {
            throw new MagicUsageError("%load: " + file + " is not a readable notebook: " + e.getMessage());
        }
        return out.toString();
    }
}
