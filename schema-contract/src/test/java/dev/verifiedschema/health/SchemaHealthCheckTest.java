package dev.verifiedschema.health;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.testing.SharedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SchemaHealthCheckTest {

    private static final Contract CONTRACT = ContractLoader.parse("""
            owned: ["hm_*"]
            tables:
              users:
                columns:
                  id: bigint
                  email: text
                  balance: { type: "numeric(12,2)", nullable: false, default: "0" }
                  consent_data_storage: boolean
                  consent_updated_at: timestamp
              hm_transactions:
                mode: exact
                columns:
                  id: { type: bigserial, nullable: false }
                  user_id: { type: bigint, nullable: false }
                  amount: { type: "numeric(12,2)", nullable: false }
                primaryKey: [id]
                foreignKeys:
                  - { columns: [user_id], references: "users(id)" }
                indexes:
                  - { columns: [user_id] }
            """, "talentai-like.yaml");

    private DataSource db;

    @BeforeEach
    void freshDatabaseAsBeforeTheConsentMigration() {
        db = SharedPostgres.freshDatabase();
        SharedPostgres.execute(db,
                "CREATE TABLE users (id bigint PRIMARY KEY, email text, website_only text)",
                "INSERT INTO users (id, email) VALUES (1, 'a@example.com'), (2, 'b@example.com')");
    }

    @Test
    void keysAndIndexesAreCheckedOnlyWhenAskedFor() {
        SharedPostgres.execute(db,
                "ALTER TABLE users ADD COLUMN balance numeric(12,2) NOT NULL DEFAULT 0, "
                        + "ADD COLUMN consent_data_storage boolean, ADD COLUMN consent_updated_at timestamp",
                "CREATE TABLE hm_transactions (id bigserial PRIMARY KEY, user_id bigint NOT NULL, amount numeric(12,2) NOT NULL)");

        assertThat(SchemaHealthCheck.from(CONTRACT).check(db).isHealthy()).isTrue();
        HealthReport full = SchemaHealthCheck.from(CONTRACT).withKeysAndIndexes().check(db);

        assertThat(full.violations()).extracting(Object::toString).containsExactly(
                "hm_transactions: missing foreign key (user_id) -> users(id)",
                "hm_transactions: missing index (user_id)");
        assertThat(full.remediationSql()).contains("CREATE INDEX IF NOT EXISTS hm_transactions_user_id_idx");

        SharedPostgres.execute(db, "DROP SCHEMA public CASCADE");
        assertThat(SchemaHealthCheck.from(CONTRACT).withKeysAndIndexes().check(db).violations())
                .extracting(Object::toString).contains("hm_transactions: missing table (expected columns id, user_id, amount)");
    }

    @Test
    void oneMessageNamesEveryMissingTableAndColumnAndTheRemediationRepairsIt() {
        HealthReport report = SchemaHealthCheck.from(CONTRACT).check(db);

        assertThat(report.isHealthy()).isFalse();
        assertThat(report.violations()).extracting(Object::toString).containsExactly(
                "users: missing column balance (expected numeric(12,2))",
                "users: missing column consent_data_storage (expected boolean)",
                "users: missing column consent_updated_at (expected timestamp without time zone)",
                "hm_transactions: missing table (expected columns id, user_id, amount)");
        assertThat(report.remediationSql()).contains(
                "ALTER TABLE users ADD COLUMN IF NOT EXISTS balance numeric(12,2) DEFAULT 0 NOT NULL;",
                "ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_data_storage boolean;",
                "ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_updated_at timestamp without time zone;",
                "CREATE TABLE IF NOT EXISTS hm_transactions (",
                "CREATE INDEX IF NOT EXISTS hm_transactions_user_id_idx ON hm_transactions (user_id);");

        SchemaUnhealthyException thrown = catchThrowableOfType(SchemaUnhealthyException.class,
                () -> SchemaHealthCheck.from(CONTRACT).assertHealthy(db));
        assertThat(thrown.getMessage()).contains("consent_data_storage", "consent_updated_at",
                "Remediation SQL", "ADD COLUMN IF NOT EXISTS consent_updated_at");

        SharedPostgres.execute(db, report.remediationSql());

        HealthReport after = SchemaHealthCheck.from(CONTRACT).assertHealthy(db);
        assertThat(after.isHealthy()).isTrue();
        assertThat(after.remediationSql()).isEmpty();
        assertThat(after.describe()).isEqualTo("Schema public honours the contract talentai-like.yaml.");
    }

    @Test
    void anUndeclaredOwnedTableIsReportedButOtherTablesAreNot() {
        SharedPostgres.execute(db, "CREATE TABLE hm_tmp (id int)", "CREATE TABLE hmx (id int)",
                "CREATE TABLE flyway_schema_history (installed_rank int)");

        HealthReport report = SchemaHealthCheck.from(CONTRACT).check(db);

        assertThat(report.violations()).extracting(v -> v.table())
                .contains("hm_tmp").doesNotContain("hmx", "flyway_schema_history");
        assertThat(report.remediationSql()).contains("-- DROP TABLE hm_tmp;");
    }

    @Test
    void worksForARoleThatMayOnlyConnectAndLeavesTheConnectionAsItFoundIt() throws Exception {
        SharedPostgres.execute(db, SchemaHealthCheckTest.fixedUsers());
        String role = "reader_" + ProcessHandle.current().pid();
        SharedPostgres.execute(SharedPostgres.server().getPostgresDatabase(),
                "DROP ROLE IF EXISTS " + role, "CREATE ROLE " + role + " LOGIN");
        String database;
        try (Connection c = db.getConnection()) {
            database = c.getCatalog();
        }
        DataSource asReader = SharedPostgres.server().getDatabase(role, database);
        try (Connection c = asReader.getConnection()) {
            c.setAutoCommit(true);
            HealthReport report = SchemaHealthCheck.from(CONTRACT).check(c);

            assertThat(report.violations()).extracting(Object::toString)
                    .containsExactly("hm_transactions: missing table (expected columns id, user_id, amount)");
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
        } finally {
            SharedPostgres.execute(db, "REASSIGN OWNED BY " + role + " TO postgres", "DROP OWNED BY " + role);
            SharedPostgres.execute(SharedPostgres.server().getPostgresDatabase(), "DROP ROLE " + role);
        }
    }

    @Test
    void aCallersOpenTransactionIsLeftAsItWas() throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("INSERT INTO users (id, email) VALUES (3, 'c@example.com')");
            }
            assertThat(SchemaHealthCheck.from(CONTRACT).check(c).violations()).hasSize(4);
            c.commit();
            assertThat(c.getAutoCommit()).isFalse();
        }
        try (Connection c = db.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the caller's insert was kept").isEqualTo(3);
        }
    }

    @Test
    void typesAndDefaultsInAnotherSchemaReadAsTheApplicationSeesThem() {
        SharedPostgres.execute(db, "CREATE SCHEMA app", "CREATE TYPE app.mood AS ENUM ('ok', 'meh')",
                "CREATE TABLE app.t (id bigserial PRIMARY KEY, m app.mood)");
        Contract contract = ContractLoader.parse("""
                schema: app
                tables:
                  t:
                    columns:
                      id: { type: bigint, default: "nextval('t_id_seq'::regclass)" }
                      m: mood
                """, "app.yaml");

        assertThat(SchemaHealthCheck.from(contract).check(db).violations()).isEmpty();
    }

    @Test
    void anUnreachableServerGivesAClearMessage() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setServerNames(new String[]{"127.0.0.1"});
        nowhere.setPortNumbers(new int[]{1});
        nowhere.setConnectTimeout(2);

        assertThatThrownBy(() -> SchemaHealthCheck.from(CONTRACT).check(nowhere))
                .isInstanceOf(HealthCheckException.class)
                .hasMessageStartingWith("The schema health check could not connect to the database")
                .hasMessageContaining("the server cannot be reached");
    }

    @Test
    void theStatementTimeoutMustBePositive() {
        assertThatThrownBy(() -> SchemaHealthCheck.from(CONTRACT).withStatementTimeout(Duration.ZERO))
                .hasMessageContaining("at least 1 ms");
        assertThat(SchemaHealthCheck.from(CONTRACT).withStatementTimeout(Duration.ofMillis(200)).check(db)
                .violations()).hasSize(4);
    }

    static String fixedUsers() {
        return "ALTER TABLE users ADD COLUMN balance numeric(12,2) NOT NULL DEFAULT 0, "
                + "ADD COLUMN consent_data_storage boolean, ADD COLUMN consent_updated_at timestamp";
    }
}
