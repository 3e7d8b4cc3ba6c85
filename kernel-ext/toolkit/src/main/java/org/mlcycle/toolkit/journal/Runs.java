package org.mlcycle.toolkit.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** SQL for runs and what hangs off them: parameters, metrics, data used, models, deployments. */
final class Runs {
    private Runs() {}

    static long start(Db db, Connection c, String name, String note) throws SQLException {
        return Sql.insert(
                c,
                "INSERT INTO runs(name, status, started_at, note) VALUES (?, 'running', ?, ?)",
                name,
                db.now(),
                note);
    }

    static void param(Connection c, long run, String key, String value) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO run_params(run_id, key, value) VALUES (?,?,?)", run, key, value);
    }

    static void metric(Connection c, long run, String key, double value) throws SQLException {
        Sql.update(c, "INSERT OR REPLACE INTO run_metrics(run_id, name, value) VALUES (?,?,?)", run, key, value);
    }

    static void uses(Db db, Connection c, long run, String ref, String operation) throws SQLException {
        Datasets.Ref parsed = Datasets.Ref.parse(ref, operation);
        DatasetVersion version = Datasets.find(c, parsed)
                .orElseThrow(
                        () -> db.fail(operation, "no dataset version " + ref + "; " + whatExists(c, parsed.name())));
        Sql.update(c, "INSERT OR IGNORE INTO run_data(run_id, dataset_id) VALUES (?,?)", run, version.id());
    }

    private static String whatExists(Connection c, String name) {
        try {
            return Datasets.whatExists(c, name);
        } catch (SQLException e) {
            return "";
        }
    }

    static ModelVersion model(Db db, Connection c, long run, String name, String provenance) throws SQLException {
        long at = db.now();
        long id = Sql.insert(
                c,
                "INSERT INTO models(name, run_id, provenance, at) VALUES (?,?,?,?)",
                name,
                run == 0 ? null : run,
                provenance,
                at);
        return new ModelVersion(id, name, run, provenance, Db.instant(at));
    }

    static void finish(Db db, Connection c, long run, String status, Duration duration, String operation)
            throws SQLException {
        long startedAt;
        try (PreparedStatement p = c.prepareStatement("SELECT started_at, status FROM runs WHERE id = ?")) {
            p.setLong(1, run);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw db.fail(operation, "there is no run #" + run);
                }
                if (!"running".equals(rs.getString(2))) {
                    throw db.fail(operation, "run #" + run + " is already " + rs.getString(2));
                }
                startedAt = rs.getLong(1);
            }
        }
        long ms = duration != null ? duration.toMillis() : Math.max(0, db.now() - startedAt);
        Sql.update(c, "UPDATE runs SET status = ?, duration_ms = ? WHERE id = ?", status, ms, run);
    }

    static Optional<Run> find(Connection c, long id) throws SQLException {
        List<Run> runs = select(c, "WHERE r.id = ?", id);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    static List<Run> all(Connection c) throws SQLException {
        return select(c, "");
    }

    private static List<Run> select(Connection c, String where, Object... args) throws SQLException {
        Map<Long, Run> runs = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(
                "SELECT r.id, r.name, r.status, r.started_at, r.duration_ms FROM runs r " + where + " ORDER BY r.id")) {
            Sql.bind(p, args);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long ms = rs.getLong(5);
                    Duration duration = rs.wasNull() ? null : Duration.ofMillis(ms);
                    runs.put(
                            id,
                            new Run(
                                    id,
                                    rs.getString(2),
                                    rs.getString(3),
                                    Db.instant(rs.getLong(4)),
                                    duration,
                                    params(c, id),
                                    metrics(c, id),
                                    data(c, id),
                                    models(c, id)));
                }
            }
        }
        return new ArrayList<>(runs.values());
    }

    private static Map<String, String> params(Connection c, long run) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT key, value FROM run_params WHERE run_id = ?")) {
            p.setLong(1, run);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** A run's metrics by name (lineage reads them too). */
    static Map<String, Double> metrics(Connection c, long run) throws SQLException {
        Map<String, Double> out = new TreeMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT name, value FROM run_metrics WHERE run_id = ?")) {
            p.setLong(1, run);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }

    private static List<String> data(Connection c, long run) throws SQLException {
        return strings(
                c,
                "SELECT d.name || '@' || d.version FROM run_data x JOIN datasets d ON d.id = x.dataset_id"
                        + " WHERE x.run_id = ? ORDER BY d.name, d.version",
                run);
    }

    private static List<String> models(Connection c, long run) throws SQLException {
        return strings(c, "SELECT name FROM models WHERE run_id = ? ORDER BY id", run);
    }

    static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            Sql.bind(p, args);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static List<ModelVersion> allModels(Connection c) throws SQLException {
        List<ModelVersion> out = new ArrayList<>();
        try (PreparedStatement p =
                        c.prepareStatement("SELECT id, name, run_id, provenance, at FROM models ORDER BY id");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new ModelVersion(
                        rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), Db.instant(rs.getLong(5))));
            }
        }
        return out;
    }

    static Deployment deploy(Db db, Connection c, String model, String target, String note, String operation)
            throws SQLException {
        long modelId;
        try (PreparedStatement p =
                c.prepareStatement("SELECT id FROM models WHERE name = ? ORDER BY id DESC LIMIT 1")) {
            p.setString(1, model);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    List<String> known = strings(c, "SELECT DISTINCT name FROM models ORDER BY name");
                    throw db.fail(
                            operation,
                            "there is no model '" + model + "' (known: "
                                    + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
                }
                modelId = rs.getLong(1);
            }
        }
        long at = db.now();
        long id = Sql.insert(
                c, "INSERT INTO deployments(model_id, target, note, at) VALUES (?,?,?,?)", modelId, target, note, at);
        return new Deployment(id, model, target, note, Db.instant(at));
    }

    static List<Deployment> allDeployments(Connection c) throws SQLException {
        List<Deployment> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT d.id, m.name, d.target, d.note, d.at FROM deployments d"
                        + " JOIN models m ON m.id = d.model_id ORDER BY d.id");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new Deployment(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Db.instant(rs.getLong(5))));
            }
        }
        return out;
    }
}
