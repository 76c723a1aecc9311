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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FlywayRunner.class);
    private final ReusedConnections connections;
    private final MigrationSet set;
    private final String schema;
    private boolean validated;
    /** A repeatable prefix no file has: holds the repeatables back in a migration to a target version. */
    private static final String HIDDEN_REPEATABLES = "verified-schema-holds-back-repeatables-";

    FlywayRunner(DataSource dataSource, MigrationSet set, String schema) {
        this.connections = new ReusedConnections(dataSource);
        this.set = set;
        this.schema = schema;
        if (!set.callbacks().isEmpty()) {
            LOG.info("SQL callbacks {} run where Flyway runs them; the stairway does not check what they change",
                    set.callbacks().stream().map(MigrationScript::fileName).toList());
        }
        if (!set.settings().ignored().isEmpty()) {
            LOG.warn("Flyway settings {} were ignored: the toolkit decides the connection, locations, schema, "
                    + "history table and target itself", set.settings().ignored());
        }
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
            FluentConfiguration configuration = Flyways.configure(connections, set, schema)
                    .validateOnMigrate(!validated && hasHistory());
            validated = true;
            if (target != null) {
                configuration.target(target.version().text());
                if (!set.repeatables().isEmpty()) {
                    // Flyway applies pending repeatables even up to a target: a view of a later version's
                    // table would fail here; the climb applies them after the versioned ones
                    configuration.repeatableSqlMigrationPrefix(HIDDEN_REPEATABLES);
                }
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

    /**
     * What failed, from Flyway's exception (or an SQL exception of a script Flyway ran), naming the
     * script and the line and column PostgreSQL placed the error at (in the file, not the statement).
     */
    static ScriptFailure failure(MigrationScript script, Exception e) {
        return failure(script, e, script == null ? java.util.List.of() : java.util.List.of(script));
    }

    static ScriptFailure failure(MigrationScript script, Exception e, java.util.List<MigrationScript> known) {
        String path = script == null ? "migrate" : script.path();
        MigrationScript text = script;
        int line = 0;
        int column = 0;
        String statement = null;
        String sqlState = null;
        String message = e.getMessage();
        int position = 0;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlywayMigrateException m) {
                line = Math.max(line, m.getLineNumber());
            }
            if (t instanceof FlywaySqlScriptException s) {
                line = Math.max(line, s.getLineNumber());
                statement = s.getStatement();
                if (s.getResource() != null) {
                    MigrationScript ran = named(known, s.getResource().getFilename());
                    if (ran != null) {
                        text = ran;
                        path = ran.path();
                    } else if (script == null) {
                        path = s.getResource().getFilename();
                    }
                }
            }
            if (t instanceof SQLException sql) {
                message = sql.getMessage();
                sqlState = sql.getSQLState();
                if (sql instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
                    var server = p.getServerErrorMessage();
                    message = server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
                    position = server.getPosition();
                }
            }
        }
        if (line == 0 && message != null) {
            // Flyway's message for statements that cannot share a transaction names the line only in its text
            var found = java.util.regex.Pattern.compile("statement found at line (\\d+)").matcher(message);
            if (found.find()) {
                line = Integer.parseInt(found.group(1));
            }
        }
        if (statement != null && line > 0) {
            int[] at = positionInFile(text == null ? null : text.sql(), line, statement, position);
            line = at[0];
            column = at[1];
        }
        return new ScriptFailure(path, line, column, statement, sqlState, message == null ? e.toString() : message.strip());
    }

    /**
     * The line and column in the file of PostgreSQL's error position ({@code 0}: none) within a statement
     * that Flyway says starts on a line. The column on the statement's first line is found in the file
     * text; after placeholder replacement a column on a line with a placeholder before it may be off.
     */
    static int[] positionInFile(String fileText, int firstWordLine, String statement, int position) {
        // Flyway's line is its first word's; its text starts with the comments before that word
        int statementLine = firstWordLine - newlinesBeforeFirstWord(statement);
        int offset = Math.min(Math.max(position - 1, 0), statement.length());
        if (position <= 0) {
            offset = firstWord(statement);
        }
        String before = statement.substring(0, offset);
        int newlines = (int) before.chars().filter(ch -> ch == '\n').count();
        int line = statementLine + newlines;
        int column;
        if (newlines > 0) {
            column = offset - before.lastIndexOf('\n');
        } else {
            int start = 1;
            String[] lines = fileText == null ? new String[0] : fileText.split("\n", -1);
            if (statementLine - 1 < lines.length) {
                String firstLine = statement.lines().findFirst().orElse("").strip();
                int found = firstLine.isEmpty() ? -1 : lines[statementLine - 1].indexOf(firstLine);
                start = found < 0 ? 1 : found + 1;
            }
            column = start + offset;
        }
        return new int[]{line, column};
    }

    private static int newlinesBeforeFirstWord(String statement) {
        return (int) statement.substring(0, firstWord(statement)).chars().filter(ch -> ch == '\n').count();
    }

    /** The offset of a statement's first word, after whitespace and comments. */
    private static int firstWord(String statement) {
        int i = 0;
        while (i < statement.length()) {
            if (Character.isWhitespace(statement.charAt(i))) {
                i++;
            } else if (statement.startsWith("--", i)) {
                int end = statement.indexOf('\n', i);
                i = end < 0 ? statement.length() : end + 1;
            } else if (statement.startsWith("/*", i)) {
                int end = statement.indexOf("*/", i + 2);
                i = end < 0 ? statement.length() : end + 2;
            } else {
                return i;
            }
        }
        return 0;
    }

    static MigrationScript named(java.util.List<MigrationScript> scripts, String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        return scripts.stream().filter(s -> s.fileName().equals(name)).findFirst().orElse(null);
    }

}
