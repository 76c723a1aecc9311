package dev.verifiedschema.cli;

import dev.verifiedschema.compare.ContractCheck;
import picocli.CommandLine.Command;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Rebuilds on a throwaway database what the live database's flyway_schema_history claims, and "
                + "reports every difference from the live schema (hand-made hotfixes, a missing column, an extra index), "
                + "changed checksums, and, with --contract, contract violations. Read-only on the live database."})
final class DriftCommand extends ReplicaCommand {
    @Override
    Result afterDriftCheck(Replica replica, Result result) {
        if (replica.contract() != null) {
            ContractCheck.check(replica.contract(), replica.drift().live).forEach(v -> result.problem("contract "
                    + v.table() + (v.object() == null || v.object().equals(v.table()) ? "" : "." + v.object()),
                    v.describe()));
        }
        String version = replica.drift().liveVersion == null ? "no version" : "V" + replica.drift().liveVersion;
        boolean drifted = result.findings().stream().anyMatch(f -> f.failed() && !f.name().startsWith("contract "));
        boolean violations = result.findings().stream().anyMatch(f -> f.failed() && f.name().startsWith("contract "));
        return result.summary((drifted
                ? "The live database (" + version + ") differs from what its migrations build."
                : "No drift: the live database (" + version + ") is exactly what its migrations build.")
                + (violations ? " It does not honour the contract (see the contract findings)." : ""));
    }
}
