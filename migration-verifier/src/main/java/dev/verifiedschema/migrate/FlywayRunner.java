package dev.verifiedschema.migrate;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.internal.info.MigrationInfoImpl;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Flyway Community, pointed at one database and schema, migrating to a chosen version. One runner
 * serves a whole stairway: its connections are kept for the next run ({@link ReusedConnections}),
 * and only the first run validates the applied migrations against the scripts (the later ones would
 * check again what the stairway itself just applied from the same scripts), and only if there are
 * any (a database without Flyway's history table has none). The stairway climbs in
 * a single run, doing its checks in a {@link Callback} after each migration: a Flyway run has a
 * fixed cost (some forty round trips of bookkeeping) that is many times the cost of a typical script.
 */
final class FlywayRunner implements AutoCloseable {
    private final ReusedConnections connections;
    private final List<String> locations;
    private final String schema;
    private boolean validated;

    FlywayRunner(DataSource dataSource, List<String> locations, String schema) {
        this.connections = new ReusedConnections(dataSource);
        this.locations = locations;
        this.schema = schema;
    }

    /**
     * Migrates to the version (or to the newest when {@code null}).
     *
     * @return {@code null} on success, else what failed, naming the script and line
     */
    ScriptFailure migrateTo(MigrationScript script) {
        FlywayException failed = migrate(script, null);
        return failed == null ? null : failure(script, failed);
    }

    /**
     * Migrates to the version (or to the newest when {@code null}), calling back on Flyway's events.
     *
     * @return {@code null} on success, else Flyway's exception (which may come from the callback)
     */
    FlywayException migrate(MigrationScript target, Callback callback) {
        try {
            FluentConfiguration configuration = Flyways.configure(connections, locations, schema)
                    .validateOnMigrate(!validated && hasHistory());
            validated = true;
            if (target != null) {
                configuration.target(target.version().text());
            }
            if (callback != null) {
                configuration.callbacks(callback);
            }
            configuration.load().migrate();
            return null;
        } catch (FlywayException e) {
            return e;
        }
    }

    /**
     * Whether the schema has Flyway's history table: validation compares the migrations applied there
     * with the scripts, so on a database without one (a fresh stairway) it has nothing to compare and
     * is skipped. When the question cannot be answered, validation runs.
     */
    private boolean hasHistory() {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT pg_catalog.to_regclass(pg_catalog.quote_ident(?) || '.flyway_schema_history') IS NOT NULL")) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                return !rs.next() || rs.getBoolean(1);
            }
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * Runs the version's migration again, as Flyway ran it the first time (Flyway's own executor: its
     * parser, placeholders and transaction handling) on Flyway's connection, and commits it.
     *
     * @return {@code null} on success, else what failed; nothing of a failed transactional redo is kept
     */
    static ScriptFailure rerun(MigrationScript forward, Context flywayContext) throws SQLException {
        if (!(flywayContext.getMigrationInfo() instanceof MigrationInfoImpl info)) {
            throw new IllegalStateException("Flyway " + flywayContext.getMigrationInfo().getClass().getName()
                    + " does not give the stairway the migration to run again; this Flyway version is not supported");
        }
        Connection flywayConnection = flywayContext.getConnection();
        try {
            // as Flyway does before each migration: the first run may have left a role or path set
            try (java.sql.Statement reset = flywayConnection.createStatement()) {
                reset.execute("RESET ROLE; SET search_path TO " + dev.verifiedschema.contract.Identifiers.quote(
                        flywayContext.getConfiguration().getDefaultSchema()));
            }
            info.getResolvedMigration().getExecutor().execute(new org.flywaydb.core.api.executor.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return flywayContext.getConfiguration();
                }

                @Override
                public Connection getConnection() {
                    return flywayConnection;
                }
            });
            if (!flywayConnection.getAutoCommit()) {
                flywayConnection.commit();
            }
            return null;
        } catch (SQLException | FlywayException e) {
            if (!flywayConnection.getAutoCommit()) {
                flywayConnection.rollback();
            }
            return FlywayRunner.failure(forward, e);
        }
    }

    /** Closes the connections kept for reuse. */
    @Override
    public void close() {
        connections.close();
    }

    /** What failed, from Flyway's exception (or an SQL exception of a script Flyway ran), naming the script and line. */
    static ScriptFailure failure(MigrationScript script, Exception e) {
        String path = script == null ? "migrate" : script.path();
        int line = 0;
        String statement = null;
        String sqlState = null;
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywayMigrateException m) {
                line = Math.max(line, m.getLineNumber());
                sqlState = m.getSqlState();
                if (m.getMigration() != null && m.getMigration().getScript() != null && script != null) {
                    path = script.path().replace(script.fileName(), m.getMigration().getScript());
                }
            }
            if (t instanceof FlywaySqlScriptException s) {
                line = Math.max(line, s.getLineNumber());
                statement = s.getStatement();
            }
            if (t instanceof SQLException sql) {
                message = sql.getMessage();
                sqlState = sql.getSQLState();
            }
        }
        return new ScriptFailure(path, line, statement, sqlState, message == null ? e.toString() : message.strip());
    }
}
