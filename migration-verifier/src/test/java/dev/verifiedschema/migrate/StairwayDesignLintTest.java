package dev.verifiedschema.migrate;

import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.contract.DesignLintSettings.Severity;
import dev.verifiedschema.contract.DesignLintSettings.SqlRule;
import dev.verifiedschema.crawler.DesignFinding;
import dev.verifiedschema.provision.PostgresServer;
import dev.verifiedschema.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The design lint of the head, as the stairway runs and reports it. */
@ExtendWith(TestServer.class)
class StairwayDesignLintTest {
    private static final MigrationSet FLAWED = MigrationSet.load(List.of("classpath:sets/design-flaws"));
    private PostgresServer server;

    @BeforeEach
    void sharedServer(PostgresServer server) {
        this.server = server;
    }

    private StairwayReport run(Stairway stairway) {
        return TestServer.onFreshDatabase(server, stairway::run);
    }

    private StairwayReport failed(Stairway stairway) {
        StairwayException e = catchThrowableOfType(StairwayException.class, () -> run(stairway));
        assertThat(e).as("the stairway must fail").isNotNull();
        return e.report();
    }

    @Test
    void theLintIsOptInAndItsFlawsAreWarningsInEveryReportThatFailNothing() {
        assertThat(Stairway.of(FLAWED).designLint().enabled()).as("off without a contract section or a setting").isFalse();
        assertThat(run(Stairway.of(FLAWED)).designLint()).isEmpty();

        StairwayReport report = run(Stairway.of(FLAWED).withDesignLint(DesignLintSettings.DEFAULT));

        assertThat(report.passed()).isTrue();
        assertThat(report.designLint()).extracting(DesignFinding::rule, DesignFinding::object).contains(
                tuple("foreign-key-type-mismatch", "orders (orders_customer_id_fkey)"),
                tuple("foreign-key-without-index", "orders (orders_customer_id_fkey)"),
                tuple("table-without-primary-key", "audit_log"),
                tuple("all-columns-nullable", "audit_log"));
        assertThat(report.findings()).isEmpty();
        assertThat(report.describe()).contains(report.designLint().size() + " design lint warnings below.")
                .contains("Design lint of the head: " + report.designLint().size() + " warnings (they fail nothing;")
                .contains("  - [high] foreign-key-type-mismatch: orders (orders_customer_id_fkey): ");
        assertThat(report.toJson()).contains("\"rule\" : \"foreign-key-without-index\"", "\"severity\" : \"medium\"");
        assertThat(StairwayJUnit.xml(report, List.of(), null))
                .contains("name=\"design lint\">", "warning [medium] foreign-key-without-index")
                .doesNotContain("<failure");
    }

    @Test
    void fromItsFailOnSeverityAFlawIsAFindingThatABaselineCanAccept(@TempDir Path dir) {
        Stairway gated = Stairway.of(FLAWED).withDesignLint(DesignLintSettings.DEFAULT.withFailOn(Severity.HIGH));

        StairwayReport report = failed(gated);

        assertThat(report.failures()).extracting(Finding::step, Finding::kind, Finding::object).containsExactly(
                tuple("design lint", Finding.DESIGN_LINT, "foreign-key-type-mismatch orders (orders_customer_id_fkey)"),
                tuple("design lint", Finding.DESIGN_LINT, "table-without-primary-key audit_log"));
        assertThat(report.failures().get(0).message()).contains("designLint.failOn (high)");
        assertThat(report.designWarnings()).extracting(DesignFinding::severity).doesNotContain(Severity.HIGH);
        assertThat(report.fullDowngrade()).as("a design flaw blocks no other check").isEqualTo("passed");
        assertThat(StairwayJUnit.xml(report, List.of(), null)).contains("<failure message=\"[high] foreign-key-type-mismatch");

        StairwayReport fast = failed(gated.failFast(true));
        assertThat(fast.failures()).as("fail-fast stops at the first flaw").hasSize(1);
        assertThat(fast.designLint()).as("and keeps every finding of the lint").hasSameSizeAs(report.designLint());

        Path file = dir.resolve("baseline.json");
        Baseline.write(file, report);
        assertThat(run(gated.withBaseline(Baseline.load(file))).passed()).isTrue();
    }

    @Test
    void theContractsSectionTurnsItOnAndTheStairwaysOwnSettingWins() {
        Stairway byContract = Stairway.of(FLAWED).withContract(ContractLoader.parse(
                "designLint: on\ntables:\n  customers:\n  orders:\n  audit_log:\n", "contract.yaml"));
        assertThat(byContract.designLint()).isEqualTo(DesignLintSettings.DEFAULT);
        assertThat(run(byContract).designLint()).isNotEmpty();

        assertThat(run(byContract.withDesignLint(DesignLintSettings.OFF)).designLint()).isEmpty();
    }

    @Test
    void aTeamRuleThatCannotRunFailsTheVerificationNamingTheRule() {
        StairwayReport report = failed(Stairway.of(FLAWED).withDesignLint(DesignLintSettings.DEFAULT
                .withSqlRule(new SqlRule("writes", Severity.LOW, "never", "SELECT count(*) FROM nonexistent_table", false))));

        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.DESIGN_LINT_FAILED);
            assertThat(f.message()).contains("designLint.sql rule writes", "nonexistent_table");
        });
    }

    @Test
    void theHeadsDocumentationIsWrittenOnRequestAndAFailureToWriteItIsAFinding(@TempDir Path dir) throws Exception {
        Path docs = dir.resolve("docs");

        StairwayReport report = run(Stairway.of(FLAWED).withSchemaDocs(docs));

        assertThat(report.passed()).isTrue();
        assertThat(java.nio.file.Files.readString(docs.resolve("schema.html"))).startsWith("<!DOCTYPE html>")
                .contains("orders_customer_id_fkey", "audit_log");
        assertThat(java.nio.file.Files.readString(docs.resolve("schema.txt"))).contains("audit_log", "happened_at")
                .as("the head, not a state on the way down: the full downgrade drops every table").contains("customers");
        assertThat(run(Stairway.of(FLAWED)).passed()).as("none without asking").isTrue();

        java.nio.file.Files.writeString(dir.resolve("taken"), "a file where the directory should be");
        StairwayReport blocked = failed(Stairway.of(FLAWED).withSchemaDocs(dir.resolve("taken")));
        assertThat(blocked.failures()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.SCHEMA_DOCS_FAILED);
            assertThat(f.message()).startsWith("The documentation of the head could not be written to ")
                    .contains("taken");
        });
    }
}
