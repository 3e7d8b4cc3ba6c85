package org.mlcycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column roles from the generator's {@code <csv>.schema.json} (numeric, categorical, label,
 * ignore). Only those four keys are read, with a pattern, so no JSON library is needed.
 */
record BenchSchema(List<String> numeric, List<String> categorical, String label, List<String> ignore) {

    static BenchSchema read(Path file) throws IOException {
        String text = Files.readString(file);
        Matcher label = Pattern.compile("\"label\"\\s*:\\s*\"([^\"]*)\"").matcher(text);
        return new BenchSchema(
                list(text, "numeric"),
                list(text, "categorical"),
                label.find() ? label.group(1) : null,
                list(text, "ignore"));
    }

    private static List<String> list(String text, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(text);
        List<String> out = new ArrayList<>();
        if (m.find()) {
            Matcher item = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
            while (item.find()) {
                out.add(item.group(1));
            }
        }
        return out;
    }

    /** Where the generator writes the schema for {@code csv}. */
    static Path nextTo(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(base + ".schema.json");
    }
}
