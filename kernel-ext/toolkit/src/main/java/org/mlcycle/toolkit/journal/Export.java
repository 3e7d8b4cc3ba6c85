package org.mlcycle.toolkit.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes the journal out: everything as JSON, or the timeline as CSV. */
final class Export {
    private Export() {}

    enum Format {
        JSON,
        CSV;

        static Format of(Path target) {
            String name = target.getFileName() == null
                    ? ""
                    : target.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".json")) {
                return JSON;
            }
            if (name.endsWith(".csv")) {
                return CSV;
            }
            throw new IllegalArgumentException("export: '" + target + "' must end in .json or .csv");
        }
    }

    /** The whole journal as plain values, read in one transaction. */
    static Map<String, Object> everything(Connection c) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schemaVersion", Db.userVersion(c));
        out.put(
                "stages",
                map(
                        Log.stages(c),
                        m -> record(
                                "id", m.id(), "stage", m.stage().label(), "note", m.note(), "at", m.at().toString())));
        out.put("objectives", map(Log.objectives(c), Objective::toRecord));
        out.put("datasets", map(Datasets.all(c), DatasetVersion::toRecord));
        out.put("runs", map(Runs.all(c), Run::toRecord));
        out.put(
                "models",
                map(
                        Runs.allModels(c),
                        m -> record(
                                "id",
                                m.id(),
                                "name",
                                m.name(),
                                "runId",
                                m.runId(),
                                "provenance",
                                m.provenance(),
                                "at",
                                m.at().toString())));
        out.put(
                "deployments",
                map(
                        Runs.allDeployments(c),
                        d -> record(
                                "id",
                                d.id(),
                                "model",
                                d.model(),
                                "target",
                                d.target(),
                                "note",
                                d.note(),
                                "at",
                                d.at().toString())));
        out.put("registered_models", map(Registry.all(c), ModelEntry::toRecord));
        out.put(
                "model_stage_moves",
                map(
                        Registry.moves(c, null),
                        m -> record(
                                "id",
                                m.id(),
                                "model",
                                m.ref(),
                                "from",
                                m.from().label(),
                                "to",
                                m.to().label(),
                                "note",
                                m.note(),
                                "at",
                                m.at().toString())));
        out.put(
                "alerts",
                map(
                        Log.alerts(c),
                        a -> record(
                                "id",
                                a.id(),
                                "kind",
                                a.kind(),
                                "severity",
                                a.severity(),
                                "message",
                                a.message(),
                                "at",
                                a.at().toString())));
        out.put(
                "exercises",
                map(
                        Log.exercises(c),
                        e -> record(
                                "id",
                                e.id(),
                                "exercise",
                                e.exercise(),
                                "lesson",
                                e.lesson(),
                                "kind",
                                e.kind(),
                                "passed",
                                e.passed(),
                                "score",
                                e.score(),
                                "detail",
                                e.detail(),
                                "at",
                                e.at().toString())));
        return out;
    }

    /** Writes {@code text} to {@code target} through a temporary file, so a reader never sees half of it. */
    static void write(Path journal, Path target, String text) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            Path folder = absolute.getParent();
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".export-", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new JournalException(journal, "export to " + absolute, e.toString(), e);
        }
    }

    private static <T> List<Object> map(List<T> items, Function<T, Map<String, Object>> f) {
        return items.stream().map(f).collect(Collectors.toList());
    }

    private static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
