package dev.verifiedschema.migrate;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs a script's statements one by one in a single transaction on a connection, so a failure can
 * name the script line it happened on and nothing of a failed script is left behind.
 */
final class ScriptRunner {
    private ScriptRunner() {
    }

    /**
     * Runs the script and then the extra statements (e.g. bookkeeping), all or nothing, with the
     * search path on the schema (as Flyway runs forward scripts), so unqualified names in an undo
     * script or fixture mean the verified schema's objects.
     *
     * @return {@code null} on success, else what failed
     */
    static ScriptFailure run(Connection connection, MigrationScript script, String schema, String... thenAlso)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute("SET LOCAL search_path TO " + dev.verifiedschema.contract.Identifiers.quote(schema));
            for (SqlStatements.Statement statement : SqlStatements.split(script.sql())) {
                try {
                    jdbc.execute(statement.sql());
                } catch (SQLException e) {
                    connection.rollback();
                    return failure(script, statement, e);
                }
            }
            for (String sql : thenAlso) {
                jdbc.execute(sql);
            }
            connection.commit();
            return null;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static ScriptFailure failure(MigrationScript script, SqlStatements.Statement statement, SQLException e) {
        int line = statement.line();
        String message = e.getMessage();
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage server = p.getServerErrorMessage();
            message = server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
            if (server.getPosition() > 0) {
                String upTo = statement.sql().substring(0, Math.min(server.getPosition() - 1, statement.sql().length()));
                line += (int) upTo.chars().filter(ch -> ch == '\n').count();
            }
        }
        return new ScriptFailure(script.path(), line, statement.sql(), e.getSQLState(), message);
    }
}
