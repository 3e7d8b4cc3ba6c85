package org.mlcycle.magics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs.KeywordSpec;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.toolkit.datasets.Datasets;
import org.mlcycle.toolkit.io.Data;
import org.mlcycle.toolkit.io.csv.CsvOptions;
import org.mlcycle.toolkit.io.csv.CsvResult;
import tech.tablesaw.api.Table;

/**
 * {@code %datasets [NAME]}: the datasets the course ships, each with its datasheet summary, or
 * one dataset's datasheet. Load one in code with {@code Datasets.load(NAME)}.
 *
 * <p>{@code %read NAME PATH}: reads a data file with {@link Data#read}, defines the table as the
 * variable NAME and shows how the read went: rows kept out with their line and reason, tokens read
 * as missing, the type of each column.
 */
public final class DatasetMagics {
    static final String USAGE = "%datasets [NAME]  — list the shipped datasets, or show NAME's datasheet";
    static final String READ_USAGE = "%read NAME PATH [--sep C] [--missing TOKEN[,TOKEN...]]  — read a CSV/TSV file"
            + " (.gz too) into the Table NAME and show its quarantine: bad rows with line numbers and why";

    private static final Usage READ = new Usage(
            READ_USAGE,
            MagicsArgs.builder()
                    .required("name")
                    .required("path")
                    .keyword("sep", KeywordSpec.REPLACE)
                    .keyword("missing")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());

    private static final Usage DATASETS = new Usage(
            USAGE,
            MagicsArgs.builder()
                    .optional("name")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());

    private DatasetMagics() {}

    static void register(MagicSet magics) {
        magics.line(MagicSpec.line("datasets", 0, USAGE), DatasetMagics::datasets);
        magics.line(MagicSpec.line("read", 2, READ_USAGE), DatasetMagics::read);
    }

    static Object read(Notebook nb, List<String> args) {
        Map<String, List<String>> a = READ.parse(args);
        String name = a.get("name").get(0);
        if (!name.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*")) {
            throw READ.fail("'" + name + "' is not a variable name");
        }
        Path path = Path.of(a.get("path").get(0));
        CsvOptions options = Data.optionsFor(path);
        List<String> seps = a.getOrDefault("sep", List.of());
        if (!seps.isEmpty()) {
            String sep = seps.get(0);
            sep = sep.equals("\\t") || sep.equals("tab") ? "\t" : sep;
            if (sep.length() != 1) {
                throw READ.fail("--sep takes one character (or \\t), not '" + sep + "'");
            }
            options = options.withSeparator(sep.charAt(0));
        }
        String[] tokens = Usage.list(a, "missing");
        if (tokens.length > 0) {
            String[] withEmpty = java.util.Arrays.copyOf(tokens, tokens.length + 1);
            withEmpty[tokens.length] = "";
            options = options.withMissingTokens(withEmpty);
        }
        CsvResult result = Data.read(path, options);
        nb.define(name, Table.class, result.table());
        return nb.result(result);
    }

    static Object datasets(Notebook nb, List<String> args) {
        String name = Usage.one(DATASETS.parse(args), "name", null);
        return nb.result(name == null ? Datasets.list() : Datasets.datasheet(name));
    }
}
