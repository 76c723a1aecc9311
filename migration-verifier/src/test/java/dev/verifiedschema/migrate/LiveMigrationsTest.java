package dev.verifiedschema.migrate;

import dev.verifiedschema.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
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
}
