package org.mlcycle.toolkit.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small JDBC helpers shared by the journal's SQL classes. */
final class Sql {
    private Sql() {}

    static long lastId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs an INSERT/UPDATE with positional arguments (null, String, Number, Boolean) and returns the new row id. */
    static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            p.executeUpdate();
        }
        return lastId(c);
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            return p.executeUpdate();
        }
    }

    static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                p.setObject(i + 1, null);
            } else if (a instanceof Boolean b) {
                p.setInt(i + 1, b ? 1 : 0);
            } else if (a instanceof Double || a instanceof Float) {
                p.setDouble(i + 1, ((Number) a).doubleValue());
            } else if (a instanceof Number n) {
                p.setLong(i + 1, n.longValue());
            } else {
                p.setString(i + 1, a.toString());
            }
        }
    }
}
