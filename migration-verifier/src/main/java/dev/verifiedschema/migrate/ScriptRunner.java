package dev.verifiedschema.migrate;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a script's statements one by one in a single transaction on a connection, so a failure can
 * name the script line and column it happened on and nothing of a failed script is left behind.
 * Placeholders are replaced as Flyway replaces them in forward scripts ({@link Placeholders}).
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
        Placeholders placeholders = Placeholders.of(script, connection, schema);
        try {
            placeholders.check(script.sql());
        } catch (Placeholders.Missing missing) {
            return new ScriptFailure(script.path(), missing.line, missing.column, null, null,
                    Placeholders.noValue("${" + missing.key + "}", missing.key));
        }
        List<SqlStatements.Statement> statements;
        try {
            statements = TransactionControl.unwrapped(script, SqlStatements.split(script.sql()));
        } catch (TransactionControl.Refused refused) {
            return refused.failure;
        }
        String[] session = session(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute("SET LOCAL search_path TO " + dev.verifiedschema.contract.Identifiers.quote(schema));
            for (SqlStatements.Statement statement : statements) {
                Placeholders.Replaced sql;
                try {
                    sql = placeholders.replace(statement.sql(), statement.offset(), script.sql());
                } catch (Placeholders.Missing cannotHappen) {
                    throw new IllegalStateException("checked above", cannotHappen);
                }
                try {
                    jdbc.execute(sql.text());
                } catch (SQLException e) {
                    if (!rolledBack(connection, e)) {
                        throw e; // the session is gone: the caller reports the script's own error, not the rollback's
                    }
                    return failure(script, statement, sql, e);
                }
            }
            if (thenAlso.length > 0) {
                restore(connection, session, true); // the bookkeeping runs as the caller, whatever the script SET
            }
            for (String sql : thenAlso) {
                jdbc.execute(sql);
            }
            connection.commit();
            return null;
        } catch (SQLException e) {
            rolledBack(connection, e);
            throw e;
        } finally {
            if (!connection.isClosed()) { // a session that ended: nothing to put back, and the error stays the first
                connection.setAutoCommit(autoCommit);
                restore(connection, session, false);
            }
        }
    }

    /**
     * Rolls back after a failed statement; when that fails too (the session ended under the script),
     * the rollback's error is kept as suppressed by the statement's, which is the one to report.
     */
    private static boolean rolledBack(Connection connection, SQLException cause) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    /**
     * The session's role and search path, which a script may SET for the rest of the session, and
     * every other setting the session has SET itself ({@code name=value}, after them): one round trip.
     */
    private static String[] session(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT pg_catalog.current_setting('role'), pg_catalog.current_setting('search_path'), "
                        + "ARRAY(SELECT name || '=' || setting FROM pg_catalog.pg_settings WHERE " + OTHERS + ")")) {
            rs.next();
            List<String> session = new java.util.ArrayList<>(List.of(rs.getString(1), rs.getString(2)));
            session.addAll(List.of((String[]) rs.getArray(3).getArray()));
            return session.toArray(String[]::new);
        }
    }

    /** The settings a session has SET itself, but the role and search path (put back on their own). */
    private static final String OTHERS = "source = 'session' AND name NOT IN ('role', 'search_path', "
            + "'session_authorization')";

    /**
     * Puts back the role and search path the session had before the script (for its transaction, or
     * for good), and for good every other setting the script SET.
     */
    private static void restore(Connection connection, String[] session, boolean local) throws SQLException {
        if (!local && !connection.isValid(5)) {
            return; // the server or connection is gone: whoever uses it next learns that, with its own message
        }
        // for good, every other setting the script SET goes back too (session_replication_role, a
        // timeout): to what the session had before the script, or else to the session's default
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT pg_catalog.set_config('role', ?, " + local + "), pg_catalog.set_config('search_path', ?, "
                        + local + ")" + (local ? "" : ", (SELECT pg_catalog.count(pg_catalog.set_config(p.name, "
                        + "coalesce(b.setting, p.reset_val), false)) FROM pg_catalog.pg_settings p LEFT JOIN "
                        + "unnest(?::text[], ?::text[]) AS b(name, setting) ON b.name = p.name WHERE p."
                        + OTHERS.replace("name NOT", "p.name NOT")
                        + " AND p.setting IS DISTINCT FROM coalesce(b.setting, p.reset_val))"))) {
            s.setString(1, session[0]);
            s.setString(2, session[1]);
            if (!local) {
                String[] names = new String[session.length - 2];
                String[] values = new String[session.length - 2];
                for (int i = 2; i < session.length; i++) {
                    int eq = session[i].indexOf('=');
                    names[i - 2] = session[i].substring(0, eq);
                    values[i - 2] = session[i].substring(eq + 1);
                }
                s.setArray(3, connection.createArrayOf("text", names));
                s.setArray(4, connection.createArrayOf("text", values));
            }
            s.execute();
        }
    }

    private static ScriptFailure failure(MigrationScript script, SqlStatements.Statement statement,
                                         Placeholders.Replaced sql, SQLException e) {
        int[] at = Placeholders.lineAndColumn(script.sql(), statement.offset());
        int line = statement.line();
        int column = line == at[0] ? at[1] : 0;
        String message = e.getMessage();
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage server = p.getServerErrorMessage();
            message = server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
            if (server.getPosition() > 0) {
                // PostgreSQL counts the position in characters of the statement, from 1
                int[] error = Placeholders.lineAndColumn(script.sql(),
                        statement.offset() + sql.original(Math.min(server.getPosition() - 1, sql.text().length())));
                line = error[0];
                column = error[1];
            }
        }
        return new ScriptFailure(script.path(), line, column, statement.sql(), e.getSQLState(), message);
    }
}
