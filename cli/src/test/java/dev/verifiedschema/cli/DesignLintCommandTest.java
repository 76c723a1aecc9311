package dev.verifiedschema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --design-lint} and {@code --design-lint-fail-on} of {@code verify} and {@code check}. */
class DesignLintCommandTest {
    /** An order's customer_id is an integer referencing a bigint, with no index; a log with no key. */
    private static final String V1 = """
            CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);
            CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                customer_id integer NOT NULL REFERENCES customers (id), placed_at timestamptz NOT NULL);
            CREATE TABLE audit_log (happened_at timestamptz, what text);
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

    private static Path set(Path dir) throws Exception {
        Path set = Files.createDirectories(dir.resolve("db"));
        Files.writeString(set.resolve("V1__shop.sql"), V1);
        Files.writeString(set.resolve("U1__shop.sql"), "DROP TABLE audit_log; DROP TABLE orders; DROP TABLE customers;");
        return set;
    }

    @Test
    void verifyWarnsOfTheHeadsFlawsOnRequestAndFailsFromTheGivenSeverity(@TempDir Path dir) throws Exception {
        String migrations = set(dir).toString();

        CliHarness.Run warned = cli.run("verify", "--migrations", migrations, "--design-lint", "on");
        CliHarness.Run gated = cli.run("verify", "--migrations", migrations, "--design-lint-fail-on", "high");
        CliHarness.Run off = cli.run("verify", "--migrations", migrations);

        assertThat(warned.exitCode()).as(warned.out() + warned.err()).isZero();
        assertThat(warned.out()).contains("design lint warnings below.", "Design lint of the head: ",
                "  - [high] foreign-key-type-mismatch: orders (orders_customer_id_fkey): ",
                "  - [medium] foreign-key-without-index: orders (orders_customer_id_fkey): ");
        assertThat(gated.exitCode()).isEqualTo(1);
        assertThat(gated.out()).contains("design lint: [high] foreign-key-type-mismatch: orders (orders_customer_id_fkey)",
                "design lint: [high] table-without-primary-key: audit_log");
        assertThat(off.exitCode()).isZero();
        assertThat(off.out()).as("opt-in: off without the option or a contract section").doesNotContain("Design lint");
    }

    @Test
    void checkLintsTheLiveSchemaReadOnlyAndReportsItInJson(@TempDir Path dir) throws Exception {
        String database = cli.server().createDatabase(null);
        try {
            try (Connection c = cli.server().dataSource(database).getConnection(); Statement s = c.createStatement()) {
                s.execute(V1);
            }
            Path contract = Files.writeString(dir.resolve("shop.yaml"), """
                    designLint:
                      failOn: high
                      sql:
                        - name: writes
                          message: never
                          schema: SELECT 'x' FROM (SELECT nextval('orders_id_seq') AS n) moved WHERE n < 0
                    tables:
                      customers:
                      orders:
                    """);
            String url = cli.url(database);

            CliHarness.Run gated = cli.run("check", "--url", url, "--contract", contract.toString(), "--format", "json");
            CliHarness.Run warnings = cli.run("check", "--url", url, "--contract", contract.toString(),
                    "--design-lint-fail-on", "none");

            JsonNode json = new ObjectMapper().readTree(gated.out());
            assertThat(gated.exitCode()).as(gated.out() + gated.err()).isEqualTo(1);
            assertThat(json.findValuesAsText("name")).contains("design lint")
                    .as("the team's query tried to write, and the lint's read-only transaction refused it");
            assertThat(gated.out()).contains("cannot execute nextval() in a read-only transaction");
            assertThat(warnings.exitCode()).as(warnings.out()).isEqualTo(1);

            Files.writeString(contract, "designLint:\n  failOn: high\ntables:\n  customers:\n  orders:\n");
            CliHarness.Run flawed = cli.run("check", "--url", url, "--contract", contract.toString(), "--format", "json");
            CliHarness.Run relaxed = cli.run("check", "--url", url, "--contract", contract.toString(),
                    "--design-lint-fail-on", "none");
            JsonNode flaws = new ObjectMapper().readTree(flawed.out());
            assertThat(flawed.exitCode()).isEqualTo(1);
            assertThat(flaws.findValuesAsText("name")).contains(
                    "design lint foreign-key-type-mismatch orders (orders_customer_id_fkey)",
                    "design lint table-without-primary-key audit_log");
            assertThat(flaws.at("/data/designLint/0/severity").asText()).isEqualTo("high");
            assertThat(relaxed.exitCode()).as(relaxed.out()).isZero();
            assertThat(relaxed.out()).contains("honours the contract", "Design lint of the head: ",
                    "[medium] foreign-key-without-index: orders (orders_customer_id_fkey)");
            try (Connection c = cli.server().dataSource(database).getConnection(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT is_called FROM orders_id_seq")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("nothing was written: the sequence never moved").isFalse();
            }
        } finally {
            cli.server().dropDatabase(database);
        }
    }
}
