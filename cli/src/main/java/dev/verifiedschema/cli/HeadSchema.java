package dev.verifiedschema.cli;

import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.migrate.LiveMigrationException;
import dev.verifiedschema.migrate.LiveMigrations;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.snapshot.SchemaSnapshot;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The schema a directory of migrations builds at head: migrated with Flyway on a scratch database
 * of embedded PostgreSQL (dropped afterwards) and inspected. {@code snapshot --migrations} prints it
 * as a contract; {@code check} and {@code remediate} take the types of untyped contract columns from it.
 */
final class HeadSchema {
    private HeadSchema() {
    }

    /**
     * The snapshot of the schema at head.
     *
     * @param migrations the {@code --migrations} directory (exit 2 when it does not exist or its
     *                   scripts are misnamed, as for every command that reads migrations)
     * @param schema     the schema to migrate and inspect
     * @throws CliException exit 1 when a migration fails, naming the directory
     */
    static SchemaSnapshot build(Path migrations, String schema) throws SQLException {
        return build(migrations, schema, c -> SchemaInspector.create().inspect(c, schema));
    }

    /** What a reader makes of the head's schema, on a connection to the scratch database. */
    interface Reader<T> {
        T read(Connection connection) throws SQLException;
    }

    /**
     * What a reader makes of the schema at head.
     *
     * @throws CliException exit 1 when a migration fails, naming the directory
     */
    static <T> T build(Path migrations, String schema, Reader<T> reader) throws SQLException {
        BaseCommand.existingDirectory(migrations, "--migrations");
        try (Scratch scratch = Scratch.embedded(0)) {
            DataSource database = scratch.server().dataSource(scratch.newDatabase());
            MigrationSet set = MigrationSet.load(List.of("filesystem:" + migrations.toAbsolutePath()));
            try {
                LiveMigrations.of(database, set, schema).migrateTo(null);
            } catch (LiveMigrationException e) {
                throw new CliException(CliException.PROBLEMS, "The migrations in " + migrations
                        + " do not build a schema at head on a scratch database: "
                        + e.getMessage().strip().lines().findFirst().orElse("")
                        + " (run verify --migrations " + migrations + " for the full report)", e);
            }
            try (Connection c = database.getConnection()) {
                return reader.read(c);
            }
        }
    }
}
