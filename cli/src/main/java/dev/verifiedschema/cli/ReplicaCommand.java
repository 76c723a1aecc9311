package dev.verifiedschema.cli;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.migrate.MigrationSet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that rebuilds the live database's migrations on a throwaway replica (drift, rehearse):
 * it takes a live database, the migrations and contract, and the schema to compare; it loads them,
 * checks the live database for drift from what its migrations build, and hands the rest to the
 * command with the replica's server still up.
 */
abstract class ReplicaCommand extends DatabaseCommand {
    @Mixin
    MigrationOptions migrations;

    @Option(names = "--schema", description = "the schema (default: the contract's, else public)")
    String schema;

    @Option(names = "--accept-edited-migrations", description = "report applied migrations whose script was "
            + "edited since (a changed checksum) without failing on them")
    boolean acceptEditedMigrations;

    /**
     * What the command was given and what the drift check found: the migrations, the contract (or
     * {@code null}), the schema compared, the throwaway server, and the live version and schema.
     */
    record Replica(MigrationSet set, Contract contract, String schema, Scratch scratch, DriftCheck drift) {
    }

    /** What the command does once the drift check has put its findings into the result. */
    abstract Result afterDriftCheck(Replica replica, Result result) throws Exception;

    @Override
    final Result execute() throws Exception {
        String command = spec.name();
        db.require(command);
        MigrationSet set = migrations.set(command);
        Contract contract = migrations.contractOrNull();
        String schema = schema(contract);
        Result result = new Result(command);
        try (Scratch scratch = Scratch.embedded(0)) {
            DriftCheck drift = DriftCheck.run(this, db, set, schema, scratch, result, acceptEditedMigrations);
            return afterDriftCheck(new Replica(set, contract, schema, scratch, drift), result);
        }
    }

    /** The schema asked for, else the contract's, else {@code public}. */
    private String schema(Contract contract) {
        return schema != null ? schema : contract != null ? contract.schema() : "public";
    }
}
