package org.mlcycle.toolkit.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mlcycle.toolkit.report.Json;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Table;

/**
 * The lifecycle journal: an SQLite file (by default {@code .mlcycle/journal.sqlite} next to the
 * notebook) that records the stages the work moved through, objectives and their pivots, dataset
 * versions (content-hashed and stored compressed), runs, models, deployments, alerts and exercise
 * results, and answers the questions a learner or an auditor asks: the path taken round the cycle,
 * which data made which model with which metric, how runs compare.
 *
 * <p>Every write is one transaction: a kernel killed mid-write leaves the journal as it was before
 * that write, and two kernels sharing a file queue for the write lock, so neither loses records.
 * Failures are a one-line {@link JournalException} (or {@link IllegalArgumentException} for bad
 * arguments, checked before anything is written). One instance is safe to share between threads.
 */
public final class Journal implements AutoCloseable {
    /** The folder next to a notebook that holds its journal. */
    public static final String FOLDER = ".mlcycle";
    /** The journal's file name inside {@link #FOLDER}. */
    public static final String FILE_NAME = "journal.sqlite";

    private final Db db;

    private Journal(Db db) {
        this.db = db;
    }

    /** Opens (creating if needed, migrating if older) the journal file {@code file}. */
    public static Journal open(Path file) {
        return open(file, JournalOptions.defaults());
    }

    public static Journal open(Path file, JournalOptions options) {
        return open(file, options, Migration.ALL);
    }

    static Journal open(Path file, JournalOptions options, List<Migration> migrations) {
        Objects.requireNonNull(file, "journal: the file path is null");
        Objects.requireNonNull(options, "journal: options are null");
        return new Journal(Db.open(file.toAbsolutePath().normalize(), options, migrations));
    }

    /** The journal of a notebook: {@code .mlcycle/journal.sqlite} in the notebook's folder. */
    public static Journal nextTo(Path notebookOrFolder) {
        return open(defaultFile(notebookOrFolder));
    }

    /** Where {@link #nextTo} puts the journal for a notebook file or its folder. */
    public static Path defaultFile(Path notebookOrFolder) {
        Objects.requireNonNull(notebookOrFolder, "journal: the notebook path is null");
        Path folder = Files.isDirectory(notebookOrFolder) || notebookOrFolder.getParent() == null
                ? notebookOrFolder
                : notebookOrFolder.getParent();
        return folder.resolve(FOLDER).resolve(FILE_NAME).toAbsolutePath().normalize();
    }

    /** The journal file. */
    public Path file() {
        return db.file;
    }

    /** The schema version of the file ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return db.read("schema version", Db::userVersion);
    }

    // ---- stages and objectives

    /** Records a move into {@code stage}. */
    public StageMove stage(Stage stage, String note) {
        Objects.requireNonNull(stage, "stage: the stage is null");
        String text = note == null ? "" : note.strip();
        return db.write("stage " + stage.label(), c -> Log.stage(db, c, stage, text));
    }

    /** Records a move into the stage named {@code stage} ({@code scoping}, {@code data}, ...). */
    public StageMove stage(String stage, String note) {
        return stage(Stage.parse(stage), note);
    }

    /** Records an objective; if one was recorded before, this one is a pivot away from it. */
    public Objective objective(String metric, String constraints, String criteria, String stakeholders) {
        Require.that(metric != null && !metric.isBlank(), "objective", "the metric to optimise is empty");
        return db.write(
                "objective '" + metric.strip() + "'",
                c -> Log.objective(db, c, metric.strip(), constraints, criteria, stakeholders));
    }

    public Objective objective(String metric) {
        return objective(metric, null, null, null);
    }

    /** The objective in force: the last one recorded. */
    public Optional<Objective> currentObjective() {
        List<Objective> all = objectives();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public List<Objective> objectives() {
        return db.read("objectives", Log::objectives);
    }

    public List<StageMove> stageMoves() {
        return db.read("stage moves", Log::stages);
    }

    // ---- datasets

    /** Records {@code table} as a version of the dataset named like the table. */
    public DatasetVersion snapshot(Table table) {
        Require.that(table != null, "snapshot", "the table is null");
        return snapshot(table, table.name(), null);
    }

    public DatasetVersion snapshot(Table table, String name) {
        return snapshot(table, name, null);
    }

    /**
     * Records {@code table} as the next version of {@code name}, derived from {@code parent}
     * ({@code name@version}, a bare name for its latest version, or null). When the latest
     * version of {@code name} has the same content hash, that version is returned and nothing
     * is written.
     */
    public DatasetVersion snapshot(Table table, String name, String parent) {
        Require.that(table != null, "snapshot", "the table is null");
        String who = "snapshot '" + name + "'";
        Require.that(name != null && !name.isBlank(), "snapshot", "the dataset needs a name (the table has none)");
        Require.that(!name.contains("@"), who, "a dataset name cannot contain '@'");
        TableCodec.requireSupported(table, who);
        Datasets.Ref parentRef = parent == null ? null : Datasets.Ref.parse(parent, who);
        String hash = ContentHash.of(table);
        byte[] data = TableCodec.encode(table);
        return db.write(who, c -> Datasets.insert(db, c, name.strip(), hash, table, data, parentRef, who));
    }

    /**
     * Records a dataset version known by its {@link Fingerprint} alone (rows counted and hashed where
     * they live, a Spark cluster say): the journal keeps the hash, shape and schema, not the rows, so
     * it cannot be restored. As with a table, the same hash as the latest version of {@code name}
     * returns that version and writes nothing.
     */
    public DatasetVersion snapshot(Fingerprint fingerprint, String name, String parent) {
        Require.that(fingerprint != null, "snapshot", "the fingerprint is null");
        String who = "snapshot '" + name + "'";
        Require.that(name != null && !name.isBlank(), "snapshot", "the dataset needs a name");
        Require.that(!name.contains("@"), who, "a dataset name cannot contain '@'");
        Require.that(
                fingerprint.rows() <= Integer.MAX_VALUE,
                who,
                "%d rows: the journal counts rows as an int",
                fingerprint.rows());
        Datasets.Ref parentRef = parent == null ? null : Datasets.Ref.parse(parent, who);
        return db.write(
                who,
                c -> Datasets.insert(
                        db,
                        c,
                        name.strip(),
                        fingerprint.hash(),
                        (int) fingerprint.rows(),
                        fingerprint.schema().size(),
                        String.join("\n", fingerprint.schema()),
                        null,
                        parentRef,
                        who));
    }

    /** The table stored as {@code ref} ({@code name@version}, or a name for its latest version). */
    public Table restore(String ref) {
        String who = "restore '" + ref + "'";
        Datasets.Ref parsed = Datasets.Ref.parse(ref, "restore");
        byte[] data = db.read(who, c -> {
            Optional<DatasetVersion> version = Datasets.find(c, parsed);
            if (version.isEmpty()) {
                throw db.fail(who, "no such dataset version; " + Datasets.whatExists(c, parsed.name()));
            }
            return Datasets.blob(c, version.get().id());
        });
        if (data == null) {
            throw db.fail(
                    who,
                    "the version is recorded without its rows (a fingerprint of data kept"
                            + " elsewhere, such as a Spark Dataset): nothing to restore");
        }
        Table table = TableCodec.decode(data);
        return table.setName(parsed.name());
    }

    public Optional<DatasetVersion> dataset(String ref) {
        Datasets.Ref parsed = Datasets.Ref.parse(ref, "dataset");
        return db.read("dataset '" + ref + "'", c -> Datasets.find(c, parsed));
    }

    public List<DatasetVersion> datasets() {
        return db.read("datasets", Datasets::all);
    }

    // ---- runs, models, deployments

    /** Records a finished run, its data, metrics and model, in one write. */
    public Run record(RunEntry entry) {
        Objects.requireNonNull(entry, "run: the entry is null");
        String who = "run '" + entry.name() + "'";
        for (String ref : entry.data()) {
            Datasets.Ref.parse(ref, who);
        }
        long id = db.write(who, c -> {
            long run = Runs.start(db, c, entry.name(), entry.note());
            for (var p : entry.params().entrySet()) {
                Runs.param(c, run, p.getKey(), p.getValue());
            }
            for (var m : entry.metrics().entrySet()) {
                Runs.metric(c, run, m.getKey(), m.getValue());
            }
            for (String ref : entry.data()) {
                Runs.uses(db, c, run, ref, who);
            }
            if (entry.modelName() != null) {
                Runs.model(db, c, run, entry.modelName(), entry.provenance());
            }
            Runs.finish(db, c, run, "finished", entry.duration(), who);
            return run;
        });
        return run(id);
    }

    /** Starts a run that is written as it goes; finish it with {@link OpenRun#finish()} or close. */
    public OpenRun startRun(String name) {
        Require.that(name != null && !name.isBlank(), "run", "the run needs a name");
        long id = db.write("start run '" + name + "'", c -> Runs.start(db, c, name.strip(), null));
        return new OpenRun(db, id, name.strip());
    }

    public Run run(long id) {
        return db.read("run #" + id, c -> Runs.find(c, id))
                .orElseThrow(() -> db.fail("run #" + id, "there is no such run"));
    }

    public List<Run> runs() {
        return db.read("runs", Runs::all);
    }

    /** Records a model made outside a run (0 for no run). */
    public ModelVersion model(String name, String provenance) {
        Require.that(name != null && !name.isBlank(), "model", "the model needs a name");
        return db.write("model '" + name + "'", c -> Runs.model(db, c, 0, name.strip(), provenance));
    }

    public List<ModelVersion> models() {
        return db.read("models", Runs::allModels);
    }

    /** Records that the latest model named {@code model} was deployed to {@code target}. */
    public Deployment deploy(String model, String target, String note) {
        Require.that(model != null && !model.isBlank(), "deploy", "the model name is empty");
        Require.that(target != null && !target.isBlank(), "deploy", "the target is empty");
        String who = "deploy '" + model + "'";
        return db.write(who, c -> Runs.deploy(db, c, model.strip(), target.strip(), note, who));
    }

    public List<Deployment> deployments() {
        return db.read("deployments", Runs::allDeployments);
    }

    // ---- model registry

    /**
     * Registers {@code model} (the serialised model, opaque to the journal) as the next version of
     * {@code name}, trained on the dataset versions {@code data} ({@code name@version}) with
     * {@code metrics}; also records a {@code models} row so lineage and deployments see it.
     */
    public ModelEntry registerModel(
            String name,
            byte[] model,
            String specHash,
            String inputSchema,
            List<String> data,
            java.util.Map<String, Double> metrics,
            String note) {
        Require.that(name != null && !name.isBlank(), "register model", "the model needs a name");
        String who = "register model '" + name + "'";
        Require.that(!name.contains("@"), who, "a model name cannot contain '@'");
        Require.that(model != null && model.length > 0, who, "the model bytes are empty");
        Require.that(specHash != null && !specHash.isBlank(), who, "the feature spec hash is empty");
        for (String ref : data) {
            Datasets.Ref.parse(ref, who);
        }
        for (var m : metrics.entrySet()) {
            Require.that(
                    Double.isFinite(m.getValue()),
                    who,
                    "metric '%s' is %s, not a finite number",
                    m.getKey(),
                    m.getValue());
        }
        return db.write(
                who,
                c -> Registry.register(
                        db,
                        c,
                        name.strip(),
                        model,
                        specHash,
                        inputSchema == null ? "" : inputSchema,
                        data,
                        metrics,
                        note,
                        who));
    }

    /** The registered version {@code ref}: {@code name} (latest), {@code name@3}, or {@code name@production}. */
    public Optional<ModelEntry> registeredModel(String ref) {
        Registry.Ref parsed = Registry.Ref.parse(ref, "registered model");
        return db.read("registered model '" + ref + "'", c -> Registry.find(c, parsed));
    }

    /** Like {@link #registeredModel} but fails with what is registered when {@code ref} is not. */
    public ModelEntry requireRegisteredModel(String ref) {
        Registry.Ref parsed = Registry.Ref.parse(ref, "registered model");
        String who = "registered model '" + ref + "'";
        return db.read(
                who,
                c -> Registry.find(c, parsed)
                        .orElseThrow(() -> db.fail(who, "not registered; " + whatIsRegistered(c, parsed.name()))));
    }

    private static String whatIsRegistered(java.sql.Connection c, String name) {
        try {
            return Registry.whatExists(c, name);
        } catch (java.sql.SQLException e) {
            return "";
        }
    }

    /** The serialised model of a registered version. */
    public byte[] registeredModelBytes(ModelEntry entry) {
        String who = "load model " + entry.ref();
        byte[] data = db.read(who, c -> Registry.bytes(c, entry.id()));
        if (data == null) {
            throw db.fail(who, "the version is registered but its bytes are missing");
        }
        return data;
    }

    /** Every registered version, by name then version. */
    public List<ModelEntry> registeredModels() {
        return db.read("registered models", Registry::all);
    }

    /**
     * Moves the registered version {@code ref} to {@code stage}; the version that held production or
     * shadow before is archived. Returns every move made (none when it is already there).
     */
    public List<ModelMove> moveModel(String ref, ModelStage stage, String note) {
        Objects.requireNonNull(stage, "move model: the stage is null");
        Registry.Ref parsed = Registry.Ref.parse(ref, "move model");
        String who = "move model '" + ref + "' to " + stage.label();
        return db.write(who, c -> {
            ModelEntry entry = Registry.find(c, parsed)
                    .orElseThrow(() -> db.fail(who, "not registered; " + whatIsRegistered(c, parsed.name())));
            return Registry.move(db, c, entry, stage, note);
        });
    }

    /** Every stage move of the versions of {@code name} (every model's when null), oldest first. */
    public List<ModelMove> modelMoves(String name) {
        return db.read("model stage moves", c -> Registry.moves(c, name));
    }

    // ---- alerts and exercises

    public Alert alert(String kind, String severity, String message) {
        Require.that(kind != null && !kind.isBlank(), "alert", "the kind is empty");
        Require.that(message != null && !message.isBlank(), "alert", "the message is empty");
        String level = severity == null || severity.isBlank() ? "warning" : severity.strip();
        return db.write("alert '" + kind + "'", c -> Log.alert(db, c, kind.strip(), level, message));
    }

    public List<Alert> alerts() {
        return db.read("alerts", Log::alerts);
    }

    /** Records an exercise attempt; {@code score} may be NaN when the exercise has none. */
    public ExerciseResult exercise(String exercise, boolean passed, double score, String detail) {
        return exercise(exercise, null, ExerciseResult.CHECK, passed, score, detail);
    }

    /**
     * Records an exercise event of {@code kind} ({@link ExerciseResult#CHECK} or
     * {@link ExerciseResult#REVEAL}) for the exercise {@code exercise} of {@code lesson} (may be null).
     */
    public ExerciseResult exercise(
            String exercise, String lesson, String kind, boolean passed, double score, String detail) {
        Require.that(exercise != null && !exercise.isBlank(), "exercise", "the exercise name is empty");
        Require.that(
                ExerciseResult.CHECK.equals(kind) || ExerciseResult.REVEAL.equals(kind),
                "exercise",
                "the kind is '%s', not 'check' or 'reveal'",
                kind);
        return db.write(
                "exercise '" + exercise + "'",
                c -> Log.exercise(db, c, exercise.strip(), lesson, kind, passed, score, detail));
    }

    public List<ExerciseResult> exercises() {
        return db.read("exercises", Log::exercises);
    }

    // ---- questions

    /** The path taken round the six stages, with loops, time per stage and objective pivots. */
    public StagePath stagePath() {
        return db.read(
                "stage path",
                c -> StagePath.of(
                        Log.stages(c), Log.objectives(c), db.options.clock().instant()));
    }

    /** Dataset version -> run -> model -> metric (and deployments), for every dataset. */
    public Lineage lineage() {
        return db.read("lineage", c -> Lineage.of(c, null));
    }

    /** The lineage of the versions of one dataset. */
    public Lineage lineage(String datasetName) {
        Require.that(datasetName != null && !datasetName.isBlank(), "lineage", "the dataset name is empty");
        return db.read("lineage '" + datasetName + "'", c -> Lineage.of(c, datasetName.strip()));
    }

    /** Runs side by side, parameters and metrics as columns; every run when {@code ids} is empty. */
    public RunComparison compareRuns(long... ids) {
        List<Run> all = runs();
        if (ids.length == 0) {
            return new RunComparison(all);
        }
        List<Run> chosen = new ArrayList<>();
        for (long id : ids) {
            chosen.add(all.stream()
                    .filter(r -> r.id() == id)
                    .findFirst()
                    .orElseThrow(() -> db.fail("compare runs", "there is no run #" + id)));
        }
        return new RunComparison(chosen);
    }

    /** The last {@code last} events of every kind, oldest first ({@code last <= 0}: all of them). */
    public Timeline timeline(int last) {
        return db.read("timeline", c -> Timeline.of(c, last));
    }

    /**
     * Writes the journal to {@code target}: every record as JSON ({@code .json}), or the timeline
     * as CSV ({@code .csv}). The file appears whole or not at all.
     */
    public Path export(Path target) {
        Objects.requireNonNull(target, "export: the target path is null");
        Export.Format format = Export.Format.of(target);
        String text = format == Export.Format.JSON
                ? Json.pretty(db.read("export", Export::everything))
                : db.read("export", c -> Timeline.of(c, 0)).toCsv();
        Export.write(db.file, target, text);
        return target.toAbsolutePath().normalize();
    }

    /** SQLite's {@code PRAGMA integrity_check}: "ok" for a sound file. */
    public String integrityCheck() {
        return db.read("integrity check", c -> {
            StringBuilder out = new StringBuilder();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    out.append(out.length() == 0 ? "" : "; ").append(rs.getString(1));
                }
            }
            return out.toString();
        });
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "Journal[" + db.file + "]";
    }
}
