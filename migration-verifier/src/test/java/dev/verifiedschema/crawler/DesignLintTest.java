package dev.verifiedschema.crawler;

import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.contract.DesignLintSettings.Severity;
import dev.verifiedschema.contract.DesignLintSettings.SqlRule;
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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(FreshDatabase.class)
class DesignLintTest {
    /** One schema that breaks every rule that is on by default, each in a table of its own where it can. */
    private static final String FLAWED = """
            CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL,
                "select" text);
            CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id integer NOT NULL
                REFERENCES customers (id), placed_at timestamptz NOT NULL, code text);
            CREATE UNIQUE INDEX orders_code ON orders (code);
            CREATE INDEX orders_placed ON orders (placed_at);
            CREATE INDEX orders_placed_code ON orders (placed_at, code);
            CREATE TABLE audit_log (happened timestamptz, what text);
            CREATE TABLE nodes (id integer PRIMARY KEY REFERENCES nodes (id), label text NOT NULL);
            CREATE TABLE teams (id bigint PRIMARY KEY, lead_id bigint NOT NULL, name text NOT NULL);
            CREATE TABLE people (id bigint PRIMARY KEY, team_id bigint NOT NULL REFERENCES teams (id), name text NOT NULL);
            CREATE INDEX people_team ON people (team_id);
            CREATE INDEX teams_lead ON teams (lead_id);
            ALTER TABLE teams ADD FOREIGN KEY (lead_id) REFERENCES people (id);
            CREATE TABLE flags (name text PRIMARY KEY);
            CREATE TABLE contacts (id bigint PRIMARY KEY, phone1 text NOT NULL, phone2 text, phone3 text);
            CREATE TABLE accounts (id bigserial PRIMARY KEY, name text NOT NULL);
            CREATE INDEX accounts_id_name ON accounts (id, name);
            CREATE TABLE sessions (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id));
            CREATE INDEX sessions_account ON sessions (account_id);
            CREATE TABLE flyway_schema_history (version text);
            """;

    private DataSource db;

    @BeforeEach
    void flawedSchema(DataSource db) throws SQLException {
        this.db = db;
        execute(FLAWED);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<DesignFinding> lint(DesignLintSettings settings) throws SQLException {
        try (Connection c = db.getConnection()) {
            return DesignLint.run(c, "public", settings);
        }
    }

    @Test
    void everyRuleOnByDefaultFindsWhatItIsFor() throws SQLException {
        List<DesignFinding> found = lint(DesignLintSettings.DEFAULT);

        assertThat(found).extracting(DesignFinding::rule, DesignFinding::object).contains(
                tuple("table-without-primary-key", "audit_log"),
                tuple("foreign-key-type-mismatch", "orders (orders_customer_id_fkey)"),
                tuple("self-referencing-foreign-key", "nodes (nodes_id_fkey)"),
                tuple("foreign-key-without-index", "orders (orders_customer_id_fkey)"),
                tuple("nullable-column-in-unique-index", "orders (orders_code)"),
                tuple("redundant-index", "orders (orders_placed)"),
                tuple("quoted-name", "customers (select)"),
                tuple("table-without-indexes", "audit_log"),
                tuple("all-columns-nullable", "audit_log"),
                tuple("single-column-table", "flags"),
                tuple("numbered-columns", "contacts (phone1, phone2, phone3)"));
        assertThat(found).as("a table of one key column is not all nullable")
                .noneMatch(f -> f.rule().equals("all-columns-nullable") && f.table().equals("flags"));
        assertThat(found).filteredOn(f -> f.rule().equals("table-cycle")).singleElement()
                .satisfies(f -> assertThat(f.object()).isEqualTo("the schema (people, teams)"));
        assertThat(found).filteredOn(f -> f.rule().equals("same-name-different-type")).singleElement()
                .as("a bigserial is an int8").satisfies(f -> assertThat(f.object()).isEqualTo("the schema (id [int4, int8])"));
        assertThat(found).as("a primary key is never a redundant index to drop")
                .noneMatch(f -> f.rule().equals("redundant-index") && f.object().contains("accounts_pkey"));
        assertThat(found).as("a bigint referencing a bigserial has its type")
                .noneMatch(f -> f.object().contains("sessions_account_id_fkey"));
        assertThat(found).as("Flyway's history table is the tool's, not the team's")
                .noneMatch(f -> "flyway_schema_history".equals(f.table()));
        assertThat(found).as("no rule that is off by default")
                .noneMatch(f -> List.of("composite-primary-key", "primary-key-not-first", "no-remarks").contains(f.rule()));
        assertThat(found).as("warnings only, by default").noneMatch(DesignFinding::fails);
        assertThat(found).extracting(DesignFinding::severity).as("the most severe first").isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        assertThat(found).filteredOn(f -> f.rule().equals("foreign-key-without-index")).first()
                .satisfies(f -> assertThat(f.describe()).isEqualTo("[medium] foreign-key-without-index: orders "
                        + "(orders_customer_id_fkey): foreign key with no index. Create an index on the foreign key's "
                        + "columns: without one, every delete or key change of a referenced row scans this table"));
    }

    @Test
    void aCleanSchemaHasNoFindings() throws SQLException {
        execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
                + "CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);"
                + "CREATE TABLE sessions (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                + " account_id bigint NOT NULL REFERENCES accounts (id), started_at timestamptz NOT NULL);"
                + "CREATE INDEX sessions_account ON sessions (account_id)");

        assertThat(lint(DesignLintSettings.DEFAULT)).isEmpty();
    }

    @Test
    void settingsTurnRulesOffAndOnChangeTheirSeverityAndLeaveExcludedTablesAlone() throws SQLException {
        DesignLintSettings settings = DesignLintSettings.DEFAULT
                .withRule("table-without-primary-key", Optional.empty())
                .withRule("redundant-index", Optional.of(Severity.CRITICAL))
                .withRule("composite-primary-key", Optional.of(Severity.MEDIUM))
                .withExclude("audit_*");
        execute("CREATE TABLE memberships (team_id bigint REFERENCES teams (id), person_id bigint REFERENCES people (id),"
                + " PRIMARY KEY (team_id, person_id)); CREATE INDEX memberships_person ON memberships (person_id)");

        List<DesignFinding> found = lint(settings);

        assertThat(found).noneMatch(f -> f.rule().equals("table-without-primary-key"));
        assertThat(found).noneMatch(f -> "audit_log".equals(f.table()));
        assertThat(found).filteredOn(f -> f.rule().equals("redundant-index")).extracting(DesignFinding::severity)
                .containsOnly(Severity.CRITICAL);
        assertThat(found).extracting(DesignFinding::rule, DesignFinding::table, DesignFinding::severity)
                .contains(tuple("composite-primary-key", "memberships", Severity.MEDIUM));
        assertThat(lint(DesignLintSettings.OFF)).isEmpty();
    }

    @Test
    void findingsFailFromTheFailOnSeverityUp() throws SQLException {
        List<DesignFinding> found = lint(DesignLintSettings.DEFAULT.withFailOn(Severity.HIGH));

        assertThat(found).filteredOn(DesignFinding::fails).extracting(DesignFinding::severity).containsOnly(Severity.HIGH);
        assertThat(found).filteredOn(f -> !f.fails()).extracting(DesignFinding::severity)
                .containsOnly(Severity.MEDIUM, Severity.LOW);
    }

    @Test
    void theTeamsOwnQueriesRunPerTableAndForTheSchema() throws SQLException {
        DesignLintSettings settings = DesignLintSettings.OFF.withEnabled(true)
                .withSqlRule(new SqlRule("text-without-limit", Severity.HIGH, "a text column named code",
                        "SELECT column_name FROM information_schema.columns WHERE table_schema || '.' || table_name = "
                                + "replace('${table}', '\"', '') AND column_name = 'code' LIMIT 1", true))
                .withSqlRule(new SqlRule("no-functions", Severity.LOW, "the schema defines no function",
                        "SELECT 'public' WHERE NOT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                                + " WHERE n.nspname = 'public')", false));
        for (DesignLintSettings.Rule rule : DesignLintSettings.RULES) {
            settings = settings.withRule(rule.name(), Optional.empty());
        }

        List<DesignFinding> found = lint(settings);

        assertThat(found).extracting(DesignFinding::rule, DesignFinding::table, DesignFinding::severity,
                        DesignFinding::message, DesignFinding::detail)
                .containsExactly(tuple("text-without-limit", "orders", Severity.HIGH, "a text column named code", "code"),
                        tuple("no-functions", null, Severity.LOW, "the schema defines no function", "public"));
    }

    @Test
    void aTeamQueryCanNeitherLeaveItsReadOnlyTransactionNorRunASecondStatement() throws SQLException {
        execute("INSERT INTO flags VALUES ('kept')");
        DesignLintSettings escape = DesignLintSettings.OFF.withEnabled(true).withSqlRule(new SqlRule("escape",
                Severity.LOW, "never", "SET TRANSACTION READ WRITE; DELETE FROM flags; SELECT 1", false));
        DesignLintSettings writingCte = DesignLintSettings.OFF.withEnabled(true).withSqlRule(new SqlRule("cte",
                Severity.LOW, "never", "WITH gone AS (DELETE FROM flags RETURNING name) SELECT name FROM gone", false));

        assertThat(catchThrowableOfType(SchemaReadException.class, () -> lint(escape))).hasMessageContaining("escape");
        assertThat(catchThrowableOfType(SchemaReadException.class, () -> lint(writingCte))).hasMessageContaining("cte");
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM flags")) {
            rs.next();
            assertThat(rs.getInt(1)).as("nothing was deleted").isEqualTo(1);
        }
    }

    @Test
    void aSchemaThatDoesNotExistHasNothingToLint() throws SQLException {
        try (Connection c = db.getConnection()) {
            assertThat(DesignLint.run(c, "billing", DesignLintSettings.DEFAULT)).isEmpty();
        }
    }

    @Test
    void aTeamQueryThatFailsIsAnErrorNamingTheRuleNotAPass() throws SQLException {
        DesignLintSettings settings = DesignLintSettings.DEFAULT.withSqlRule(new SqlRule("typo", Severity.HIGH,
                "never", "SELEC 1 FROM ${table}", true));

        SchemaReadException e = catchThrowableOfType(SchemaReadException.class, () -> lint(settings));

        assertThat(e).hasMessageContaining("The design lint of schema public failed while running designLint.sql rule "
                + "typo (fix its query in the contract, or remove the rule)").hasMessageContaining("syntax error");
    }

    @Test
    void theLintReadsOnlyEvenATeamQueryThatWrites() throws SQLException {
        DesignLintSettings settings = DesignLintSettings.OFF.withEnabled(true).withSqlRule(new SqlRule("writer",
                Severity.LOW, "wrote", "SELECT 'x' FROM (SELECT nextval('accounts_id_seq') AS n) moved WHERE n < 0", false));
        execute("INSERT INTO flags VALUES ('kept')");

        SchemaReadException e = catchThrowableOfType(SchemaReadException.class, () -> lint(settings));

        assertThat(e).hasMessageContaining("read-only transaction");
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT is_called FROM accounts_id_seq")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("the sequence never moved").isFalse();
        }
    }
}
