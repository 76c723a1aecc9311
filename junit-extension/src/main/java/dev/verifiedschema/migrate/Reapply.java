package dev.verifiedschema.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.verifiedschema.contract.Identifiers.quote;

/**
 * The redo step without a Flyway run: after a version's undo, its forward script is run again on the
 * stairway's own connection in one transaction, with the search path on the verified schema as
 * Flyway sets it, and Flyway's history row of the version is put back as it was. A Flyway run costs
 * some forty round trips and two logins; this costs one per statement.
 *
 * <p>Only a script that Flyway would run the same way qualifies: one without placeholders
 * ({@code ${...}}). If any statement fails here (for example one that cannot run inside a
 * transaction), nothing of it is kept and the caller runs the real Flyway redo, whose outcome and
 * message then stand, exactly as without this shortcut.
 */
final class Reapply {
    private Reapply() {
    }

    /** Flyway's history row of the version as JSON, read before the undo deletes it; {@code null} if none. */
    static String historyRow(Connection connection, String schema, MigrationVersion version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.row_to_json(h)::text FROM "
                + quote(schema) + ".flyway_schema_history h WHERE h.version = ?")) {
            ps.setString(1, version.text());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Runs the forward script again and restores its history row, all or nothing.
     *
     * @return whether it was done; {@code false} leaves the database as it was, for a Flyway redo
     */
    static boolean run(Connection connection, String schema, MigrationScript forward, String historyRow)
            throws SQLException {
        if (historyRow == null || forward.sql().contains("${")) {
            return false;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute("SET LOCAL search_path TO " + quote(schema));
            for (SqlStatements.Statement statement : SqlStatements.split(forward.sql())) {
                jdbc.execute(statement.sql());
            }
            try (PreparedStatement restore = connection.prepareStatement("INSERT INTO " + quote(schema)
                    + ".flyway_schema_history SELECT * FROM pg_catalog.json_populate_record(NULL::" + quote(schema)
                    + ".flyway_schema_history, ?::pg_catalog.json)")) {
                restore.setString(1, historyRow);
                restore.executeUpdate();
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            return false;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
