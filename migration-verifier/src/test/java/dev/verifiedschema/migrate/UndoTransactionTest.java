package dev.verifiedschema.migrate;

import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An undo script runs in one transaction of the toolkit's own: its own BEGIN/COMMIT wrapping is
 * fine, a COMMIT in its middle is refused before anything runs (so "nothing of a failed undo is kept"
 * stays true), and what it SETs for the session (role, search path) does not outlive it.
 */
@ExtendWith(TestServer.class)
class UndoTransactionTest {
    private PostgresServer server;

    @BeforeEach
    void sharedServer(PostgresServer server) {
        this.server = server;
    }

    private static MigrationSet set(Path dir, String undo) throws Exception {
        Files.writeString(dir.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        Files.writeString(dir.resolve("U1__accounts.sql"), "DROP TABLE accounts;\n");
        Files.writeString(dir.resolve("V2__plan.sql"), "ALTER TABLE accounts ADD COLUMN plan text;\n"
                + "CREATE TABLE plans (name text);\n");
        Files.writeString(dir.resolve("U2__plan.sql"), undo);
        return MigrationSet.load(List.of("filesystem:" + dir));
    }

    @Test
    void anUndoWrappedInItsOwnBeginAndCommitHolds(@TempDir Path dir) throws Exception {
        StairwayReport report = run(Stairway.of(set(dir, """
                -- written for psql
                BEGIN;
                ALTER TABLE accounts DROP COLUMN plan;
                DROP TABLE plans;
                COMMIT;
                """)));

        assertThat(report.passed()).as(report.describe()).isTrue();
    }

    @Test
    void aCommitInTheMiddleOfAnUndoIsRefusedBeforeAnyOfItRuns(@TempDir Path dir) throws Exception {
        // were the COMMIT run, the first statement would be kept and the failing third one rolled back alone
        StairwayException e = catchThrowableOfType(StairwayException.class, () -> run(Stairway.of(set(dir, """
                ALTER TABLE accounts DROP COLUMN plan;
                  COMMIT;
                DROP TABLE no_such_table;
                """))));

        assertThat(e).isNotNull();
        Finding undo = e.report().failures().get(0);
        assertThat(undo.where()).isEqualTo("V2 undo (U2__plan.sql)");
        assertThat(undo.message()).contains("U2__plan.sql line 2, column 3: COMMIT would end the one transaction "
                + "U2__plan.sql runs in", "Nothing of the script was run.");
        assertThat(e.report().failures()).as("no later step blames the half-kept undo").hasSize(1);
    }

    @Test
    void aRollbackToASavepointKeepsTheTransactionAndIsAllowed(@TempDir Path dir) throws Exception {
        StairwayReport report = run(Stairway.of(set(dir, """
                SAVEPOINT before_drop;
                DROP TABLE plans;
                ROLLBACK WORK TO SAVEPOINT before_drop;
                ALTER TABLE accounts DROP COLUMN plan;
                DROP TABLE plans;
                """)));

        assertThat(report.passed()).as(report.describe()).isTrue();
    }

    @Test
    void aLowerCaseCommitIsFoundAtItsColumn(@TempDir Path dir) throws Exception {
        StairwayException e = catchThrowableOfType(StairwayException.class, () -> run(Stairway.of(set(dir,
                "ALTER TABLE accounts DROP COLUMN plan;\n    commit;\nDROP TABLE plans;\n"))));

        assertThat(e.report().failures().get(0).message()).contains("U2__plan.sql line 2, column 5: COMMIT would end");
    }

    @Test
    void aRollbackAtTheEndIsRefusedToo(@TempDir Path dir) throws Exception {
        StairwayException e = catchThrowableOfType(StairwayException.class, () -> run(Stairway.of(set(dir,
                "ALTER TABLE accounts DROP COLUMN plan; DROP TABLE plans; ROLLBACK;\n"))));

        assertThat(e.report().failures().get(0).message()).contains("line 1, column 58: ROLLBACK would end");
    }

    @Test
    void theRoleAndSearchPathAnUndoSetsDoNotOutliveIt(@TempDir Path dir) throws Exception {
        // SET (not SET LOCAL) lasts for the session: without the restore the history bookkeeping, the later
        // steps and the final downgrade would run as pg_monitor, which may not touch flyway_schema_history
        StairwayReport report = run(Stairway.of(set(dir, """
                ALTER TABLE accounts DROP COLUMN plan;
                DROP TABLE plans;
                SET search_path TO pg_catalog;
                SET ROLE pg_monitor;
                """)));

        assertThat(report.passed()).as(report.describe()).isTrue();
    }

    @Test
    void everyOtherSettingAnUndoSetsForTheSessionIsPutBackToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);\n");
        Files.writeString(dir.resolve("U1__accounts.sql"), "DROP TABLE accounts;\n");
        Files.writeString(dir.resolve("V2__plan.sql"), "ALTER TABLE accounts ADD COLUMN plan text;\n");
        // a legacy undo that switches triggers off for the session, and shortens the lock timeout
        Files.writeString(dir.resolve("U2__plan.sql"), "SET session_replication_role = replica;\n"
                + "SET lock_timeout = '1s';\nALTER TABLE accounts DROP COLUMN plan;\n");
        Files.writeString(dir.resolve("V3__notes.sql"), "CREATE TABLE notes (id bigint PRIMARY KEY);\n");
        Files.writeString(dir.resolve("U3__notes.sql"), """
                DO $$ BEGIN
                  IF current_setting('session_replication_role') <> 'origin' OR current_setting('lock_timeout') <> '30s'
                  THEN RAISE EXCEPTION 'left over: session_replication_role %, lock_timeout %',
                    current_setting('session_replication_role'), current_setting('lock_timeout');
                  END IF;
                END $$;
                DROP TABLE notes;
                """);

        StairwayReport report = run(Stairway.of(MigrationSet.load(List.of("filesystem:" + dir))));

        assertThat(report.passed()).as(report.describe()).isTrue();
    }

    @Test
    void aFixtureIsHeldToTheSameRule(@TempDir Path dir, @TempDir Path fixtures) throws Exception {
        Files.writeString(fixtures.resolve("1__accounts.sql"), "INSERT INTO accounts VALUES (1);\nCOMMIT;\n"
                + "INSERT INTO accounts VALUES (1);\n");

        StairwayException e = catchThrowableOfType(StairwayException.class, () -> run(Stairway.of(set(dir,
                "ALTER TABLE accounts DROP COLUMN plan; DROP TABLE plans;\n"))
                .withFixtures(FixtureSet.load("filesystem:" + fixtures))));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("1__accounts.sql line 2, column 1: COMMIT would end");
    }

    private StairwayReport run(Stairway stairway) {
        return TestServer.onFreshDatabase(server, stairway::run);
    }
}
