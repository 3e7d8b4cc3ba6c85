package org.mlcycle.toolkit.journal;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlcycle.toolkit.support.Require;

/**
 * A finished run to record in one write: its name, parameters, metrics, the dataset versions it
 * used ({@code name@version} or a bare name for the latest), the model it made and how long it
 * took. Immutable: each {@code with…} returns a new entry.
 *
 * <pre>{@code
 * journal.record(RunEntry.named("baseline").withParam("epochs", 5).withData("ads@2")
 *         .withMetric("auc", 0.81).withModel("lr-1", model.getProvenance().toString()));
 * }</pre>
 */
@CheckReturnValue
public record RunEntry(
        String name,
        Map<String, String> params,
        Map<String, Double> metrics,
        List<String> data,
        String modelName,
        String provenance,
        Duration duration,
        String note) {

    public RunEntry {
        Require.that(name != null && !name.isBlank(), "run", "the run needs a name");
        params = Collections.unmodifiableMap(new TreeMap<>(params));
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        data = List.copyOf(data);
        Require.that(
                duration == null || !duration.isNegative(), "run '" + name + "'", "negative duration %s", duration);
    }

    /** An entry with only a name. */
    public static RunEntry named(String name) {
        return new RunEntry(name, Map.of(), Map.of(), List.of(), null, null, null, null);
    }

    public RunEntry withParam(String key, Object value) {
        Require.that(key != null && !key.isBlank(), "run '" + name + "'", "a parameter needs a name");
        Map<String, String> next = new TreeMap<>(params);
        next.put(key, String.valueOf(value));
        return new RunEntry(name, next, metrics, data, modelName, provenance, duration, note);
    }

    public RunEntry withMetric(String key, double value) {
        Require.that(key != null && !key.isBlank(), "run '" + name + "'", "a metric needs a name");
        Require.that(
                Double.isFinite(value), "run '" + name + "'", "metric '%s' is %s, not a finite number", key, value);
        Map<String, Double> next = new TreeMap<>(metrics);
        next.put(key, value);
        return new RunEntry(name, params, next, data, modelName, provenance, duration, note);
    }

    /** A dataset version the run used: {@code name@version}, or a name for its latest version. */
    public RunEntry withData(String ref) {
        Require.that(ref != null && !ref.isBlank(), "run '" + name + "'", "a dataset reference is empty");
        List<String> next = new ArrayList<>(data);
        next.add(ref);
        return new RunEntry(name, params, metrics, next, modelName, provenance, duration, note);
    }

    /** The model the run made and its provenance as text (Tribuo's {@code model.getProvenance().toString()}). */
    public RunEntry withModel(String modelName, String provenance) {
        Require.that(modelName != null && !modelName.isBlank(), "run '" + name + "'", "the model needs a name");
        return new RunEntry(name, params, metrics, data, modelName, provenance, duration, note);
    }

    /** The Tribuo model the run made; its provenance (trainer, hyper-parameters, data source) is kept as text. */
    public RunEntry withModel(String modelName, org.tribuo.Model<?> model) {
        Require.that(model != null, "run '" + name + "'", "the model is null");
        return withModel(modelName, model.getProvenance().toString());
    }

    public RunEntry withDuration(Duration duration) {
        return new RunEntry(name, params, metrics, data, modelName, provenance, duration, note);
    }

    public RunEntry withNote(String note) {
        return new RunEntry(name, params, metrics, data, modelName, provenance, duration, note);
    }
}
