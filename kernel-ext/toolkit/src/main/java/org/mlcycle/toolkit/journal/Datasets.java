package org.mlcycle.toolkit.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/** SQL for dataset versions: insert with the next version number, look up by reference, load. */
final class Datasets {
    private static final String COLUMNS =
            "d.id, d.name, d.version, d.hash, d.row_count, d.column_count, d.schema," + " p.name, p.version, d.at";

    private Datasets() {}

    /** A parsed {@code name} or {@code name@version} (version 0: the latest). */
    record Ref(String name, int version) {
        static Ref parse(String text, String who) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(who + ": the dataset name is empty");
            }
            String t = text.strip();
            int at = t.lastIndexOf('@');
            if (at < 0) {
                return new Ref(t, 0);
            }
            try {
                int version = Integer.parseInt(t.substring(at + 1));
                if (version < 1 || at == 0) {
                    throw new NumberFormatException();
                }
                return new Ref(t.substring(0, at), version);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        who + ": '" + text + "' is not name or name@version (version a whole number from 1)");
            }
        }

        @Override
        public String toString() {
            return version == 0 ? name : name + "@" + version;
        }
    }

    static String schemaOf(Table table) {
        return table.columns().stream()
                .map(c -> c.name() + ":" + c.type().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    /** Records {@code table} as the next version of {@code name}, unless its latest version has the same hash. */
    static DatasetVersion insert(
            Db db, Connection c, String name, String hash, Table table, byte[] data, Ref parent, String operation)
            throws SQLException {
        return insert(
                db, c, name, hash, table.rowCount(), table.columnCount(), schemaOf(table), data, parent, operation);
    }

    /** As above from the version's shape alone; {@code data} null records a version whose rows are kept elsewhere. */
    static DatasetVersion insert(
            Db db,
            Connection c,
            String name,
            String hash,
            int rows,
            int columns,
            String schema,
            byte[] data,
            Ref parent,
            String operation)
            throws SQLException {
        Optional<DatasetVersion> latest = find(c, new Ref(name, 0));
        Long parentId = null;
        if (parent != null) {
            parentId = find(c, parent)
                    .orElseThrow(() -> db.fail(operation, "the parent " + parent + " is not in the journal"))
                    .id();
        }
        if (latest.isPresent() && latest.get().hash().equals(hash)) {
            return latest.get();
        }
        int version = latest.map(v -> v.version() + 1).orElse(1);
        long id;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO datasets(name, version, hash, row_count,"
                + " column_count, schema, parent_id, at) VALUES (?,?,?,?,?,?,?,?)")) {
            p.setString(1, name);
            p.setInt(2, version);
            p.setString(3, hash);
            p.setInt(4, rows);
            p.setInt(5, columns);
            p.setString(6, schema);
            if (parentId == null) {
                p.setNull(7, java.sql.Types.INTEGER);
            } else {
                p.setLong(7, parentId);
            }
            p.setLong(8, db.now());
            p.executeUpdate();
            id = Sql.lastId(c);
        }
        if (data != null) {
            try (PreparedStatement p =
                    c.prepareStatement("INSERT INTO dataset_blobs(dataset_id, codec, data) VALUES (?,?,?)")) {
                p.setLong(1, id);
                p.setInt(2, 1);
                p.setBytes(3, data);
                p.executeUpdate();
            }
        }
        return find(c, new Ref(name, version)).orElseThrow();
    }

    static Optional<DatasetVersion> find(Connection c, Ref ref) throws SQLException {
        String sql =
                "SELECT " + COLUMNS + " FROM datasets d LEFT JOIN datasets p ON p.id = d.parent_id WHERE d.name = ?"
                        + (ref.version() == 0 ? " ORDER BY d.version DESC LIMIT 1" : " AND d.version = ?");
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, ref.name());
            if (ref.version() != 0) {
                p.setInt(2, ref.version());
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static List<DatasetVersion> all(Connection c) throws SQLException {
        List<DatasetVersion> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM datasets d LEFT JOIN datasets p ON p.id = d.parent_id ORDER BY d.id");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    static byte[] blob(Connection c, long datasetId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT data FROM dataset_blobs WHERE dataset_id = ?")) {
            p.setLong(1, datasetId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** "ads has versions 1 to 3", or "there is no dataset 'ads' (known: a, b)". */
    static String whatExists(Connection c, String name) throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement("SELECT min(version), max(version) FROM datasets WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    return name + " has versions " + rs.getInt(1) + " to " + rs.getInt(2);
                }
            }
        }
        List<String> names = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT name FROM datasets ORDER BY name");
                ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return "there is no dataset '" + name + "' (known: " + (names.isEmpty() ? "none" : String.join(", ", names))
                + ")";
    }

    private static DatasetVersion read(ResultSet rs) throws SQLException {
        String parentName = rs.getString(8);
        String parent = parentName == null ? null : parentName + "@" + rs.getInt(9);
        String schema = rs.getString(7);
        return new DatasetVersion(
                rs.getLong(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getInt(6),
                schema.isEmpty() ? List.of() : List.of(schema.split("\n")),
                parent,
                Db.instant(rs.getLong(10)));
    }
}
