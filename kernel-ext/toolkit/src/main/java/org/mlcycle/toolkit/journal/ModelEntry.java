package org.mlcycle.toolkit.journal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registered model version: its name and version number, the {@code models} row it also made
 * (so lineage and deployments see it), the feature spec's hash, the input schema it was trained
 * on ({@code column:TYPE} lines), its stage, the dataset versions that trained it and its metrics.
 * The model's bytes are kept apart and read with {@link Journal#registeredModelBytes}.
 */
public record ModelEntry(
        long id,
        String name,
        int version,
        long modelId,
        String specHash,
        String inputSchema,
        ModelStage stage,
        String note,
        List<String> data,
        Map<String, Double> metrics,
        Instant at) {

    public ModelEntry {
        data = List.copyOf(data);
        metrics = Map.copyOf(metrics);
    }

    /** {@code name@version}. */
    public String ref() {
        return name + "@" + version;
    }

    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("name", name);
        r.put("version", version);
        r.put("stage", stage.label());
        r.put("spec_hash", specHash);
        r.put("data", data);
        r.put("metrics", new java.util.TreeMap<>(metrics));
        r.put("note", note);
        r.put("at", at.toString());
        return r;
    }
}
