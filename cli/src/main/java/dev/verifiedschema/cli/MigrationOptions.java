package dev.verifiedschema.cli;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.migrate.MigrationSet;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code --migrations DIR} and {@code --contract FILE}, loaded with exit 2 on bad input. */
final class MigrationOptions {
    @Option(names = "--migrations", paramLabel = "DIR", description = "directory of V<version>__*.sql and U<version>__*.sql scripts")
    Path migrations;

    @Option(names = "--contract", paramLabel = "FILE", description = "the contract YAML to check")
    Path contract;

    MigrationSet set(String command) {
        if (migrations == null) {
            throw CliException.badInput(command + " needs --migrations DIR");
        }
        BaseCommand.existingDirectory(migrations, "--migrations");
        return MigrationSet.load(List.of("filesystem:" + migrations.toAbsolutePath()));
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
