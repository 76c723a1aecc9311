package dev.verifiedschema.cli;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.migrate.Baseline;
import dev.verifiedschema.migrate.Finding;
import dev.verifiedschema.migrate.FixtureSet;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.SessionTimeouts;
import dev.verifiedschema.migrate.Stairway;
import dev.verifiedschema.migrate.StairwayException;
import dev.verifiedschema.migrate.StairwayJUnit;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.migrate.StepResult;
import dev.verifiedschema.migrate.UndoPolicy;
import dev.verifiedschema.provision.ProviderKind;
import dev.verifiedschema.provision.ServerSettings;
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

    @Option(names = "--fail-fast", description = "stop at the first failing step (default: go on and report every one)")
    boolean failFast;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", description = "how long a statement may wait for a "
            + "lock (500ms, 30s, 0 for no limit; default 30s)")
    String lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", description = "how long a statement may run "
            + "(default 10min)")
    String statementTimeout;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "accept the findings recorded in this baseline: report them, fail only on new ones")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "record every finding of this run in FILE (to adopt the stairway on an existing set)")
    Path writeBaseline;

    @Mixin
    DesignLintOptions designLint = new DesignLintOptions();

    @Option(names = "--cross-check", description = "read the head a second way, through pgjdbc's DatabaseMetaData, "
            + "and fail if it disagrees with the toolkit's own reading (a toolkit fault, reported with both)")
    boolean crossCheck;

    @Option(names = "--schema-docs", paramLabel = "DIR", description = "write the head's documentation into DIR: "
            + "schema.html (one self-contained page) and schema.txt (text to diff two heads with)")
    Path schemaDocs;

    @Option(names = "--pg-version", paramLabel = "N", defaultValue = "0",
            description = "PostgreSQL major version for embedded PostgreSQL (must match the binaries on the classpath)")
    int pgVersion;

    @Override
    Result execute() {
        try (Scratch scratch = db.given() ? Scratch.external(db.url, db.user, db.password(root.env))
                : Scratch.embedded(pgVersion)) {
            return execute(scratch); // the server starts while the files are read
        }
    }

    private Result execute(Scratch scratch) {
        MigrationSet set = migrations.set("verify");
        Contract contract = migrations.contractOrNull();
        FixtureSet fixtureSet = fixtures == null ? FixtureSet.none()
                : FixtureSet.load("filesystem:" + existingDirectory(fixtures, "--fixtures").toAbsolutePath(),
                        set.settings());
        UndoPolicy policy = parsePolicy(undo);
        if (failFast && writeBaseline != null) {
            throw CliException.badInput("--fail-fast and --write-baseline exclude each other: a baseline records "
                    + "every finding, and --fail-fast stops at the first");
        }
        if (baseline != null && writeBaseline != null) {
            throw CliException.badInput("--baseline and --write-baseline exclude each other: write the baseline "
                    + "once, then verify with it");
        }
        Stairway stairway = Stairway.of(set).withContract(contract).withFixtures(fixtureSet).withUndoPolicy(policy)
                .withFullDowngrade(!noFullDowngrade).failFast(failFast)
                .withBaseline(baseline == null ? null : Baseline.load(existingFile(baseline, "--baseline")))
                .withDesignLint(designLint.apply(DesignLintSettings.of(contract))).withSchemaDocs(schemaDocs)
                .withCrossCheck(crossCheck)
                .withTimeouts(new SessionTimeouts(
                        lockTimeout == null ? SessionTimeouts.DEFAULT.lock() : SessionTimeouts.parse("--lock-timeout", lockTimeout),
                        statementTimeout == null ? SessionTimeouts.DEFAULT.statement()
                                : SessionTimeouts.parse("--statement-timeout", statementTimeout)));
        StairwayReport report;
        String database = scratch.newDatabase();
        try {
            report = stairway.run(scratch.server().dataSource(database));
        } catch (StairwayException e) {
            report = e.report();
        }
        Result result = new Result("verify");
        if (writeBaseline != null) {
            Baseline.write(writeBaseline, report);
            report = report.acceptedBy(Baseline.load(writeBaseline));
            result.put("baselineWritten", writeBaseline.toAbsolutePath().toString());
        }
        fromReport(result, report);
        if (writeBaseline != null) {
            long recorded = report.findings().stream().filter(f -> !f.fails()).count();
            result.summary("Baseline of " + recorded + " finding" + (recorded == 1 ? "" : "s") + " written to "
                    + writeBaseline + "; verify with --baseline " + writeBaseline + " to fail only on new findings. "
                    + result.summary());
        }
        return result.junit(StairwayJUnit.xml(report, contract == null ? java.util.List.of()
                : contract.tables().keySet(), result.details()));
    }

    /** The embedded server's settings for a PostgreSQL major (0: the classpath's binaries). */
    static ServerSettings embeddedSettings(int pgVersion) {
        return new ServerSettings(ProviderKind.EMBEDDED, null, null, null, pgVersion, null);
    }

    static UndoPolicy parsePolicy(String text) {
        try {
            return UndoPolicy.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--undo " + text + ": allowed values are required, optional, none");
        }
    }

    static Result fromReport(Result result, StairwayReport report) {
        String accepted = report.findings().stream().filter(f -> !f.fails())
                .map(f -> "  " + f.where() + " [" + f.accepted() + "]: " + f.message().strip().lines().findFirst()
                        .orElse("")).collect(java.util.stream.Collectors.joining("\n"));
        String gone = report.baselineGone().stream().map(e -> "  - " + e.describe())
                .collect(java.util.stream.Collectors.joining("\n"));
        result.summary(report.describe().lines().findFirst().orElse(""))
                .details((report.remediationSql() == null || report.remediationSql().isBlank() ? ""
                        : "Remediation SQL (write it into the next migration, with its undo script):\n"
                        + report.remediationSql() + "\n")
                        + (accepted.isEmpty() ? "" : "Accepted findings (reported, not failed):\n" + accepted + "\n")
                        + dev.verifiedschema.crawler.DesignFinding.warnings(report.designLint())
                        + (gone.isEmpty() ? "" : "Baseline entries that no longer occur (remove them from the "
                        + "baseline):\n" + gone + "\n")
                        + (report.steps().isEmpty() ? "" : "Steps:\n" + report.steps().stream()
                        .map(s -> "  " + s.describe()).collect(java.util.stream.Collectors.joining("\n"))));
        for (StepResult step : report.steps()) {
            result.passed("V" + step.version(), step.describe());
        }
        for (Finding f : report.findings()) {
            if (f.fails()) {
                result.problem(f.where(), f.message().strip());
            } else {
                result.passed(f.where(), "accepted (" + f.accepted() + "): " + f.message().strip());
            }
        }
        report.baselineGone().forEach(e -> result.passed("baseline", "no longer occurs, remove it from the baseline: "
                + e.describe()));
        report.violations().forEach(v -> result.problem(v.table() + (v.object() == null || v.object().equals(v.table())
                ? "" : "." + v.object()), v.describe()));
        return result.put("stairway", new Result.Json(report.toJson()));
    }
}
