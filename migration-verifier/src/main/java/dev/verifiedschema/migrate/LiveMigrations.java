package dev.verifiedschema.migrate;

import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * A migration set on a database that is not the stairway's own: what a front end's lifecycle
 * commands do with a live database (its status, the versions applied, an upgrade, an undo, the
 * validation of what it applied against the scripts) and the plain migrations of scratch databases
 * (a replica at a version, a head to read). Flyway is configured here exactly as for the stairway
 * ({@link Flyways}), so no front end configures it, or imports it, on its own.
 *
 * <pre>{@code
 * LiveMigrations live = LiveMigrations.of(dataSource, MigrationSet.load(List.of("filesystem:db/migration")), "public");
 * LiveMigrations.Status status = live.status();      // current version, pending scripts
 * }</pre>
 */
public final class LiveMigrations {
    private final DataSource dataSource;
    private final MigrationSet set;
    private final String schema;

    private LiveMigrations(DataSource dataSource, MigrationSet set, String schema) {
        this.dataSource = dataSource;
        this.set = set;
        this.schema = schema;
    }

    /** The set's migrations on a database, with Flyway's history in this schema. */
    public static LiveMigrations of(DataSource dataSource, MigrationSet set, String schema) {
        return new LiveMigrations(dataSource, set, schema);
    }

    /**
     * Where the database stands.
     *
     * @param version        the current version, or {@code null} when nothing is applied
     * @param description    its description, or {@code null}
     * @param pendingVersions the versions Flyway would apply next, in order
     * @param pendingScripts  their scripts' file names
     */
    public record Status(String version, String description, List<String> pendingVersions,
                         List<String> pendingScripts) {
        public Status {
            pendingVersions = List.copyOf(pendingVersions);
            pendingScripts = List.copyOf(pendingScripts);
        }
    }

    /**
     * One migration an upgrade applied.
     *
     * @param version the version
     * @param script  the script's file name
     * @param ms      how long it took
     */
    public record Applied(String version, String script, long ms) {
    }

    /**
     * What an upgrade did.
     *
     * @param from    the version before, or {@code null} when nothing was applied
     * @param to      the version after, or {@code null}
     * @param applied every migration applied, in order
     */
    public record Upgrade(String from, String to, List<Applied> applied) {
        public Upgrade {
            applied = List.copyOf(applied);
        }
    }

    /**
     * Something Flyway's validation of the applied migrations against the scripts found.
     *
     * @param version the version concerned
     * @param edited  whether the only problem is a changed checksum: the script was edited after it was applied
     * @param message Flyway's explanation
     */
    public record HistoryProblem(String version, boolean edited, String message) {
    }

    /** Where the database stands: its current version and what is pending. */
    public Status status() {
        MigrationInfoService info;
        try {
            info = configure().load().info();
        } catch (FlywayException e) {
            throw new LiveMigrationException(e.getMessage().strip(), e);
        }
        MigrationInfo current = info.current();
        List<MigrationInfo> pending = Arrays.asList(info.pending());
        return new Status(current == null ? null : current.getVersion().getVersion(),
                current == null ? null : current.getDescription(),
                pending.stream().map(p -> p.getVersion() == null ? "" : p.getVersion().getVersion()).toList(),
                pending.stream().map(MigrationInfo::getScript).toList());
    }

    /**
     * Applies the pending migrations, up to a version or to the newest.
     *
     * @param target the version to stop at, or {@code null} for the newest
     * @throws LiveMigrationException when a migration fails (Flyway rolled it back where it could)
     */
    public Upgrade upgrade(String target) {
        FluentConfiguration configuration = configure();
        if (target != null) {
            configuration.target(target);
        }
        try {
            MigrateResult result = configuration.load().migrate();
            return new Upgrade(result.initialSchemaVersion, result.targetSchemaVersion, result.migrations.stream()
                    .map(m -> new Applied(m.version, m.filepath.replaceAll(".*[/\\\\]", ""), m.executionTime)).toList());
        } catch (FlywayException e) {
            throw new LiveMigrationException(e.getMessage().strip(), e);
        }
    }

    /** Migrates plainly to a version (or to the newest for {@code null}), as a replica stands. */
    public void migrateTo(MigrationVersion version) {
        FluentConfiguration configuration = configure();
        if (version != null) {
            configuration.target(version.text());
        }
        try {
            configuration.load().migrate();
        } catch (FlywayException e) {
            throw new LiveMigrationException(e.getMessage().strip(), e);
        }
    }

    /** The versions recorded as successfully applied, oldest first; empty when nothing ever was. */
    public List<MigrationVersion> applied() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return FlywayHistory.appliedVersions(connection, schema);
        }
    }

    /**
     * Undoes one version on the database: its undo script and the deletion of its history row, in
     * one transaction, holding Flyway's own lock on the history table (the advisory lock Flyway's
     * {@code migrate} takes), so an undo and a migration never run at once.
     *
     * @return {@code null} on success, else what failed (nothing of it was kept)
     * @throws LiveMigrationException when another session holds Flyway's lock, or the version is not the
     *                                newest applied one under it (nothing was undone)
     */
    public ScriptFailure undo(MigrationScript undo) throws SQLException {
        long lock = flywayLock(schema);
        try (Connection connection = dataSource.getConnection()) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_catalog.pg_try_advisory_lock(" + lock + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new LiveMigrationException("another session holds Flyway's lock on " + historyTable(schema)
                            + " (a migration or an undo is running on this database); nothing was undone. Wait "
                            + "for it to finish and run again.", null);
                }
            }
            try {
                // what was newest when the command chose may not be any more (a migration ran meanwhile)
                List<MigrationVersion> applied = FlywayHistory.appliedVersions(connection, schema);
                MigrationVersion newest = applied.isEmpty() ? null : applied.get(applied.size() - 1);
                if (!undo.version().equals(newest)) {
                    throw new LiveMigrationException("V" + undo.version() + " is not the newest applied version any "
                            + "more (the database is at " + (newest == null ? "no version" : "V" + newest) + "; a "
                            + "migration or undo ran meanwhile); nothing was undone. Look at the history and run again.",
                            null);
                }
                return UndoScripts.undo(connection, undo, schema);
            } finally {
                try (Statement s = connection.createStatement()) {
                    s.execute("SELECT pg_catalog.pg_advisory_unlock(" + lock + ")");
                }
            }
        }
    }

    /**
     * The key of the advisory lock Flyway's PostgreSQL support takes while it migrates: a constant
     * ("Flyway" in ASCII) plus the Java hash of the history table's quoted name.
     */
    public static long flywayLock(String schema) {
        long flyway = (0x46L << 40) + (0x6CL << 32) + (0x79L << 24) + (0x77L << 16) + (0x61L << 8) + 0x79L;
        return flyway + historyTable(schema).hashCode();
    }

    private static String historyTable(String schema) {
        return "\"" + schema.replace("\"", "\"\"") + "\".\"flyway_schema_history\"";
    }

    /**
     * Flyway's validation of the applied migrations against the scripts, leaving out what is only
     * pending (not yet applied) or missing (applied from scripts no longer there: the caller checks those).
     */
    public List<HistoryProblem> validateApplied() {
        try {
            return configure().ignoreMigrationPatterns("*:pending", "*:missing", "*:future").load()
                    .validateWithResult().invalidMigrations.stream().map(LiveMigrations::problem).toList();
        } catch (FlywayException e) {
            throw new LiveMigrationException(e.getMessage().strip(), e);
        }
    }

    private static HistoryProblem problem(ValidateOutput invalid) {
        String message = invalid.errorDetails == null ? "it does not match the scripts"
                : invalid.errorDetails.errorMessage.strip();
        boolean edited = invalid.errorDetails != null && invalid.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH;
        return new HistoryProblem(invalid.version, edited, message);
    }

    private FluentConfiguration configure() {
        return Flyways.configure(dataSource, set, schema);
    }
}
