package dev.verifiedschema.cli;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.migrate.FixtureSet;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.Stairway;
import dev.verifiedschema.migrate.StairwayException;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.migrate.StepResult;
import dev.verifiedschema.migrate.UndoPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Runs the full stairway on a throwaway database: every migration forward, undone, redone, "
                + "compared; the contract at head; a full downgrade to zero.",
                "Embedded PostgreSQL by default; with --url, a scratch database on that server (dropped afterwards)."})
final class VerifyCommand extends DatabaseCommand {
    @Mixin
    MigrationOptions migrations;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "fixture scripts <version>__<desc>.sql, loaded after each version")
    Path fixtures;

    @Option(names = "--undo", defaultValue = "required", paramLabel = "POLICY",
            description = "required (default), optional or none")
    String undo;

    @Option(names = "--no-full-downgrade", description = "skip undoing everything from head to zero")
    boolean noFullDowngrade;

    @Option(names = "--pg-version", paramLabel = "N", defaultValue = "0",
            description = "PostgreSQL major version for embedded PostgreSQL (must match the binaries on the classpath)")
    int pgVersion;

    @Override
    Result execute() {
        MigrationSet set = migrations.set("verify");
        Contract contract = migrations.contractOrNull();
        FixtureSet fixtureSet = fixtures == null ? FixtureSet.none()
                : FixtureSet.load("filesystem:" + existingDirectory(fixtures, "--fixtures").toAbsolutePath(),
                        set.settings());
        UndoPolicy policy = parsePolicy(undo);
        Stairway stairway = Stairway.of(set).withContract(contract).withFixtures(fixtureSet).withUndoPolicy(policy)
                .withFullDowngrade(!noFullDowngrade);
        StairwayReport report;
        try (Scratch scratch = db.given() ? Scratch.external(db.url, db.user, db.password(root.env))
                : Scratch.embedded(pgVersion)) {
            String database = scratch.newDatabase();
            try {
                report = stairway.run(scratch.server().dataSource(database));
            } catch (StairwayException e) {
                report = e.report();
            }
        }
        return fromReport(new Result("verify"), report);
    }

    static UndoPolicy parsePolicy(String text) {
        try {
            return UndoPolicy.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--undo " + text + ": allowed values are required, optional, none");
        }
    }

    static Result fromReport(Result result, StairwayReport report) {
        result.summary(report.describe().lines().findFirst().orElse(""))
                .details((report.remediationSql() == null || report.remediationSql().isBlank() ? ""
                        : "Remediation SQL (write it into the next migration, with its undo script):\n"
                        + report.remediationSql() + "\n")
                        + (report.steps().isEmpty() ? "" : "Steps:\n" + report.steps().stream()
                        .map(s -> "  " + s.describe()).collect(java.util.stream.Collectors.joining("\n"))));
        for (StepResult step : report.steps()) {
            result.passed("V" + step.version(), step.describe());
        }
        if (report.failure() != null) {
            StairwayReport.Failure f = report.failure();
            result.problem((f.version() == null ? "" : "V" + f.version() + " ") + f.step()
                    + (f.script() == null ? "" : " (" + f.script() + ")"), f.message().strip());
        }
        report.violations().forEach(v -> result.problem(v.table() + (v.object() == null || v.object().equals(v.table())
                ? "" : "." + v.object()), v.describe()));
        try {
            return result.put("stairway", new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toJson()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The stairway report is not valid JSON", e);
        }
    }
}
