package org.mlcycle.toolkit.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL for the plain logs: stage moves, objectives, alerts, exercise results. */
final class Log {
    private Log() {}

    static StageMove stage(Db db, Connection c, Stage stage, String note) throws SQLException {
        long at = db.now();
        long id = Sql.insert(c, "INSERT INTO stage_moves(stage, note, at) VALUES (?,?,?)", stage.label(), note, at);
        return new StageMove(id, stage, note, Db.instant(at));
    }

    static List<StageMove> stages(Connection c) throws SQLException {
        List<StageMove> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, stage, note, at FROM stage_moves ORDER BY id");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new StageMove(
                        rs.getLong(1), Stage.parse(rs.getString(2)), rs.getString(3), Db.instant(rs.getLong(4))));
            }
        }
        return out;
    }

    static Objective objective(
            Db db, Connection c, String metric, String constraints, String criteria, String stakeholders)
            throws SQLException {
        List<Objective> earlier = objectives(c);
        Objective previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        long afterMove = 0;
        try (PreparedStatement p = c.prepareStatement("SELECT coalesce(max(id), 0) FROM stage_moves");
                ResultSet rs = p.executeQuery()) {
            if (rs.next()) {
                afterMove = rs.getLong(1);
            }
        }
        long at = db.now();
        long id = Sql.insert(
                c,
                "INSERT INTO objectives(metric, constraints, criteria, stakeholders, previous_id,"
                        + " after_move, at) VALUES (?,?,?,?,?,?,?)",
                metric,
                constraints,
                criteria,
                stakeholders,
                previous == null ? null : previous.id(),
                afterMove,
                at);
        return new Objective(
                id,
                metric,
                constraints,
                criteria,
                stakeholders,
                previous == null ? null : previous.metric(),
                afterMove,
                Db.instant(at));
    }

    static List<Objective> objectives(Connection c) throws SQLException {
        List<Objective> out = new ArrayList<>();
        try (PreparedStatement p =
                        c.prepareStatement("SELECT o.id, o.metric, o.constraints, o.criteria, o.stakeholders,"
                                + " prev.metric, o.after_move, o.at FROM objectives o LEFT JOIN objectives prev ON prev.id = o.previous_id"
                                + " ORDER BY o.id");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new Objective(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        Db.instant(rs.getLong(8))));
            }
        }
        return out;
    }

    static Alert alert(Db db, Connection c, String kind, String severity, String message) throws SQLException {
        long at = db.now();
        long id = Sql.insert(
                c, "INSERT INTO alerts(kind, severity, message, at) VALUES (?,?,?,?)", kind, severity, message, at);
        return new Alert(id, kind, severity, message, Db.instant(at));
    }

    static List<Alert> alerts(Connection c) throws SQLException {
        List<Alert> out = new ArrayList<>();
        try (PreparedStatement p =
                        c.prepareStatement("SELECT id, kind, severity, message, at FROM alerts ORDER BY id");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new Alert(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Db.instant(rs.getLong(5))));
            }
        }
        return out;
    }

    static ExerciseResult exercise(
            Db db,
            Connection c,
            String exercise,
            String lesson,
            String kind,
            boolean passed,
            double score,
            String detail)
            throws SQLException {
        long at = db.now();
        long id = Sql.insert(
                c,
                "INSERT INTO exercise_results(exercise, lesson, kind, passed, score, detail, at) VALUES (?,?,?,?,?,?,?)",
                exercise,
                lesson,
                kind,
                passed,
                Double.isNaN(score) ? null : score,
                detail,
                at);
        return new ExerciseResult(id, exercise, lesson, kind, passed, score, detail, Db.instant(at));
    }

    static List<ExerciseResult> exercises(Connection c) throws SQLException {
        List<ExerciseResult> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(
                        "SELECT id, exercise, lesson, kind, passed, score, detail, at FROM exercise_results ORDER BY id");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                double score = rs.getDouble(6);
                if (rs.wasNull()) {
                    score = Double.NaN;
                }
                out.add(new ExerciseResult(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5) != 0,
                        score,
                        rs.getString(7),
                        Db.instant(rs.getLong(8))));
            }
        }
        return out;
    }
}
