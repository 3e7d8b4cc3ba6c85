package org.mlcycle.toolkit.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The journal's one SQLite connection: WAL, a busy timeout, foreign keys, full sync. Every write
 * is one {@code BEGIN IMMEDIATE ... COMMIT} (the write lock is taken up front, so two kernels
 * queue instead of failing half-way); any failure rolls the whole write back.
 */
final class Db implements AutoCloseable {

    /** A unit of work on the connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    final Path file;
    final JournalOptions options;
    private Connection connection;

    private Db(Path file, JournalOptions options, Connection connection) {
        this.file = file;
        this.options = options;
        this.connection = connection;
    }

    static Db open(Path file, JournalOptions options, List<Migration> migrations) {
        Path parent = file.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new JournalException(file, "open", "cannot create the folder " + parent + " (" + e + ")", e);
        }
        if (Files.isDirectory(file)) {
            throw new JournalException(file, "open", "this is a folder, not a journal file");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new JournalException(file, "open", "the file is not writable");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        } catch (SQLException e) {
            throw new JournalException(file, "open", notAJournal(e), e);
        }
        Db db = new Db(file, options, connection);
        try {
            db.walMode();
            db.migrate(migrations);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private void walMode() {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
            String mode = rs.next() ? rs.getString(1) : "?";
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new JournalException(file, "open", "SQLite refused write-ahead logging (mode " + mode + ")");
            }
        } catch (SQLException e) {
            throw new JournalException(file, "open", notAJournal(e), e);
        }
    }

    private static String notAJournal(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("NOTADB") || message.contains("not a database")
                ? "not an SQLite journal (" + message + ")"
                : message;
    }

    private void migrate(List<Migration> migrations) {
        int known =
                migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        int current = read("open", Db::userVersion);
        if (current > known) {
            throw new JournalException(
                    file,
                    "open",
                    String.format(
                            "written by a newer mlcycle (schema version %d; this one reads up to %d); the file was not changed",
                            current, known));
        }
        for (Migration step : migrations) {
            if (step.version() <= current) {
                continue;
            }
            write("migrate to schema version " + step.version(), c -> {
                if (userVersion(c) >= step.version()) {
                    return null; // another kernel migrated first
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : step.statements()) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + step.version());
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO schema_migrations(version, description, applied_at) VALUES (?,?,?)")) {
                    p.setInt(1, step.version());
                    p.setString(2, step.description());
                    p.setLong(3, now());
                    p.executeUpdate();
                }
                return null;
            });
        }
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    long now() {
        return options.clock().millis();
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    /** Runs {@code work} as one write transaction; on any failure nothing of it is kept. */
    synchronized <T> T write(String operation, Work<T> work) {
        return transaction(operation, "BEGIN IMMEDIATE", work);
    }

    /** Runs {@code work} as one read transaction: it sees one consistent state of the file. */
    synchronized <T> T read(String operation, Work<T> work) {
        return transaction(operation, "BEGIN", work);
    }

    private <T> T transaction(String operation, String begin, Work<T> work) {
        if (connection == null) {
            throw new JournalException(file, operation, "the journal is closed");
        }
        try (Statement s = connection.createStatement()) {
            s.execute(begin);
        } catch (SQLException e) {
            throw new JournalException(file, operation, notAJournal(e), e);
        }
        try {
            T result = work.run(connection);
            try (Statement s = connection.createStatement()) {
                s.execute("COMMIT");
            }
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw new JournalException(file, operation, notAJournal(e), e);
        } catch (RuntimeException | Error e) {
            rollback(e);
            throw e;
        }
    }

    private void rollback(Throwable cause) {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    JournalException fail(String operation, String problem) {
        return new JournalException(file, operation, problem);
    }

    @Override
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new JournalException(file, "close", e.getMessage(), e);
        } finally {
            connection = null;
        }
    }
}
