package dev.verifiedschema.migrate;

import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every finding in one run, the script directives that acknowledge legacy steps, and the baseline
 * that lets a team adopt the stairway on an existing set.
 */
@ExtendWith(TestServer.class)
class StairwayFindingsTest {
    private PostgresServer server;

    @BeforeEach
    void sharedServer(PostgresServer server) {
        this.server = server;
    }

    /** Runs the stairway on a database of its own, dropped afterwards. */
    private StairwayReport run(Stairway stairway) {
        return TestServer.onFreshDatabase(server, stairway::run);
    }

    private static MigrationSet set(String name) {
        return MigrationSet.load(List.of("classpath:sets/" + name));
    }

    private StairwayReport failed(Stairway stairway) {
        StairwayException e = catchThrowableOfType(StairwayException.class, () -> run(stairway));
        assertThat(e).as("the stairway must fail").isNotNull();
        return e.report();
    }

    @Test
    void everyBrokenStepOfASetIsReportedInOneRunAndTheClimbGoesOnToHead() {
        StairwayReport report = failed(Stairway.of(set("several-broken")));

        assertThat(report.failures()).extracting(Finding::where, Finding::kind).containsExactly(
                Tuple.tuple("V2 undo (U2__orders.sql)", Finding.UNDO_SCHEMA),
                Tuple.tuple("V3 undo (U3__customer_status.sql)", Finding.UNDO_FAILED),
                Tuple.tuple("V5 undo (U5__lowercase_emails.sql)", Finding.UNDO_DATA));
        assertThat(report.failures().get(0).object()).isEqualTo("added index customers.customers_created_at_idx");
        assertThat(report.failures().get(1).message()).contains("column \"state\" of relation \"customers\" does not exist");
        assertThat(report.failures().get(2).object()).isEqualTo("customers.email");
        // V2's redo fails on the index its undo left behind: a consequence, not a finding of its own;
        // the schema is rebuilt at V2 and V4 and V6, whose undo scripts are right, hold
        assertThat(report.steps()).extracting(StepResult::version, StepResult::outcome).containsExactly(
                Tuple.tuple("1", "held"), Tuple.tuple("2", "failed"),
                Tuple.tuple("3", "failed"), Tuple.tuple("4", "held"),
                Tuple.tuple("5", "failed"), Tuple.tuple("6", "held"));
        assertThat(report.head().tables()).containsOnlyKeys("customers", "orders");
        assertThat(report.head().tables().get("orders").columns()).containsKeys("note", "placed_at");
        assertThat(report.fullDowngrade()).isEqualTo("skipped: the undo of V2 did not restore the schema (see the findings)");
        assertThat(report.describe()).startsWith("Migration set classpath:sets/several-broken failed verification with "
                        + "3 findings: V2 undo (U2__orders.sql), V3 undo (U3__customer_status.sql), V5 undo "
                        + "(U5__lowercase_emails.sql).")
                .contains("  V2 undo (U2__orders.sql): undo of V2 did not restore the schema of V1:",
                        "    - left behind: index customers.customers_created_at_idx");
        assertThat(report.toJson()).contains("\"kind\" : \"undo-failed\"", "\"fails\" : true");
    }

    @Test
    void failFastStopsAtTheFirstFinding() {
        StairwayReport report = failed(Stairway.of(set("several-broken")).failFast(true));

        assertThat(report.findings()).singleElement().extracting(Finding::where).isEqualTo("V2 undo (U2__orders.sql)");
        assertThat(report.steps()).extracting(StepResult::version).containsExactly("1");
        assertThat(report.head()).isNull();
    }

    @Test
    void directivesAcknowledgeADataMigrationAndAnIrreversibleStep() {
        StairwayReport report = run(Stairway.of(set("acknowledged")));

        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("V2 undo (U2__purge_retired_plans.sql)");
            assertThat(f.kind()).isEqualTo(Finding.UNDO_DATA);
            assertThat(f.fails()).isFalse();
            assertThat(f.accepted()).isEqualTo("changes-data: V2__purge_retired_plans.sql says so");
        });
        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly("held", "accepted", "irreversible",
                "held");
        assertThat(report.fullDowngrade()).isEqualTo("passed: down to V3 (the newest irreversible version)");
        assertThat(report.describe()).contains("1 accepted finding below",
                "Accepted findings (reported, not failed):",
                "V2 undo (U2__purge_retired_plans.sql) [changes-data: V2__purge_retired_plans.sql says so]: undo of V2 "
                        + "lost or changed data");
    }

    @Test
    void withoutItsDirectivesTheSameSetFailsAtBothSteps(@TempDir Path dir) throws Exception {
        Path copy = copyOf("acknowledged", dir);
        for (Path script : List.of(copy.resolve("V2__purge_retired_plans.sql"), copy.resolve("V3__drop_retired_flag.sql"))) {
            Files.writeString(script, Files.readString(script).replaceAll("(?m)^-- verified-schema:.*\\R", ""));
        }
        StairwayReport report = failed(Stairway.of(MigrationSet.load(List.of(copy.toString()))));

        assertThat(report.failures()).extracting(Finding::where, Finding::kind).containsExactly(
                Tuple.tuple("V2 undo (U2__purge_retired_plans.sql)", Finding.UNDO_DATA),
                Tuple.tuple("V3 undo (U3__drop_retired_flag.sql)", Finding.UNDO_SCHEMA));
        assertThat(report.failures().get(1).message()).contains("removed: column plans.retired");
        assertThat(report.steps()).extracting(StepResult::outcome).containsExactly("held", "failed", "failed", "held");
    }

    @Test
    void aMisspeltDirectiveIsRefusedWithItsPosition(@TempDir Path dir) throws Exception {
        Path copy = copyOf("acknowledged", dir);
        Path v3 = copy.resolve("V3__drop_retired_flag.sql");
        Files.writeString(v3, Files.readString(v3).replace("irreversible", "irreversable"));

        assertThatThrownBy(() -> run(Stairway.of(MigrationSet.load(List.of(copy.toString())))))
                .isInstanceOf(MigrationSetException.class)
                .hasMessageContaining("nothing was run")
                .hasMessageContaining("V3__drop_retired_flag.sql:1:21: unknown directive \"irreversable\"");
    }

    @Test
    void aBaselineAcceptsTheFindingsItRecordedFailsOnNewOnesAndNamesThoseThatNoLongerOccur(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("stairway-baseline.json");
        Baseline.write(file, failed(Stairway.of(set("several-broken"))));
        assertThat(Files.readString(file)).contains("\"kind\" : \"undo-schema\"",
                "\"object\" : \"added index customers.customers_created_at_idx\"");

        StairwayReport accepted = run(Stairway.of(set("several-broken")).withBaseline(Baseline.load(file)));
        assertThat(accepted.passed()).isTrue();
        assertThat(accepted.findings()).hasSize(3).noneMatch(Finding::fails);

        // V3's undo fixed, V4's broken: the V3 entry is gone, V4 is new and fails
        Path copy = copyOf("several-broken", dir);
        Files.writeString(copy.resolve("U3__customer_status.sql"),
                "ALTER TABLE customers DROP COLUMN status;\nDROP TYPE customer_status;\n");
        Files.writeString(copy.resolve("U4__order_notes.sql"), "SELECT 1;\n");
        StairwayReport later = failed(Stairway.of(MigrationSet.load(List.of(copy.toString())))
                .withBaseline(Baseline.load(file)));
        assertThat(later.failures()).extracting(Finding::where).containsExactly("V4 undo (U4__order_notes.sql)");
        assertThat(later.baselineGone()).extracting(Baseline.Entry::describe)
                .containsExactly("V3 undo undo-failed: U3__customer_status.sql");
        assertThat(later.describe()).contains("Baseline entries that no longer occur (remove them from the baseline):",
                "  - V3 undo undo-failed: U3__customer_status.sql");
    }

    @Test
    void aMalformedBaselineIsRefusedWithItsPosition(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("baseline.json"), "{\n  \"findings\": [ {\"step\": \"undo\",, } ]\n}\n");

        assertThatThrownBy(() -> Baseline.load(file)).isInstanceOf(MigrationSetException.class)
                .hasMessageContaining(file + ":2:")
                .hasMessageContaining("not a baseline (malformed JSON");
        assertThatThrownBy(() -> Baseline.load(dir.resolve("missing.json")))
                .hasMessageContaining("does not exist; write one with --write-baseline");
    }

    @Test
    void anUndoThatSwapsValuesBetweenRowsIsCaughtThoughEveryColumnHoldsTheSameValues() {
        StairwayReport report = failed(Stairway.of(set("undo-swaps-balances")));

        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("V2 undo (U2__balance_in_cents.sql)");
            assertThat(f.kind()).isEqualTo(Finding.UNDO_DATA);
            assertThat(f.object()).isEqualTo("wallets");
            assertThat(f.message()).contains("wallets: values moved between rows (every column holds the same values, "
                    + "but not in the same rows; 2 rows)");
        });
    }

    @Test
    void aRedoThatGivesOtherDataThanTheFirstRunIsCaught() {
        StairwayReport report = failed(Stairway.of(set("redo-changes-data")));

        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.where()).isEqualTo("V2 redo (V2__referral_codes.sql)");
            assertThat(f.kind()).isEqualTo(Finding.REDO_DATA);
            assertThat(f.object()).isEqualTo("accounts.referral_code");
            assertThat(f.message()).contains("after undo and redo of V2 the data differs from the first run of V2",
                    "accounts.referral_code: values differ (2 rows)");
        });
    }

    @Test
    void aDatabaseThatAlreadyHoldsTheSetIsRefusedInsteadOfPassingWithNothingChecked() {
        String database = server.createDatabase(null);
        try {
            // passes, and its full downgrade stops at V3, the newest irreversible version
            Stairway.of(set("acknowledged")).run(server.dataSource(database));
            StairwayReport again = catchThrowableOfType(StairwayException.class,
                    () -> Stairway.of(set("acknowledged")).run(server.dataSource(database))).report();

            assertThat(again.failures()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Finding.DATABASE);
                assertThat(f.message()).startsWith("The database is not empty: schema public already holds 2 relations "
                        + "(plans, plans_id_seq) and Flyway's history lists 3 applied versions");
            });
            assertThat(again.steps()).isEmpty();
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void aRebuiltVersionHasItsDataBackSoLaterVersionsAndFixturesSeeNoFalseFinding() {
        StairwayReport report = failed(Stairway.of(set("rebuild-keeps-data"))
                .withFixtures(FixtureSet.load("classpath:fixtures/rebuild-keeps-data")));

        // V2's redo fails on the index its undo left: rebuilt at V2 with V1's and V2's fixtures, and the
        // view of R__ (which needs V3's table) held back; V4's undo loses rows its redo cannot bring back:
        // rebuilt at V4; V3's and V5's fixtures need that data, and load
        assertThat(report.failures()).extracting(Finding::where, Finding::kind).containsExactly(
                Tuple.tuple("V2 undo (U2__orders.sql)", Finding.UNDO_SCHEMA),
                Tuple.tuple("V4 undo (U4__customers_without_orders.sql)", Finding.UNDO_DATA));
        assertThat(report.steps()).extracting(StepResult::version, StepResult::outcome).containsExactly(
                Tuple.tuple("1", "held"), Tuple.tuple("2", "failed"), Tuple.tuple("3", "held"),
                Tuple.tuple("4", "failed"), Tuple.tuple("5", "held"));
        assertThat(report.head().views()).containsKey("order_sizes");
        assertThat(report.fullDowngrade()).isEqualTo("skipped: repeatable migrations have no undo scripts "
                + "(R__order_totals.sql)");
    }

    @Test
    void aFixtureThatFailsIsReportedOnceThoughTheSchemaIsRebuiltAfterIt(@TempDir Path dir) throws Exception {
        Path fixtures = copyOf("rebuild-keeps-data", dir, "/fixtures/");
        Files.writeString(fixtures.resolve("1__zz_without_email.sql"), "INSERT INTO customers (id) VALUES (3);\n");

        StairwayReport report = failed(Stairway.of(set("rebuild-keeps-data"))
                .withFixtures(FixtureSet.load(fixtures.toString())));

        assertThat(report.failures()).extracting(Finding::where).containsExactly(
                "V1 fixtures (1__zz_without_email.sql)", "V2 undo (U2__orders.sql)",
                "V4 undo (U4__customers_without_orders.sql)");
    }

    @Test
    void failFastAndWritingABaselineExcludeEachOther() {
        StairwayReport halted = failed(Stairway.of(set("several-broken")).failFast(true));

        assertThat(halted.acceptedBy(baselineOf(halted)).passed())
                .as("a run that stopped early never passes, even with what it found accepted").isFalse();
    }

    private static Baseline baselineOf(StairwayReport report) {
        try {
            Path file = Files.createTempFile("baseline", ".json");
            try {
                Baseline.write(file, report);
                return Baseline.load(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path copyOf(String set, Path dir) throws IOException, URISyntaxException {
        return copyOf(set, dir, "/sets/");
    }

    private static Path copyOf(String set, Path dir, String kind) throws IOException, URISyntaxException {
        Path source = Path.of(StairwayFindingsTest.class.getResource(kind + set).toURI());
        Path copy = Files.createDirectories(dir.resolve(kind.replace("/", "")).resolve(set));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }
}
