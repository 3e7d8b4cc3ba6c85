package org.mlcycle.toolkit.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlcycle.toolkit.bridge.ServingModel;
import org.mlcycle.toolkit.journal.DatasetVersion;
import org.mlcycle.toolkit.journal.Journal;
import org.mlcycle.toolkit.journal.ModelEntry;
import org.mlcycle.toolkit.journal.ModelMove;
import org.mlcycle.toolkit.journal.ModelStage;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * The model registry, kept in the journal: register a trained serving model as the next version of
 * a name (with its feature spec, the training data as a dataset version, its metrics), move versions
 * between stages (staging, production, shadow, archived; every move recorded), and load a version
 * back by {@code name}, {@code name@3} or {@code name@production}.
 */
public final class ModelRegistry {
    private final Journal journal;

    private ModelRegistry(Journal journal) {
        this.journal = journal;
    }

    /** The registry in {@code journal}. */
    public static ModelRegistry in(Journal journal) {
        return new ModelRegistry(Objects.requireNonNull(journal, "registry: the journal is null"));
    }

    public Journal journal() {
        return journal;
    }

    /**
     * Registers {@code model} as the next version of {@code name}. The training rows (the model's
     * input columns and label) are snapshotted as the dataset {@code name/training}: they are the
     * reference monitoring compares traffic with, and the lineage of the version.
     */
    public ModelEntry register(
            String name, ServingModel model, Table training, Map<String, Double> metrics, String note) {
        String who = "register model '" + name + "'";
        Require.that(model != null, who, "the model is null");
        Require.nonEmpty(Require.table(training, who, "training"), who);
        InputSchema input = InputSchema.of(training, model.spec());
        Table reference = input.select(training, who);
        if (training.containsColumn(model.spec().label())) {
            reference.addColumns(training.column(model.spec().label()));
        }
        DatasetVersion data = journal.snapshot(reference, name + "/training");
        return journal.registerModel(
                name,
                model.toBytes(),
                model.spec().contentHash(),
                input.text(),
                List.of(data.ref()),
                metrics == null ? Map.of() : metrics,
                note);
    }

    /** Moves {@code ref} to {@code stage} ("staging", "production", "shadow", "archived"); returns the moves made. */
    public List<ModelMove> move(String ref, String stage, String note) {
        return journal.moveModel(ref, ModelStage.parse(stage), note);
    }

    /** Loads the version {@code ref} back: {@code name} (latest), {@code name@3} or {@code name@production}. */
    public ModelRelease load(String ref) {
        ModelEntry entry = journal.requireRegisteredModel(ref);
        try {
            ServingModel model = ServingModel.fromBytes(journal.registeredModelBytes(entry), entry.ref());
            return new ModelRelease(
                    entry.name(),
                    entry.version(),
                    entry.stage(),
                    model,
                    InputSchema.parse(entry.inputSchema()),
                    entry.data());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    "registry: cannot load " + entry.ref() + " from " + journal.file() + ": " + e.getMessage(), e);
        }
    }

    /** The training rows registered with {@code ref}: the reference for drift. */
    public Table reference(String ref) {
        ModelEntry entry = journal.requireRegisteredModel(ref);
        Require.that(!entry.data().isEmpty(), "registry", "%s was registered without training data", entry.ref());
        return journal.restore(entry.data().get(0));
    }

    /** Every version and every stage move. */
    public RegistryView view() {
        return new RegistryView(null, journal.registeredModels(), journal.modelMoves(null));
    }

    /** The versions of {@code name} and their stage moves. */
    public RegistryView history(String name) {
        String who = "registry";
        Require.that(name != null && !name.isBlank(), who, "the model name is empty");
        List<ModelEntry> versions = new ArrayList<>();
        for (ModelEntry e : journal.registeredModels()) {
            if (e.name().equals(name.strip())) {
                versions.add(e);
            }
        }
        journal.requireRegisteredModel(name.strip()); // fails naming what is registered
        return new RegistryView(name.strip(), versions, journal.modelMoves(name.strip()));
    }
}
