package org.mlcycle.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The column roles from the generator's {@code <csv>.schema.json}: numeric, categorical, label, ignore. */
record BenchSchema(List<String> numeric, List<String> categorical, String label, List<String> ignore) {

    static BenchSchema read(Path file) throws IOException {
        JsonObject o;
        try {
            o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("bench: " + file + " is not a JSON object: " + e.getMessage(), e);
        }
        JsonElement label = o.get("label");
        return new BenchSchema(
                list(o, "numeric"),
                list(o, "categorical"),
                label == null || label.isJsonNull() ? null : label.getAsString(),
                list(o, "ignore"));
    }

    private static List<String> list(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        if (o.has(key) && o.get(key).isJsonArray()) {
            o.getAsJsonArray(key).forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }

    /** The schema's label column; the cross-validation bench cannot run without one. */
    String requireLabel(Path file) {
        if (label == null) throw new IllegalArgumentException("bench: the schema " + file + " names no 'label'");
        return label;
    }

    /** Where the generator writes the schema for {@code csv}. */
    static Path nextTo(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return csv.resolveSibling(base + ".schema.json");
    }
}
