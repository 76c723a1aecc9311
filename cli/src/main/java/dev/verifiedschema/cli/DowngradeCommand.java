package dev.verifiedschema.cli;

import dev.verifiedschema.migrate.LiveMigrationException;
import dev.verifiedschema.migrate.LiveMigrations;
import dev.verifiedschema.migrate.MigrationScript;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.MigrationVersion;
import dev.verifiedschema.migrate.ScriptFailure;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;


@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = {"Runs undo scripts (U<version>__*.sql) of the newest applied versions in reverse order and "
                + "removes their rows from flyway_schema_history (like alembic downgrade -1). Works on Flyway Community.",
                "Refuses without --yes when stdin is not a terminal, refuses versions that have no undo script, and "
                        + "refuses a live database that has drifted from its migrations unless --force. Holds "
                        + "Flyway's lock while it undoes."})
final class DowngradeCommand extends DatabaseCommand {
    @Mixin
    FlywayOptions flyway;

    @ArgGroup(exclusive = true)
    Amount amount = new Amount();

    static final class Amount {
        @Option(names = "--steps", paramLabel = "N", description = "undo the newest N versions (default 1)")
        Integer steps;

        @Option(names = "--target", paramLabel = "V", description = "undo every version above V")
        String target;
    }

    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

    @Option(names = "--force", description = "downgrade even when the live database has drifted from its "
            + "migrations (skips the drift check)")
    boolean force;

    @Override
    Result execute() throws Exception {
        db.require("downgrade").writing();
        MigrationSet set = flyway.set();
        db.requireReachable(root.env);
        LiveMigrations live = LiveMigrations.of(db.dataSource(root.env), set, flyway.schema);
        List<MigrationVersion> applied = new ArrayList<>(live.applied());
        java.util.Collections.reverse(applied);
        List<MigrationVersion> chosen = chosen(applied);
        if (chosen.isEmpty()) {
            return new Result("downgrade").summary("Nothing to downgrade.");
        }
        List<MigrationScript> undos = new ArrayList<>();
        Result result = new Result("downgrade");
        for (MigrationVersion v : chosen) {
            set.undo(v).ifPresentOrElse(undos::add, () -> result.problem("V" + v, "V" + v
                    + " has no undo script U" + v + "__*.sql in " + flyway.migrations + "; refusing to downgrade"));
        }
        if (result.failed()) {
            return result.summary("Nothing was undone.");
        }
        Result refused = WriteGate.refusal(this, set, flyway.schema, force);
        if (refused != null) {
            return refused;
        }
        WriteGate.announce(this, "About to undo " + undos.size() + " version(s) on " + db.masked() + ", newest first: "
                + undos.stream().map(MigrationScript::fileName).reduce((a, b) -> a + ", " + b).orElse("") + ".");
        confirm(chosen);
        for (MigrationScript undo : undos) {
            ScriptFailure failure;
            try {
                failure = live.undo(undo);
            } catch (LiveMigrationException locked) {
                return result.summary("Stopped before V" + undo.version() + ": " + locked.getMessage())
                        .problem("V" + undo.version(), locked.getMessage());
            }
            if (failure != null) {
                return result.summary("Stopped: undo of V" + undo.version() + " failed and was rolled back.")
                        .problem("V" + undo.version(), failure.describe());
            }
            result.passed("V" + undo.version(), "undone with " + undo.fileName());
        }
        return result.summary("Undid " + undos.size() + " version(s): "
                + chosen.stream().map(v -> "V" + v).reduce((a, b) -> a + ", " + b).orElse("") + ".");
    }

    private List<MigrationVersion> chosen(List<MigrationVersion> applied) {
        if (amount.target != null) {
            MigrationVersion target = MigrationVersion.parse(amount.target);
            if (target == null) {
                throw CliException.badInput("--target " + amount.target + " is not a version (digits and dots)");
            }
            return applied.stream().filter(v -> v.compareTo(target) > 0).toList();
        }
        int steps = amount.steps == null ? 1 : amount.steps;
        if (steps < 1) {
            throw CliException.badInput("--steps must be at least 1");
        }
        return applied.subList(0, Math.min(steps, applied.size()));
    }

    private void confirm(List<MigrationVersion> chosen) throws java.io.IOException {
        if (yes) {
            return;
        }
        String what = "undo " + chosen.stream().map(v -> "V" + v).reduce((a, b) -> a + ", " + b).orElse("")
                + " on " + db.masked();
        if (!root.interactive) {
            throw CliException.badInput("Refusing to " + what + " without --yes: stdin is not a terminal.");
        }
        spec.commandLine().getOut().print("About to " + what + ". Type yes to continue: ");
        spec.commandLine().getOut().flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (!"yes".equalsIgnoreCase(answer == null ? "" : answer.strip())) {
            throw CliException.badInput("Not confirmed; nothing was undone.");
        }
    }
}
