package dev.verifiedschema.migrate;

import dev.verifiedschema.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the command line does with a live database, through the engine's one Flyway configuration. */
@ExtendWith(FreshDatabase.class)
class LiveMigrationsTest {
    private static final MigrationSet GOOD = MigrationSet.load(List.of("classpath:sets/good"));

    @Test
    void statusUpgradeAppliedAndUndoWalkTheVersions(DataSource db) throws Exception {
        LiveMigrations live = LiveMigrations.of(db, GOOD, "public");

        assertThat(live.status().version()).isNull();
        assertThat(live.status().pendingVersions()).containsExactly("1", "2", "3");

        LiveMigrations.Upgrade upgrade = live.upgrade("2");
        assertThat(upgrade.applied()).extracting(LiveMigrations.Applied::script)
                .containsExactly("V1__accounts.sql", "V2__orders.sql");
        assertThat(live.status().version()).isEqualTo("2");
        assertThat(live.applied()).extracting(MigrationVersion::text).containsExactly("1", "2");

        assertThat(live.undo(GOOD.undo(MigrationVersion.parse("2")).orElseThrow())).isNull();
        assertThat(live.applied()).extracting(MigrationVersion::text).containsExactly("1");
        assertThat(live.status().pendingScripts()).containsExactly("V2__orders.sql", "V3__status.sql");
    }

    @Test
    void validationTellsAnEditedScriptFromOtherHistoryProblems(DataSource db) throws Exception {
        LiveMigrations live = LiveMigrations.of(db, GOOD, "public");
        live.migrateTo(null);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
            s.execute("UPDATE flyway_schema_history SET description = 'by hand' WHERE version = '2'");
        }

        assertThat(live.validateApplied()).extracting(LiveMigrations.HistoryProblem::version,
                LiveMigrations.HistoryProblem::edited).contains(
                org.assertj.core.groups.Tuple.tuple("1", true), org.assertj.core.groups.Tuple.tuple("2", false));
    }

    @Test
    void aFailedUpgradeIsTheEnginesExceptionWithFlywaysMessage(DataSource db) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (id int)");
        }
        assertThatThrownBy(() -> LiveMigrations.of(db, GOOD, "public").upgrade(null))
                .isInstanceOf(LiveMigrationException.class)
                .hasMessageContaining("non-empty schema");
    }

    @Test
    void undoTakesTheSameAdvisoryLockAsFlywaysMigrate(DataSource db, @TempDir Path dir) throws Exception {
        // the migration records the advisory locks held on its database while Flyway runs it
        Files.writeString(dir.resolve("V1__seen_locks.sql"), "CREATE TABLE seen_locks AS SELECT classid::bigint AS hi, "
                + "objid::bigint AS lo FROM pg_locks WHERE locktype = 'advisory' AND database = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database());\n");
        LiveMigrations.of(db, MigrationSet.load(List.of("filesystem:" + dir)), "public").migrateTo(null);

        List<Long> held = new java.util.ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT hi, lo FROM seen_locks")) {
            while (rs.next()) {
                held.add((rs.getLong(1) << 32) | rs.getLong(2));
            }
        }
        assertThat(held).containsExactly(LiveMigrations.flywayLock("public"));
    }

    @Test
    void undoRefusesWhileAnotherSessionHoldsFlywaysLockAndUndoesNothing(DataSource db) throws Exception {
        LiveMigrations live = LiveMigrations.of(db, GOOD, "public");
        live.migrateTo(null);
        try (Connection other = db.getConnection(); Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + LiveMigrations.flywayLock("public") + ")");

            assertThatThrownBy(() -> live.undo(GOOD.undo(MigrationVersion.parse("3")).orElseThrow()))
                    .isInstanceOf(LiveMigrationException.class)
                    .hasMessageContaining("another session holds Flyway's lock on \"public\".\"flyway_schema_history\"")
                    .hasMessageContaining("nothing was undone");
            assertThat(live.applied()).extracting(MigrationVersion::text).containsExactly("1", "2", "3");
        }
        // the lock is released with the other session; the undo then runs and releases its own lock
        assertThat(live.undo(GOOD.undo(MigrationVersion.parse("3")).orElseThrow())).isNull();
        assertThat(live.undo(GOOD.undo(MigrationVersion.parse("2")).orElseThrow())).isNull();
        assertThat(live.applied()).extracting(MigrationVersion::text).containsExactly("1");
    }

    @Test
    void undoRefusesAVersionThatIsNotTheNewestAppliedOneUnderTheLock(DataSource db) throws Exception {
        LiveMigrations live = LiveMigrations.of(db, GOOD, "public");
        live.migrateTo(null);
        // chosen while V2 was newest; V3 was applied before the undo took the lock

        assertThatThrownBy(() -> live.undo(GOOD.undo(MigrationVersion.parse("2")).orElseThrow()))
                .isInstanceOf(LiveMigrationException.class)
                .hasMessage("V2 is not the newest applied version any more (the database is at V3; a migration or "
                        + "undo ran meanwhile); nothing was undone. Look at the history and run again.");
        assertThat(live.applied()).extracting(MigrationVersion::text).containsExactly("1", "2", "3");
    }
}
