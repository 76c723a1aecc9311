package dev.verifiedschema.cli;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.migrate.MigrationLint;
import dev.verifiedschema.migrate.MigrationScript;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.Stairway;
import dev.verifiedschema.migrate.StairwayException;
import dev.verifiedschema.migrate.StairwayReport;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@Command(name = "rehearse", mixinStandardHelpOptions = true,
        description = {"The pre-upgrade gate: drift must be empty; the pending migrations are applied to a rebuilt "
                + "replica, undone and redone; the contract is checked at the new head; the pending scripts are "
                + "linted. Nothing is written to the live database. Ends with GO or NO-GO."})
final class RehearseCommand extends ReplicaCommand {
    @Override
    Result afterDriftCheck(Replica replica, Result result) {
        if (result.failed()) {
            return result.summary("NO-GO: the live database has drifted from its migrations; fix the drift first.");
        }
        MigrationSet set = replica.set();
        Contract contract = replica.contract();
        DriftCheck drift = replica.drift();
        Scratch scratch = replica.scratch();
        List<MigrationScript> pending = set.forwards().stream()
                .filter(f -> drift.liveVersion == null || f.version().compareTo(drift.liveVersion) > 0).toList();
        Stairway stairway = Stairway.of(set).withContract(contract).inSchema(replica.schema())
                .startingAt(drift.liveVersion);
        StairwayReport report;
        try {
            report = stairway.run(scratch.server().dataSource(scratch.newDatabase()));
        } catch (StairwayException e) {
            report = e.report();
        }
        VerifyCommand.fromReport(result, report);
        Set<String> pendingFiles = pending.stream().map(MigrationScript::fileName).collect(Collectors.toSet());
        MigrationLint.lint(set, contract).stream().filter(f -> pendingFiles.contains(f.file()))
                .forEach(f -> result.problem(f.file() + ":" + f.line() + " " + f.rule(), f.message()));
        String pendingText = pending.isEmpty() ? "no pending migrations"
                : pending.size() + " pending migration(s) " + pending.stream().map(p -> "V" + p.version())
                .collect(Collectors.joining(", "));
        return result.summary((result.failed() ? "NO-GO: " : "GO: ") + pendingText
                + (result.failed() ? " failed the rehearsal (see the findings)." : " rehearsed on a replica: "
                + "forward, undo and redo held, the contract holds at the new head, and lint is clean."));
    }
}
