package dev.verifiedschema.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.verifiedschema.contract.Identifiers.quote;

/** Reads what Flyway recorded in a schema's {@code flyway_schema_history}. */
final class FlywayHistory {
    private FlywayHistory() {
    }

    /**
     * The versions recorded as successfully applied, oldest first; empty when the history table
     * does not exist (nothing was ever migrated).
     */
    static List<MigrationVersion> appliedVersions(Connection connection, String schema) throws SQLException {
        List<MigrationVersion> versions = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM "
                + quote(schema) + ".flyway_schema_history WHERE version IS NOT NULL AND success")) {
            while (rs.next()) {
                versions.add(MigrationVersion.parse(rs.getString(1).replace('_', '.')));
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) {
                throw e;
            }
        }
        versions.sort(null);
        return versions;
    }
}
