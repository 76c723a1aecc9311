package dev.verifiedschema.cli;

import dev.verifiedschema.migrate.LiveMigrations;
import dev.verifiedschema.migrate.MigrationSet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code --migrations DIR}, {@code --schema} and Flyway's settings ({@code --flyway-config FILE},
 * {@code --placeholder KEY=VALUE}) for the commands that drive Flyway on a live database.
 */
final class FlywayOptions {
    @Option(names = "--migrations", paramLabel = "DIR", required = true, description = "directory of V and U scripts")
    Path migrations;

    @Option(names = "--schema", defaultValue = "public", description = "the schema that holds flyway_schema_history")
    String schema;

    @Mixin
    FlywaySettingsOptions flywaySettings = new FlywaySettingsOptions();

    String location() {
        return "filesystem:" + BaseCommand.existingDirectory(migrations, "--migrations").toAbsolutePath();
    }

    /** The migration set, read with the Flyway settings asked for. */
    MigrationSet set() {
        return MigrationSet.load(List.of(location()), flywaySettings.settings());
    }

    /** The set's migrations on the live database. */
    LiveMigrations live(DatabaseOptions db, Map<String, String> env) {
        return LiveMigrations.of(db.dataSource(env), set(), schema);
    }
}
