package dev.verifiedschema.talentai;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.migrate.FixtureSet;
import dev.verifiedschema.migrate.MigrationSet;
import dev.verifiedschema.migrate.MigrationSetException;
import dev.verifiedschema.migrate.Stairway;
import dev.verifiedschema.migrate.StairwayException;
import dev.verifiedschema.migrate.StairwayReport;
import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.provision.ServerSettings;
import dev.verifiedschema.provision.SharedServers;
import dev.verifiedschema.testing.VariantSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The proof suite: each folder under {@code broken/} holds the scripts that give the TalentAI set one
 * deliberate defect (laid over the real set by {@link VariantSet}), and the toolkit must fail it
 * for the right reason, naming the step and the object. The table in
 * docs/proof-suite.md lists the same cases.
 */
class BrokenMigrationSetsTest {
    private static final Path REAL = Path.of("src", "main", "resources", "db", "migration");
    private static final Path BROKEN = Path.of("src", "test", "resources", "broken");
    private static final Contract CONTRACT = ContractLoader.fromClasspath("talentai-contract.yaml");
    private static final FixtureSet FIXTURES = FixtureSet.load("classpath:fixtures/talentai");
    private static SharedServers.Lease lease;

    @BeforeAll
    static void server() {
        lease = SharedServers.acquire(ServerSettings.defaults());
    }

    @AfterAll
    static void release() {
        lease.close();
    }

    static Stream<Arguments> stepFailures() {
        return Stream.of(
                arguments("undo-leaves-index", "undo", "6",
                        List.of("undo of V6 did not restore the schema of V5",
                                "left behind: index hm_feedbacks.hm_feedbacks_status_idx (status)")),
                arguments("undo-leaves-column", "undo", "5",
                        List.of("left behind: column users.consent_updated_at timestamp without time zone nullable")),
                arguments("undo-leaves-enum", "undo", "4",
                        List.of("left behind: enum type feedback_status")),
                arguments("undo-leaves-function", "undo", "1",
                        List.of("undo of V1 did not restore the schema of V0 (empty)",
                                "left behind: function touch_updated_at()")),
                arguments("undo-fails", "undo", "3",
                        List.of("undo of V3 failed", "U3__match_records.sql line",
                                "table \"hm_match_record\" does not exist")),
                arguments("forward-syntax-error", "forward", "3",
                        List.of("V3 failed", "V3__match_records.sql line 7", "syntax error at or near \"TABEL\"",
                                "the database is at V2")),
                arguments("undo-loses-rows", "undo", "5",
                        List.of("undo of V5 lost or changed data that existed before V5",
                                "users.free_quota: values differ (2 rows)")),
                arguments("not-null-without-default", "forward", "7",
                        List.of("V7 failed", "column \"currency\" of relation \"hm_transactions\" contains null values")));
    }

    @ParameterizedTest(name = "{0} fails at the {1} step of V{2}")
    @MethodSource("stepFailures")
    void aBrokenStepIsCaughtAtTheRightStepWithTheObjectNamed(String variant, String step, String version,
                                                             List<String> fragments) {
        StairwayReport report = failedReport(variant);

        assertThat(report.failure()).as(report.describe()).isNotNull();
        assertThat(report.failure().step()).isEqualTo(step);
        assertThat(report.failure().version()).isEqualTo(version);
        assertThat(report.describe()).contains(fragments);
    }

    static Stream<Arguments> contractFailures() {
        return Stream.of(
                arguments("renames-required-column", "users: missing column consent_data_storage (expected boolean)"),
                arguments("head-lacks-consent-column",
                        "users: missing column consent_updated_at (expected timestamp without time zone)"),
                arguments("money-as-double",
                        "hm_transactions: wrong type of column amount (expected numeric(12,2), found double precision)"),
                arguments("stray-hm-tmp-table",
                        "hm_tmp: table not declared in the contract, but its name is owned (found owned: hm_*)"));
    }

    @ParameterizedTest(name = "{0} passes every step but violates the contract at head")
    @MethodSource("contractFailures")
    void aHeadThatBreaksTheContractIsCaughtWithTheColumnNamed(String variant, String violation) {
        StairwayReport report = failedReport(variant);

        assertThat(report.failure()).as(report.describe()).isNull();
        assertThat(report.violations()).extracting(Object::toString).contains(violation);
        assertThat(report.describe()).contains("At head,");
    }

    @Test
    void duplicateVersionNumbersAreRefusedBeforeAnythingRuns() {
        try (VariantSet variant = broken("duplicate-version")) {
            assertThatThrownBy(() -> MigrationSet.load(List.of(variant.location())))
                    .isInstanceOf(MigrationSetException.class)
                    .hasMessageContaining("nothing was run")
                    .hasMessageContaining("version 3 is used twice")
                    .hasMessageContaining("V3__match_records.sql").hasMessageContaining("V3__other.sql");
        }
    }

    @Test
    void awkwardButCorrectIdentifiersRaiseNoFalseAlarm() {
        StairwayReport report = onFreshDatabase(() -> Stairway.of(
                        MigrationSet.load(List.of("classpath:broken/awkward-identifiers")))
                .withContract(ContractLoader.fromClasspath("broken/awkward-identifiers/contract.yaml"))
                .withFixtures(FixtureSet.load("classpath:fixtures/awkward-identifiers")));

        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.fullDowngrade()).isEqualTo("passed");
        assertThat(report.head().tables()).containsKeys("user", "order", "CamelCase");
        assertThat(report.head().views()).isNotEmpty();
    }

    /** The real set with the scripts of {@code broken/<name>} laid over it. */
    private static VariantSet broken(String name) {
        return VariantSet.over(REAL, BROKEN.resolve(name));
    }

    private static StairwayReport failedReport(String variant) {
        try (VariantSet broken = broken(variant)) {
            StairwayException e = catchThrowableOfType(StairwayException.class, () -> onFreshDatabase(() -> Stairway.of(
                    MigrationSet.load(List.of(broken.location()))).withContract(CONTRACT).withFixtures(FIXTURES)));
            assertThat(e).as("the toolkit must fail " + variant).isNotNull();
            return e.report();
        }
    }

    private static StairwayReport onFreshDatabase(Supplier<Stairway> stairway) {
        PostgresServer server = lease.server();
        String database = server.createDatabase(null);
        try {
            return stairway.get().run(server.dataSource(database));
        } finally {
            server.dropDatabase(database);
        }
    }
}
