package dev.verifiedschema.migrate;

import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@ExtendWith(FreshDatabase.class)
class StairwayTest {
    private DataSource database;

    @BeforeEach
    void freshDatabase(DataSource database) {
        this.database = database;
    }

    private DataSource db() {
        return database;
    }

    private static Stairway stairway(String set) {
        return Stairway.of(MigrationSet.load(List.of("classpath:sets/" + set)))
                .withFixtures(FixtureSet.load("classpath:fixtures/good"));
    }

    private Finding failureOf(String set) {
        return catchThrowableOfType(StairwayException.class, () -> stairway(set).run(db())).report().failure();
    }

    @Test
    void aCorrectSetPassesEveryStepTheContractAndTheFullDowngrade() {
        StairwayReport report = stairway("good")
                .withContract(ContractLoader.fromClasspath("contracts/good.yaml"))
                .run(db());

        assertThat(report.passed()).isTrue();
        assertThat(report.steps()).extracting(StepResult::version).containsExactly("1", "2", "3");
        assertThat(report.steps()).allMatch(StepResult::reversible);
        assertThat(report.fullDowngrade()).isEqualTo("passed");
        assertThat(report.head().tables()).containsOnlyKeys("accounts", "orders");
        assertThat(report.head().enums()).containsOnlyKeys("order_status");
        assertThat(report.describe()).startsWith("Verified classpath:sets/good (3 versions, contract classpath:contracts/good.yaml)")
                .contains("V2 orders: forward");
        assertThat(report.toJson()).contains("\"passed\" : true", "\"fullDowngrade\" : \"passed\"");
    }

    @Test
    void aRedoRunsTheScriptAsFlywayDidWithItsPlaceholders() {
        StairwayReport report = Stairway.of(MigrationSet.load(List.of("classpath:sets/placeholders"))).run(db());

        assertThat(report.steps()).singleElement().matches(StepResult::reversible);
        assertThat(report.head().tables().get("items").columns().get("made_by").defaultValue())
                .doesNotContain("${").contains("::text");
    }

    @Test
    void aRedoThatFailsBecauseTheUndoLeftSomethingBehindOutsideTheSchemaIsReported() {
        Finding failure = catchThrowableOfType(StairwayException.class, () ->
                Stairway.of(MigrationSet.load(List.of("classpath:sets/redo-fails"))).run(db())).report().failure();

        assertThat(failure.step()).isEqualTo("redo");
        assertThat(failure.script()).isEqualTo("V1__audit.sql");
        assertThat(failure.message()).contains("redo of V1 (after its undo) failed", "V1__audit.sql", "line 1",
                "schema \"audit\" already exists", "fix U1__audit.sql");
    }

    @Test
    void aRedoThatBuildsADifferentSchemaIsReported() {
        Finding failure = catchThrowableOfType(StairwayException.class, () ->
                Stairway.of(MigrationSet.load(List.of("classpath:sets/redo-differs"))).run(db())).report().failure();

        assertThat(failure.step()).isEqualTo("redo");
        assertThat(failure.message()).contains("redo of V1 gave a different schema than its first run",
                "second_run", "The undo script left state behind that changes what V1 does.");
    }

    @Test
    void withDdlTrackingFromTheFirstTableTheChecksHoldAndNothingOfTheTrackerIsLeft() throws Exception {
        StairwayReport report = withTracking("0", () -> stairway("good")
                .withContract(ContractLoader.fromClasspath("contracts/good.yaml")).run(db()));
        Finding failure = withTracking("0", () -> failureOf("undo-leaves-index"));

        assertThat(report.passed()).isTrue();
        assertThat(report.fullDowngrade()).isEqualTo("passed");
        assertThat(failure.message()).contains("left behind: index accounts.accounts_created_idx (created_at)");
        try (Connection connection = db().getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM pg_event_trigger)"
                     + " + (SELECT count(*) FROM pg_namespace WHERE nspname = 'verifiedschema_ddl')")) {
            rs.next();
            assertThat(rs.getLong(1)).as("event triggers and tracker schemas left").isZero();
        }
    }

    @Test
    void aChangeTheDdlTrackingCannotSeeFailsTheRunInsteadOfPassingUnchecked() {
        Finding failure = withTracking("0", () -> catchThrowableOfType(StairwayException.class, () ->
                Stairway.of(MigrationSet.load(List.of("classpath:sets/catalog-update"))).run(db())).report().failure());

        assertThat(failure.step()).isEqualTo("database");
        assertThat(failure.message()).contains("DDL tracking missed a change by the head", "[accounts]",
                "UPDATE of a system catalog", "-Dverifiedschema.stairway.trackDdl=false");
    }

    @Test
    void withoutDdlTrackingTheSameSetIsVerifiedWithFullReads() {
        StairwayReport report = withTracking("false", () ->
                Stairway.of(MigrationSet.load(List.of("classpath:sets/catalog-update"))).run(db()));

        assertThat(report.passed()).isTrue();
        assertThat(report.head().tables().get("accounts").columns().get("email").nullable()).isFalse();
    }

    private static <T> T withTracking(String setting, java.util.function.Supplier<T> run) {
        String before = System.getProperty(SchemaLevels.TRACK_DDL);
        System.setProperty(SchemaLevels.TRACK_DDL, setting);
        try {
            return run.get();
        } finally {
            if (before == null) {
                System.clearProperty(SchemaLevels.TRACK_DDL);
            } else {
                System.setProperty(SchemaLevels.TRACK_DDL, before);
            }
        }
    }

    @Test
    void aRedoStartsFromTheSessionFlywayGivesAMigrationNotTheOneTheFirstRunLeft() {
        StairwayReport report = Stairway.of(MigrationSet.load(List.of("classpath:sets/redo-session"))).run(db());

        assertThat(report.steps()).singleElement().matches(StepResult::reversible);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aStartingVersionThatFailsIsReportedWithoutWaitingForTheFirstLevelAndLeavesNoConnectionOpen()
            throws Exception {
        Finding failure = catchThrowableOfType(StairwayException.class, () ->
                stairway("forward-fails").startingAt(MigrationVersion.parse("2")).run(db())).report().failure();

        assertThat(failure.step()).isEqualTo("forward");
        assertThat(failure.message()).contains("migrating to the starting version V2 failed");
        assertThat(otherConnections()).as("connections the run left open").isZero();
    }

    @Test
    void aCatalogConnectionLostAtAVersionWithoutUndoIsADatabaseFailureAndLeavesNoConnectionOpen()
            throws Exception {
        Finding failure = catchThrowableOfType(StairwayException.class, () ->
                Stairway.of(MigrationSet.load(List.of("classpath:sets/catalog-connection-lost")))
                        .withUndoPolicy(UndoPolicy.NONE).run(db())).report().failure();

        assertThat(failure.step()).isEqualTo("database");
        assertThat(failure.message()).startsWith("At V2 forward (V2__drop_the_catalog_connection.sql) the database failed: reading the catalog failed: ");
        assertThat(otherConnections()).as("connections the run left open").isZero();
    }

    @Test
    void aWrongDdlTrackingSettingIsRefusedBeforeAnyConnectionOpens() throws Exception {
        Throwable thrown = withTracking("sometimes", () -> catchThrowable(() -> stairway("good").run(db())));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verifiedschema.stairway.trackDdl is \"sometimes\"")
                .hasMessageContaining("use true, false or the number of tables and views");
        assertThat(otherConnections()).as("connections the run left open").isZero();
    }

    /**
     * The backends of the test's database other than the one asking, once those of closed
     * connections have gone (a backend ends a moment after its client closes the connection).
     */
    private long otherConnections() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        try (Connection connection = db().getConnection(); Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity"
                        + " WHERE datname = pg_catalog.current_database() AND pid <> pg_catalog.pg_backend_pid()")) {
                    rs.next();
                    long others = rs.getLong(1);
                    if (others == 0 || System.nanoTime() > deadline) {
                        return others;
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void undoThatLeavesAnIndexBehindIsReported() {
        Finding failure = failureOf("undo-leaves-index");
        assertThat(failure.step()).isEqualTo("undo");
        assertThat(failure.version()).isEqualTo("2");
        assertThat(failure.script()).isEqualTo("U2__orders.sql");
        assertThat(failure.message()).contains("undo of V2 did not restore the schema of V1",
                "left behind: index accounts.accounts_created_idx (created_at)", "Fix U2__orders.sql");
    }

    @Test
    void undoThatLeavesAColumnBehindIsReported() {
        assertThat(failureOf("undo-leaves-column").message()).contains("undo of V3",
                "left behind: column accounts.nickname text nullable");
    }

    @Test
    void undoThatLeavesAnEnumTypeBehindIsReported() {
        assertThat(failureOf("undo-leaves-enum").message()).contains("undo of V3",
                "left behind: enum type order_status (new, paid)");
    }

    @Test
    void undoThatLeavesAFunctionBehindIsReported() {
        assertThat(failureOf("undo-leaves-function").message()).contains("undo of V3",
                "left behind: function touch()");
    }

    @Test
    void anUndoScriptThatFailsIsNamedWithItsLine() {
        Finding failure = failureOf("undo-fails");
        assertThat(failure.step()).isEqualTo("undo");
        assertThat(failure.message()).contains("undo of V2 failed:", "U2__orders.sql line 3",
                "table \"orderz\" does not exist", "42P01");
    }

    @Test
    void aForwardScriptThatFailsIsNamedWithItsLineAndPostgresMessage() {
        Finding failure = failureOf("forward-fails");
        assertThat(failure.step()).isEqualTo("forward");
        assertThat(failure.version()).isEqualTo("2");
        assertThat(failure.message()).contains("V2 failed:", "V2__orders.sql line 4, column 39", "syntax error",
                "the database is at V1");
    }

    @Test
    void fixtureDataLostByAnUndoIsReportedWithTableAndColumn() {
        Finding failure = failureOf("undo-loses-data");
        assertThat(failure.step()).isEqualTo("undo");
        assertThat(failure.message()).contains("undo of V3 lost or changed data that existed before V3",
                "accounts.created_at: values differ (2 rows)");
    }

    @Test
    void dataLostBecauseTheForwardDroppedAColumnIsReportedByItsUndo() {
        Finding failure = catchThrowableOfType(StairwayException.class,
                () -> Stairway.of(MigrationSet.load(List.of("classpath:sets/forward-drops-column")))
                        .withFixtures(FixtureSet.load("classpath:fixtures/drops-column")).run(db()))
                .report().failure();

        assertThat(failure.step()).isEqualTo("undo");
        assertThat(failure.version()).isEqualTo("2");
        assertThat(failure.message()).contains("undo of V2 lost or changed data that existed before V2",
                "accounts.note: values differ (2 rows)");
    }

    @Test
    void aFullDowngradeThatLeavesATraceIsReported() {
        Finding failure = failureOf("downgrade-trace");
        assertThat(failure.step()).isEqualTo("full downgrade");
        assertThat(failure.message()).contains("a full downgrade from head to zero left a trace",
                "left behind: table accounts_backup");
    }

    @Test
    void aContractViolatedAtHeadListsEveryViolation() {
        StairwayException e = catchThrowableOfType(StairwayException.class, () -> stairway("good")
                .withContract(ContractLoader.fromClasspath("contracts/violated.yaml")).run(db()));

        assertThat(e.report().failure()).isNull();
        assertThat(e.report().fullDowngrade()).isEqualTo("skipped: the contract does not hold");
        assertThat(e.getMessage()).contains("accounts:", "missing column consent_data_storage",
                "orders:", "wrong type of column amount (expected bigint, found numeric(12,2))");
    }

    @Test
    void fixturesThatDoNotFitTheirVersionAreNamed() {
        StairwayException e = catchThrowableOfType(StairwayException.class, () -> Stairway.of(
                MigrationSet.load(List.of("classpath:sets/good"))).withFixtures(
                FixtureSet.load("classpath:fixtures/bad-column")).run(db()));

        assertThat(e.report().failure().step()).isEqualTo("fixtures");
        assertThat(e.getMessage()).contains("1__accounts.sql line 2", "column \"nickname\"",
                "may only use what exists at V1");
    }

    @Test
    void aFixtureForAVersionThatDoesNotExistIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> Stairway.of(MigrationSet.load(List.of("classpath:sets/good")))
                .withFixtures(FixtureSet.load("classpath:fixtures/orphan")).run(db()))
                .isInstanceOf(MigrationSetException.class)
                .hasMessageContaining("fixture classpath:fixtures/orphan/9__ghosts.sql is for version 9, but there is "
                        + "no V9__*.sql; it would never load");
    }

    @Test
    void aStairwayStartingAboveAVersionProvesOnlyTheLaterOnes() {
        StairwayReport report = stairway("good").startingAt(MigrationVersion.parse("1")).run(db());

        assertThat(report.steps()).extracting(StepResult::version).containsExactly("2", "3");
        assertThat(report.fullDowngrade()).isEqualTo("passed");
        assertThatThrownBy(() -> stairway("good").startingAt(MigrationVersion.parse("7")))
                .hasMessageContaining("there is no V7__*.sql to start from");
    }

    @Test
    void aMissingUndoScriptIsAFindingOfItsVersionAndTheClimbGoesOnWhenRequired() {
        StairwayReport report = catchThrowableOfType(StairwayException.class, () -> stairway("missing-undo").run(db()))
                .report();

        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.MISSING_UNDO);
            assertThat(f.where()).isEqualTo("V2 undo (V2__orders.sql)");
            assertThat(f.message()).contains("V2__orders.sql has no undo script U2__*.sql",
                    "-- verified-schema: irreversible");
        });
        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly("held", "failed", "held");
        assertThat(report.fullDowngrade()).isEqualTo("skipped: V2 has no undo script (see the findings)");
    }

    @Test
    void withOptionalUndoAVersionWithoutUndoIsIrreversibleAndTheDowngradeIsSkipped() {
        StairwayReport report = stairway("missing-undo").withUndoPolicy(UndoPolicy.OPTIONAL).run(db());

        assertThat(report.steps()).extracting(StepResult::reversible).containsExactly(true, false, true);
        assertThat(report.steps().get(1).describe()).endsWith("undo not run (no undo script)");
        assertThat(report.fullDowngrade()).isEqualTo("skipped: V2 has no undo script");
    }

    @Test
    void withUndoNoneOnlyForwardStepsRun() {
        StairwayReport report = stairway("undo-leaves-index").withUndoPolicy(UndoPolicy.NONE).run(db());
        assertThat(report.steps()).noneMatch(StepResult::reversible);
        assertThat(report.passed()).isTrue();
    }
}
