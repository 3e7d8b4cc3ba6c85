package org.mlcycle.toolkit.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** SQL for the model registry: named versions, their bytes, data, metrics, stages and moves. */
final class Registry {
    private Registry() {}

    /** {@code name}, {@code name@3} or {@code name@production}: the latest version, a number, or a stage's holder. */
    record Ref(String name, int version, ModelStage stage) {
        static Ref parse(String text, String who) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(who + ": the model name is empty");
            }
            String t = text.strip();
            int at = t.lastIndexOf('@');
            if (at < 0) {
                return new Ref(t, 0, null);
            }
            String name = t.substring(0, at), suffix = t.substring(at + 1);
            if (name.isBlank()) {
                throw new IllegalArgumentException(who + ": '" + text + "' has no model name before '@'");
            }
            if (suffix.matches("[1-9][0-9]{0,8}")) {
                return new Ref(name, Integer.parseInt(suffix), null);
            }
            if (ModelStage.isStage(suffix)) {
                return new Ref(name, 0, ModelStage.parse(suffix));
            }
            throw new IllegalArgumentException(who + ": '" + text
                    + "' is not name, name@version or name@stage (staging, production, shadow, archived)");
        }

        @Override
        public String toString() {
            return version > 0 ? name + "@" + version : stage != null ? name + "@" + stage.label() : name;
        }
    }

    private static final String SELECT = "SELECT r.id, r.name, r.version, r.model_id, r.spec_hash, r.input_schema,"
            + " r.stage, r.note, r.at FROM registered_models r ";

    static ModelEntry register(
            Db db,
            Connection c,
            String name,
            byte[] model,
            String specHash,
            String inputSchema,
            List<String> data,
            Map<String, Double> metrics,
            String note,
            String who)
            throws SQLException {
        int version;
        try (PreparedStatement p =
                c.prepareStatement("SELECT coalesce(max(version), 0) + 1 FROM registered_models WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                version = rs.getInt(1);
            }
        }
        long at = db.now();
        long modelId = Sql.insert(
                c,
                "INSERT INTO models(name, run_id, provenance, at) VALUES (?,?,?,?)",
                name,
                null,
                "registered as " + name + "@" + version + ", feature spec " + specHash,
                at);
        long id = Sql.insert(
                c,
                "INSERT INTO registered_models(name, version, model_id, spec_hash, input_schema, stage,"
                        + " note, at) VALUES (?,?,?,?,?,'none',?,?)",
                name,
                version,
                modelId,
                specHash,
                inputSchema,
                note,
                at);
        try (PreparedStatement p =
                c.prepareStatement("INSERT INTO registered_model_blobs(registered_id, data) VALUES (?,?)")) {
            p.setLong(1, id);
            p.setBytes(2, model);
            p.executeUpdate();
        }
        for (String ref : data) {
            Datasets.Ref parsed = Datasets.Ref.parse(ref, who);
            DatasetVersion v = Datasets.find(c, parsed).orElseThrow(() -> db.fail(who, "no dataset version " + ref));
            Sql.update(
                    c,
                    "INSERT OR IGNORE INTO registered_model_data(registered_id, dataset_id) VALUES (?,?)",
                    id,
                    v.id());
        }
        for (var m : metrics.entrySet()) {
            Sql.update(
                    c,
                    "INSERT INTO registered_model_metrics(registered_id, name, value) VALUES (?,?,?)",
                    id,
                    m.getKey(),
                    m.getValue());
        }
        return find(c, new Ref(name, version, null)).orElseThrow();
    }

    static Optional<ModelEntry> find(Connection c, Ref ref) throws SQLException {
        List<ModelEntry> found;
        if (ref.version() > 0) {
            found = select(c, "WHERE r.name = ? AND r.version = ?", ref.name(), ref.version());
        } else if (ref.stage() != null) {
            found = select(
                    c,
                    "WHERE r.name = ? AND r.stage = ? ORDER BY r.version DESC LIMIT 1",
                    ref.name(),
                    ref.stage().label());
        } else {
            found = select(c, "WHERE r.name = ? ORDER BY r.version DESC LIMIT 1", ref.name());
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static List<ModelEntry> all(Connection c) throws SQLException {
        return select(c, "ORDER BY r.name, r.version");
    }

    /** What exists under {@code name}, for an error message. */
    static String whatExists(Connection c, String name) throws SQLException {
        List<String> versions = Runs.strings(
                c,
                "SELECT name || '@' || version || ' (' || stage || ')' FROM registered_models WHERE name = ? ORDER BY version",
                name);
        if (!versions.isEmpty()) {
            return "registered: " + String.join(", ", versions);
        }
        List<String> names = Runs.strings(c, "SELECT DISTINCT name FROM registered_models ORDER BY name");
        return names.isEmpty() ? "no model is registered yet" : "registered models: " + String.join(", ", names);
    }

    static byte[] bytes(Connection c, long id) throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement("SELECT data FROM registered_model_blobs WHERE registered_id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /**
     * Moves {@code entry} to {@code to}; a single-holder stage's previous holder is archived first.
     * Returns every move made, the archiving first; none when the entry is already there.
     */
    static List<ModelMove> move(Db db, Connection c, ModelEntry entry, ModelStage to, String note) throws SQLException {
        List<ModelMove> moves = new ArrayList<>();
        if (entry.stage() == to) {
            return moves;
        }
        if (to.single()) {
            for (ModelEntry holder :
                    select(c, "WHERE r.name = ? AND r.stage = ? AND r.id <> ?", entry.name(), to.label(), entry.id())) {
                moves.add(moveOne(db, c, holder, ModelStage.ARCHIVED, "replaced by " + entry.ref()));
            }
        }
        moves.add(moveOne(db, c, entry, to, note));
        return moves;
    }

    private static ModelMove moveOne(Db db, Connection c, ModelEntry entry, ModelStage to, String note)
            throws SQLException {
        long at = db.now();
        Sql.update(c, "UPDATE registered_models SET stage = ? WHERE id = ?", to.label(), entry.id());
        long id = Sql.insert(
                c,
                "INSERT INTO model_stage_moves(registered_id, from_stage, to_stage, note, at)" + " VALUES (?,?,?,?,?)",
                entry.id(),
                entry.stage().label(),
                to.label(),
                note,
                at);
        return new ModelMove(id, entry.name(), entry.version(), entry.stage(), to, note, Db.instant(at));
    }

    /** Every stage move, oldest first; only those of {@code name} unless it is null. */
    static List<ModelMove> moves(Connection c, String name) throws SQLException {
        List<ModelMove> out = new ArrayList<>();
        try (PreparedStatement p =
                c.prepareStatement("SELECT m.id, r.name, r.version, m.from_stage, m.to_stage, m.note,"
                        + " m.at FROM model_stage_moves m JOIN registered_models r ON r.id = m.registered_id"
                        + (name == null ? "" : " WHERE r.name = ?") + " ORDER BY m.id")) {
            if (name != null) {
                p.setString(1, name);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new ModelMove(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getInt(3),
                            ModelStage.parse(rs.getString(4)),
                            ModelStage.parse(rs.getString(5)),
                            rs.getString(6),
                            Db.instant(rs.getLong(7))));
                }
            }
        }
        return out;
    }

    private static List<ModelEntry> select(Connection c, String where, Object... args) throws SQLException {
        List<ModelEntry> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(SELECT + where)) {
            Sql.bind(p, args);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.add(new ModelEntry(
                            id,
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getLong(4),
                            rs.getString(5),
                            rs.getString(6),
                            ModelStage.parse(rs.getString(7)),
                            rs.getString(8),
                            data(c, id),
                            metrics(c, id),
                            Db.instant(rs.getLong(9))));
                }
            }
        }
        return out;
    }

    private static List<String> data(Connection c, long id) throws SQLException {
        return Runs.strings(
                c,
                "SELECT d.name || '@' || d.version FROM registered_model_data x"
                        + " JOIN datasets d ON d.id = x.dataset_id WHERE x.registered_id = ? ORDER BY d.name, d.version",
                id);
    }

    private static Map<String, Double> metrics(Connection c, long id) throws SQLException {
        Map<String, Double> out = new TreeMap<>();
        try (PreparedStatement p =
                c.prepareStatement("SELECT name, value FROM registered_model_metrics WHERE registered_id = ?")) {
            p.setLong(1, id);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }
}
