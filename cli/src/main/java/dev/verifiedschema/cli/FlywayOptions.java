package dev.verifiedschema.cli;

import dev.verifiedschema.migrate.Flyways;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code --migrations DIR} and {@code --schema} for the commands that drive Flyway on a live database. */
final class FlywayOptions {
    @Option(names = "--migrations", paramLabel = "DIR", required = true, description = "directory of V and U scripts")
    Path migrations;

    @Option(names = "--schema", defaultValue = "public", description = "the schema that holds flyway_schema_history")
    String schema;

    String location() {
        return "filesystem:" + BaseCommand.existingDirectory(migrations, "--migrations").toAbsolutePath();
    }

    FluentConfiguration configure(DatabaseOptions db, Map<String, String> env) {
        return Flyways.configure(db.dataSource(env), List.of(location()), schema);
    }
}
