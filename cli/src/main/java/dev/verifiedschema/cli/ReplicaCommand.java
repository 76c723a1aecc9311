package dev.verifiedschema.cli;

import dev.verifiedschema.contract.Contract;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that rebuilds the live database's migrations on a throwaway replica (drift, rehearse):
 * a live database, the migrations and contract, and the schema to compare.
 */
abstract class ReplicaCommand extends DatabaseCommand {
    @Mixin
    MigrationOptions migrations;

    @Option(names = "--schema", description = "the schema (default: the contract's, else public)")
    String schema;

    /** The schema asked for, else the contract's, else {@code public}. */
    String schema(Contract contract) {
        return schema != null ? schema : contract != null ? contract.schema() : "public";
    }
}
