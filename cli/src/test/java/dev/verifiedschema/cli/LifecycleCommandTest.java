package dev.verifiedschema.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;

import static dev.verifiedschema.cli.CliHarness.CONTRACT;
import static dev.verifiedschema.cli.CliHarness.MIGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** status, history, upgrade, downgrade, drift, rehearse and lint against a "production" database. */
class LifecycleCommandTest {
    private static CliHarness cli;
    private String production;

    @BeforeAll
    static void start() {
        cli = new CliHarness();
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    @AfterEach
    void dropProduction() {
        if (production != null) {
            cli.server().dropDatabase(production);
        }
    }

    private String[] db(String... more) {
        return Stream.concat(Stream.of("--url", cli.url(production)), Stream.of(more)).toArray(String[]::new);
    }

    private CliHarness.Run run(String command, String... more) {
        return cli.run(Stream.concat(Stream.of(command), Stream.of(db(more))).toArray(String[]::new));
    }

    @Test
    void statusUpgradeHistoryAndDowngradeWalkTheVersions() {
        production = cli.production("4");
        String dir = MIGRATIONS.toString();

        CliHarness.Run status = run("status", "--migrations", dir);
        assertThat(status.exitCode()).isEqualTo(0);
        assertThat(status.out()).contains("is at V4 feedbacks; 2 pending migration(s)", "pending V5 V5__users_consent.sql");

        CliHarness.Run upgrade = run("upgrade", "--migrations", dir);
        assertThat(upgrade.exitCode()).as(upgrade.err()).isEqualTo(0);
        assertThat(upgrade.out()).contains("Applied 2 migration(s)", "is now at V6");
        assertThat(upgrade.err()).as("said before it was done").contains("About to apply 2 migration(s) to "
                + cli.url(production) + " (now at V4): V5__users_consent.sql, V6__billing_and_history_indexes.sql.");

        CliHarness.Run history = run("history", "--format", "json");
        assertThat(history.out()).contains("\"version\" : \"6\"", "V6__billing_and_history_indexes.sql");

        CliHarness.Run refused = run("downgrade", "--migrations", dir);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("Refusing to undo V6", "without --yes: stdin is not a terminal");

        CliHarness.Run down = run("downgrade", "--migrations", dir, "--steps", "2", "--yes");
        assertThat(down.exitCode()).as(down.err()).isEqualTo(0);
        assertThat(down.out()).contains("Undid 2 version(s): V6, V5.");
        assertThat(down.err()).contains("About to undo 2 version(s) on " + cli.url(production)
                + ", newest first: U6__billing_and_history_indexes.sql, U5__users_consent.sql.");
        assertThat(run("status", "--migrations", dir).out()).contains("is at V4 feedbacks; 2 pending");

        CliHarness.Run toZero = run("downgrade", "--migrations", dir, "--target", "0", "--yes");
        assertThat(toZero.out()).contains("Undid 4 version(s): V4, V3, V2, V1.");
        assertThat(run("status", "--migrations", dir).out()).contains("is at no version (empty); 6 pending");
    }

    @Test
    void upgradeAndDowngradeRefuseADriftedDatabaseAndChangeNothingUnlessForced() throws Exception {
        production = cli.production("4");
        try (Connection c = cli.server().dataSource(production).getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE users ADD COLUMN hotfix_flag boolean");
        }
        String dir = MIGRATIONS.toString();

        CliHarness.Run upgrade = run("upgrade", "--migrations", dir);
        CliHarness.Run downgrade = run("downgrade", "--migrations", dir, "--yes");

        for (CliHarness.Run refused : java.util.List.of(upgrade, downgrade)) {
            assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(1);
            assertThat(refused.out()).contains("has drifted from its migrations", "nothing was changed", "--force",
                    "column users.hotfix_flag: only in the live database (not made by any migration)");
            assertThat(refused.err()).doesNotContain("About to");
        }
        assertThat(run("status", "--migrations", dir).out()).contains("is at V4 feedbacks; 2 pending");

        CliHarness.Run forced = run("upgrade", "--migrations", dir, "--force");
        assertThat(forced.exitCode()).as(forced.out() + forced.err()).isEqualTo(0);
        assertThat(forced.err()).contains("--force: the drift check is skipped", "About to apply 2 migration(s)");
        assertThat(forced.out()).contains("is now at V6");
    }

    @Test
    void downgradeStopsAndUndoesNothingWhileAnotherSessionHoldsFlywaysLock() throws Exception {
        production = cli.production("6");
        try (Connection other = cli.server().dataSource(production).getConnection();
             Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + dev.verifiedschema.migrate.LiveMigrations.flywayLock("public") + ")");

            CliHarness.Run locked = run("downgrade", "--migrations", MIGRATIONS.toString(), "--yes");

            assertThat(locked.exitCode()).isEqualTo(1);
            assertThat(locked.out()).contains("Stopped before V6: another session holds Flyway's lock on "
                    + "\"public\".\"flyway_schema_history\"", "nothing was undone");
        }
        assertThat(run("status", "--migrations", MIGRATIONS.toString()).out()).contains("is at V6");
    }

    @Test
    void underATestRunnerStdinIsNoTerminalSoDowngradeWouldAskForYes() {
        assertThat(VerifiedSchemaCli.stdinIsTerminal()).isFalse();
    }

    @Test
    void downgradeRefusesAVersionWithoutAnUndoScript(@TempDir Path dir) throws Exception {
        production = cli.production("6");
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("U6")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        CliHarness.Run run = run("downgrade", "--migrations", dir.toString(), "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Nothing was undone", "V6 has no undo script U6__*.sql");
    }

    @Test
    void driftFindsAHandMadeHotfixAndAMissingIndex() throws Exception {
        production = cli.production("6");
        assertThat(run("drift", "--migrations", MIGRATIONS.toString()).exitCode()).isEqualTo(0);
        try (Connection c = cli.server().dataSource(production).getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE users ADD COLUMN hotfix_flag boolean");
            s.execute("DROP INDEX hm_feedbacks_status_idx");
        }

        CliHarness.Run drift = run("drift", "--migrations", MIGRATIONS.toString(), "--contract", CONTRACT.toString());

        assertThat(drift.exitCode()).isEqualTo(1);
        assertThat(drift.out()).contains("differs from what its migrations build",
                "column users.hotfix_flag: only in the live database (not made by any migration): boolean nullable",
                "index hm_feedbacks.hm_feedbacks_status_idx: missing from the live database",
                "contract hm_feedbacks");
    }

    @Test
    void anAppliedMigrationEditedSinceIsNoGoUnlessAcceptedExplicitly(@TempDir Path dir) throws Exception {
        production = cli.production("4");
        Path edited = Files.createDirectories(dir.resolve("migration"));
        try (Stream<Path> scripts = Files.list(MIGRATIONS)) {
            for (Path script : scripts.toList()) {
                Files.copy(script, edited.resolve(script.getFileName()));
            }
        }
        Path v3 = edited.resolve("V3__match_records.sql");
        Files.writeString(v3, Files.readString(v3) + "\nCREATE INDEX hm_match_records_created_idx ON hm_match_records (created_at);\n");

        CliHarness.Run noGo = run("rehearse", "--migrations", edited.toString(), "--contract", CONTRACT.toString());
        CliHarness.Run accepted = run("rehearse", "--migrations", edited.toString(), "--contract", CONTRACT.toString(),
                "--accept-edited-migrations");

        assertThat(noGo.exitCode()).as(noGo.out() + noGo.err()).isEqualTo(1);
        assertThat(noGo.err()).isEmpty();
        assertThat(noGo.out()).startsWith("NO-GO: ").contains("V3 checksum: V3 was edited after the live database "
                + "applied it", "--accept-edited-migrations");
        // a history Flyway itself refuses (here: a description changed by hand) is no edit to accept
        try (Connection c = cli.server().dataSource(production).getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET description = 'renamed by hand' WHERE version = '2'");
        }
        CliHarness.Run refused = run("drift", "--migrations", MIGRATIONS.toString(), "--accept-edited-migrations");
        assertThat(refused.exitCode()).as(refused.out()).isEqualTo(1);
        assertThat(refused.out()).contains("V2 history: Flyway's validation of the live database fails at V2")
                .doesNotContain("V2 was edited");
        // accepted, the edit's index is still drift: the live database lacks it
        assertThat(accepted.out()).doesNotContain("V3 checksum: V3 was edited")
                .contains("index hm_match_records.hm_match_records_created_idx: missing from the live database");
    }

    @Test
    void rehearseSaysGoForSoundPendingMigrationsAndNoGoForABrokenUndo() {
        production = cli.production("4");

        CliHarness.Run go = run("rehearse", "--migrations", MIGRATIONS.toString(), "--contract", CONTRACT.toString());
        CliHarness.Run noGo = run("rehearse", "--migrations", cli.broken("undo-leaves-column").toString(),
                "--contract", CONTRACT.toString());

        assertThat(go.exitCode()).as(go.out() + go.err()).isEqualTo(0);
        assertThat(go.out()).startsWith("GO: 2 pending migration(s) V5, V6 rehearsed on a replica");
        assertThat(noGo.exitCode()).isEqualTo(1);
        assertThat(noGo.out()).startsWith("NO-GO: ").contains("undo of V5",
                "left behind: column users.consent_updated_at");
        assertThat(run("status", "--migrations", MIGRATIONS.toString()).out()).as("nothing written to production")
                .contains("is at V4");
    }

    @Test
    void lintNamesFileLineAndRuleAndHonoursDisableComments(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__base.sql"), """
                CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
                CREATE INDEX accounts_email_idx ON accounts (email);
                """);
        Files.writeString(dir.resolve("V2__risky.sql"), """
                ALTER TABLE accounts ADD COLUMN plan text NOT NULL;

                CREATE INDEX accounts_plan_idx ON accounts (plan);
                ALTER TABLE accounts ALTER COLUMN email TYPE varchar(100);
                ALTER TABLE accounts RENAME COLUMN email TO mail;
                """);
        Files.writeString(dir.resolve("V3__careful.sql"), """
                -- verified-schema:disable index-without-concurrently
                SET lock_timeout = '5s';
                CREATE INDEX accounts_id_idx ON accounts (id);
                ALTER TABLE accounts ADD COLUMN owner_id bigint REFERENCES accounts (id) NOT VALID;
                """);
        Files.writeString(dir.resolve("V4__commits.sql"), """
                BEGIN;
                CREATE TABLE notes (id bigint);
                COMMIT;
                CREATE TABLE tags (id bigint);
                COMMIT;
                """);
        Path contract = dir.resolve("contract.yaml");
        Files.writeString(contract, "tables:\n  accounts:\n    columns: [id, email]\n");

        CliHarness.Run lint = cli.run("lint", "--migrations", dir.toString(), "--contract", contract.toString());

        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.out()).contains(
                "V2__risky.sql:1 not-null-without-default", "V2__risky.sql:1 missing-lock-timeout",
                "V2__risky.sql:3 index-without-concurrently", "V2__risky.sql:4 rewriting-type-change",
                "V2__risky.sql:5 drops-required: renames column accounts.email, which the contract requires",
                "V4__commits.sql:3 commit-in-migration: COMMIT in the middle of a migration ends Flyway's transaction")
                .doesNotContain("V4__commits.sql:5")
                .doesNotContain("V1__base.sql", "V3__careful.sql");
        CliHarness.Run talentAi = cli.run("lint", "--migrations", MIGRATIONS.toString());
        assertThat(talentAi.exitCode()).as(talentAi.out()).isEqualTo(0);
        assertThat(talentAi.out()).startsWith("OK: No lint findings in 6 migration(s).");
    }
}
