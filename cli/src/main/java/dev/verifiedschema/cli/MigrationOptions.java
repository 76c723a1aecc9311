package dev.verifiedschema.cli;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.migrate.MigrationSet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code --migrations DIR}, {@code --contract FILE} and Flyway's settings ({@code --flyway-config FILE},
 * {@code --placeholder KEY=VALUE}), loaded with exit 2 on bad input.
 */
final class MigrationOptions {
    @Option(names = "--migrations", paramLabel = "DIR", description = "directory of V<version>__*.sql and U<version>__*.sql scripts")
    Path migrations;

    @Option(names = "--contract", paramLabel = "FILE", description = "the contract YAML to check")
    Path contract;

    @Mixin
    FlywaySettingsOptions flywaySettings = new FlywaySettingsOptions();

    MigrationSet set(String command) {
        if (migrations == null) {
            throw CliException.badInput(command + " needs --migrations DIR");
        }
        BaseCommand.existingDirectory(migrations, "--migrations");
        return MigrationSet.load(List.of("filesystem:" + migrations.toAbsolutePath()), flywaySettings.settings());
    }

    String location() {
        return "filesystem:" + migrations.toAbsolutePath();
    }

    /** The contract, or {@code null} when none was given. */
    Contract contractOrNull() {
        return contract == null ? null : ContractLoader.load(BaseCommand.existingFile(contract, "--contract"));
    }

    Contract requireContract(String command) {
        if (contract == null) {
            throw CliException.badInput(command + " needs --contract FILE");
        }
        return contractOrNull();
    }
}
