package dev.verifiedschema.cli;

import dev.verifiedschema.migrate.MigrationLint;
import dev.verifiedschema.migrate.MigrationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Finds operations that lock or break a live table: NOT NULL column without default, CREATE INDEX "
                + "without CONCURRENTLY on an existing table, rewriting type changes, dropping or renaming what the "
                + "contract requires, foreign keys without NOT VALID, ALTER TABLE without lock_timeout.",
                "Disable rules for one file with a comment: -- verified-schema:disable rule-name[,rule-name]"})
final class LintCommand extends BaseCommand {
    @Mixin
    MigrationOptions migrations;

    @Override
    Result execute() {
        MigrationSet set = migrations.set("lint");
        var findings = MigrationLint.lint(set, migrations.contractOrNull());
        Result result = new Result("lint").summary(findings.isEmpty()
                ? "No lint findings in " + set.forwards().size() + " migration(s)."
                : findings.size() + " lint finding(s) in " + set.forwards().size() + " migration(s).");
        findings.forEach(f -> result.problem(f.file() + ":" + f.line() + " " + f.rule(), f.message()));
        return result;
    }
}
