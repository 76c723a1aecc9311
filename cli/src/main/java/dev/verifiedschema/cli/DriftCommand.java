package dev.verifiedschema.cli;

import picocli.CommandLine.Command;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Rebuilds on a throwaway database what the live database's flyway_schema_history claims, and "
                + "reports every difference from the live schema (hand-made hotfixes, a missing column, an extra index), "
                + "changed checksums, and, with --contract, contract violations. Read-only on the live database."})
final class DriftCommand extends ReplicaCommand {
    @Override
    Result execute() throws Exception {
        db.require("drift");
        var set = migrations.set("drift");
        var contract = migrations.contractOrNull();
        String schema = schema(contract);
        Result result = new Result("drift");
        try (Scratch scratch = Scratch.embedded(0)) {
            DriftCheck drift = DriftCheck.run(this, db, set, contract, schema, scratch, result);
            String version = drift.liveVersion == null ? "no version" : "V" + drift.liveVersion;
            boolean drifted = result.findings().stream().anyMatch(f -> f.failed() && !f.name().startsWith("contract "));
            boolean violations = result.findings().stream().anyMatch(f -> f.failed() && f.name().startsWith("contract "));
            return result.summary((drifted
                    ? "The live database (" + version + ") differs from what its migrations build."
                    : "No drift: the live database (" + version + ") is exactly what its migrations build.")
                    + (violations ? " It does not honour the contract (see the contract findings)." : ""));
        }
    }
}
