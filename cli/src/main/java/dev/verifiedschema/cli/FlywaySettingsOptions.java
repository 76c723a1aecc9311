package dev.verifiedschema.cli;

import dev.verifiedschema.migrate.FlywaySettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --flyway-config FILE} and {@code --placeholder KEY=VALUE}: Flyway's own settings for the
 * commands that drive Flyway, the placeholders winning over the file.
 */
final class FlywaySettingsOptions {
    @Option(names = "--flyway-config", paramLabel = "FILE",
            description = "a flyway.conf or flyway.toml whose Flyway settings apply (placeholders, mixed, "
                    + "executeInTransaction, sqlMigrationPrefix, ...); connection, locations and schema come from this command")
    Path config;

    @Option(names = "--placeholder", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "a Flyway placeholder (${KEY} in the scripts); repeatable; wins over --flyway-config")
    Map<String, String> placeholders = new LinkedHashMap<>();

    /** The settings asked for (Flyway's defaults when none). */
    FlywaySettings settings() {
        FlywaySettings settings = config == null ? FlywaySettings.none()
                : FlywaySettings.load(BaseCommand.existingFile(config, "--flyway-config"));
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            if (placeholder.getKey().isBlank()) {
                throw CliException.badInput("--placeholder =" + placeholder.getValue() + ": the placeholder has no "
                        + "name; write KEY=VALUE, as in --placeholder tenant=acme for ${tenant}");
            }
            settings = settings.withPlaceholder(placeholder.getKey(), placeholder.getValue());
        }
        return settings;
    }
}
