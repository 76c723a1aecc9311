package dev.verifiedschema.cli;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static dev.verifiedschema.cli.CliHarness.CONTRACT;
import static dev.verifiedschema.cli.CliHarness.MIGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check}, {@code remediate} and {@code snapshot} with contracts in the runbook's shape:
 * exact tables that list only their columns, without types.
 */
class ContractCommandsTest {
    /** The runbook's contract: the columns the application uses, no types, hm_* tables exact. */
    private static final String RUNBOOK = """
            owned: ["hm_*"]
            tables:
              users:
                columns: [id, email, role, balance, consent_data_storage, consent_updated_at, created_at]
              hm_usage_records:
                mode: exact
                columns: [id, user_id, request_id, operation, model, prompt_tokens, completion_tokens, cost,
                          created_at]
              hm_transactions:
                mode: exact
                columns: [id, user_id, type, amount, balance_after, reference_id, remark, created_at]
              hm_match_records:
                mode: exact
                columns: [id, user_id, jd_text, resume_text, resume_filename, match_score, report_json,
                          prompt_tokens, completion_tokens, cost, created_at]
              hm_feedbacks:
                mode: exact
                columns: [id, user_id, type, content, contact, page, status, admin_note, created_at, updated_at]
            """;

    private static CliHarness cli;

    @BeforeAll
    static void start() {
        cli = new CliHarness();
    }

    @AfterAll
    static void stop() {
        cli.close();
    }

    private static void execute(String database, String sql) throws Exception {
        try (Connection c = cli.server().dataSource(database).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void withMigrationsEveryMissingColumnGetsItsTypedLineAndApplyingItMakesCheckPass(@TempDir Path dir)
            throws Exception {
        Path contract = Files.writeString(dir.resolve("runbook-contract.yaml"), RUNBOOK, StandardCharsets.UTF_8);
        String production = cli.production("3");
        try {
            execute(production, "INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com')");
            String url = cli.url(production);

            CliHarness.Run untyped = cli.run("check", "--url", url, "--contract", contract.toString());
            assertThat(untyped.exitCode()).isEqualTo(1);
            assertThat(untyped.out()).contains("-- column consent_data_storage of users: the contract gives no type")
                    .doesNotContain("ADD COLUMN IF NOT EXISTS");

            CliHarness.Run check = cli.run("check", "--url", url, "--contract", contract.toString(),
                    "--migrations", MIGRATIONS.toString());
            assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
            assertThat(check.out()).contains(
                    "users.consent_data_storage: missing column consent_data_storage",
                    "hm_feedbacks: missing table",
                    "ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_data_storage boolean DEFAULT false NOT NULL;",
                    "ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_updated_at timestamp without time zone;",
                    "CREATE TABLE IF NOT EXISTS hm_feedbacks (",
                    "    status character varying(16) DEFAULT 'pending'::character varying NOT NULL,")
                    .doesNotContain("add it by hand");

            CliHarness.Run sql = cli.run("remediate", "--url", url, "--contract", contract.toString(),
                    "--migrations", MIGRATIONS.toString());
            assertThat(sql.exitCode()).as(sql.err()).isEqualTo(0);
            assertThat(sql.out()).startsWith("ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_data_storage boolean")
                    .doesNotContain("add it by hand");
            execute(production, sql.out());

            assertThat(cli.run("check", "--url", url, "--contract", contract.toString()).exitCode()).isEqualTo(0);
            CliHarness.Run typed = cli.run("check", "--url", url, "--contract", CONTRACT.toString());
            assertThat(typed.exitCode()).as("the typed TalentAI contract agrees: the types are head's\n%s",
                    typed.out()).isEqualTo(0);
        } finally {
            cli.server().dropDatabase(production);
        }
    }

    @Test
    void aHealthyDatabaseNeverBuildsTheMigrationsAndBadMigrationsAreNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__broken.sql"), "CREATE TABLE users (id bigint PRIMARY KEY;\n");
        String healthyDb = cli.production("6");
        String incidentDb = cli.production("4");
        try {
            CliHarness.Run healthy = cli.run("check", "--url", cli.url(healthyDb), "--contract", CONTRACT.toString(),
                    "--migrations", dir.toString());
            assertThat(healthy.exitCode()).as("the broken set is never built\n%s", healthy.err()).isEqualTo(0);

            CliHarness.Run broken = cli.run("check", "--url", cli.url(incidentDb), "--contract",
                    CONTRACT.toString(), "--migrations", dir.toString());
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.err()).contains("The migrations in " + dir
                    + " do not build a schema at head on a scratch database").doesNotContain("\tat ");

            CliHarness.Run missing = cli.run("remediate", "--url", cli.url(incidentDb), "--contract",
                    CONTRACT.toString(), "--migrations", "no/such/dir");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("--migrations no/such/dir: no such directory");
        } finally {
            cli.server().dropDatabase(healthyDb);
            cli.server().dropDatabase(incidentDb);
        }
    }

    @Test
    void aRunbookShapedExactContractHasNoFalseAlarmsOnTheHealthySet(@TempDir Path dir) throws Exception {
        Path contract = Files.writeString(dir.resolve("runbook-contract.yaml"), RUNBOOK, StandardCharsets.UTF_8);

        CliHarness.Run verify = cli.run("verify", "--migrations", MIGRATIONS.toString(),
                "--contract", contract.toString());

        assertThat(verify.exitCode()).as(verify.out()).isEqualTo(0);
        assertThat(verify.out()).doesNotContain("not in the contract");
    }

    @Test
    void aSnapshotWritesUniqueConstraintsAndTheSameSchemaHonoursItExactly(@TempDir Path dir) throws Exception {
        CliHarness.Run run = cli.run("snapshot", "--migrations", MIGRATIONS.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("    uniqueConstraints:\n      - { name: users_email_key, columns: [email] }");

        Contract contract = ContractLoader.parse(run.out(), "snapshot.yaml");
        assertThat(contract.tables().get("users").uniqueConstraints()).extracting(u -> u.name())
                .containsExactlyInAnyOrder("users_email_key", "users_openid_key", "users_username_key");
        assertThat(contract.tables().get("hm_transactions").uniqueConstraints()).isEmpty();

        Path file = Files.writeString(dir.resolve("snapshot-contract.yaml"), run.out(), StandardCharsets.UTF_8);
        String production = cli.production("6");
        try {
            CliHarness.Run check = cli.run("check", "--url", cli.url(production), "--contract", file.toString());
            assertThat(check.exitCode()).as(check.out()).isEqualTo(0);
            CliHarness.Run verify = cli.run("verify", "--migrations", MIGRATIONS.toString(),
                    "--contract", file.toString());
            assertThat(verify.exitCode()).as("keys and indexes compared exactly at head\n%s", verify.out())
                    .isEqualTo(0);

            execute(production, "ALTER TABLE hm_transactions ADD CONSTRAINT hm_transactions_reference_id_key "
                    + "UNIQUE (reference_id)");
            CliHarness.Run drifted = cli.run("drift", "--url", cli.url(production), "--migrations",
                    MIGRATIONS.toString(), "--contract", file.toString());
            assertThat(drifted.out()).contains("unique constraint not in the contract hm_transactions_reference_id_key");
        } finally {
            cli.server().dropDatabase(production);
        }
    }
}
