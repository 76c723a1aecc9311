package dev.verifiedschema.report;

import dev.verifiedschema.compare.ContractCheck;
import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.health.SchemaHealthCheck;
import dev.verifiedschema.testing.SharedPostgres;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemediationSqlTest {

    @Test
    void awkwardAndHostileIdentifiersAreQuotedSoTheSqlRunsAsWritten() {
        Contract contract = ContractLoader.parse("""
                tables:
                  '"user"':
                    columns:
                      id: { type: bigint, nullable: false }
                      type: text
                      order: integer
                      '"CamelCase"': text
                    primaryKey: [id]
                  '"x""; DROP TABLE keepme; --"':
                    columns:
                      '"y"") ; DROP TABLE keepme; --"': text
                """, "hostile.yaml");
        DataSource db = SharedPostgres.freshDatabase();
        SharedPostgres.execute(db, "CREATE TABLE keepme (id int)");

        String sql = RemediationSql.generate(contract, ContractCheck.check(contract,
                dev.verifiedschema.snapshot.SchemaSnapshot.empty("public")));
        SharedPostgres.execute(db, sql);

        assertThat(sql).contains("CREATE TABLE IF NOT EXISTS \"user\" (", "\"order\" integer", "\"CamelCase\" text",
                "CREATE TABLE IF NOT EXISTS \"x\"\"; DROP TABLE keepme; --\" (");
        assertThat(SchemaHealthCheck.from(contract).check(db).isHealthy()).isTrue();
        assertThat(SchemaHealthCheck.from(ContractLoader.parse("tables:\n  keepme:\n    columns: [id]\n", "k.yaml"))
                .check(db).isHealthy()).as("the hostile name did not drop keepme").isTrue();
    }

    @Test
    void aNameWithALineBreakCannotLeaveTheCommentOrTheStatementItIsWrittenIn() {
        DataSource db = SharedPostgres.freshDatabase();
        SharedPostgres.execute(db, "CREATE TABLE keepme (id int)");
        SharedPostgres.execute(db, "CREATE TABLE wallets (id bigint PRIMARY KEY, \"x\nDROP TABLE keepme; --\" text)");
        Contract contract = ContractLoader.parse("""
                tables:
                  wallets:
                    mode: exact
                    columns:
                      id: bigint
                      "\\"y\\nDROP TABLE keepme; --\\"": text
                """, "hostile.yaml");

        String sql = SchemaHealthCheck.from(contract).check(db).remediationSql();
        SharedPostgres.execute(db, sql);

        assertThat(sql).contains("-- ALTER TABLE wallets DROP COLUMN U&\"x\\000ADROP TABLE keepme; --\";",
                "ALTER TABLE wallets ADD COLUMN IF NOT EXISTS U&\"y\\000ADROP TABLE keepme; --\" text;");
        assertThat(sql.lines()).as("every line is a whole comment or a whole statement")
                .allMatch(line -> line.startsWith("--") || line.startsWith("ALTER TABLE"));
        assertThat(SchemaHealthCheck.from(ContractLoader.parse("tables:\n  keepme:\n    columns: [id]\n", "k.yaml"))
                .check(db).isHealthy()).as("keepme survives the remediation SQL").isTrue();
        assertThat(SchemaHealthCheck.from(contract).check(db).violations()).as("the column was added with its "
                + "exact name; only the unexpected one is left").hasSize(1);
    }

    @Test
    void destructiveFixesAreOnlySuggestedInComments() {
        Contract contract = ContractLoader.parse("""
                owned: ["hm_*"]
                tables:
                  hm_t:
                    mode: exact
                    columns:
                      amount: { type: "numeric(12,2)", nullable: false, default: "now(); DROP TABLE x" }
                """, "c.yaml");
        List<Violation> violations = List.of(
                new Violation(Violation.Kind.WRONG_TYPE, "hm_t", "amount", "numeric(12,2)", "double precision"),
                new Violation(Violation.Kind.WRONG_NULLABILITY, "hm_t", "amount", "not null", "nullable"),
                new Violation(Violation.Kind.WRONG_DEFAULT, "hm_t", "amount", "now(); DROP TABLE x", "no default"),
                new Violation(Violation.Kind.UNEXPECTED_COLUMN, "hm_t", "remark", null, "text"),
                new Violation(Violation.Kind.UNDECLARED_TABLE, "hm_tmp", "hm_tmp", null, "owned"));

        String sql = RemediationSql.generate(contract, violations);

        assertThat(sql.lines()).allMatch(line -> line.startsWith("--"));
        assertThat(sql).contains("-- ALTER TABLE hm_t ALTER COLUMN amount TYPE numeric(12,2);",
                "-- ALTER TABLE hm_t ALTER COLUMN amount SET NOT NULL;",
                "-- ALTER TABLE hm_t DROP COLUMN remark;", "-- DROP TABLE hm_tmp;");
    }

    @Test
    void aNotNullColumnWithoutDefaultIsAddedNullableWithAFollowUp() {
        Contract contract = ContractLoader.parse("""
                tables:
                  users:
                    columns:
                      consent_data_storage: { type: boolean, nullable: false }
                      mystery: { nullable: false }
                """, "c.yaml");
        List<Violation> violations = ContractCheck.check(contract,
                dev.verifiedschema.compare.ContractCheckAccess.snapshotWithEmptyTable("users"));

        String sql = RemediationSql.generate(contract, violations);

        assertThat(sql).isEqualTo("""
                ALTER TABLE users ADD COLUMN IF NOT EXISTS consent_data_storage boolean;
                -- added without NOT NULL: with no default, ADD COLUMN ... NOT NULL fails on a table that has rows; \
                fill users.consent_data_storage, then run: ALTER TABLE users ALTER COLUMN consent_data_storage SET NOT NULL;
                -- column mystery of users: the contract gives no type; add it by hand, declare its type in the \
                contract, or give the migrations (check --migrations DIR; SchemaHealthCheck.withTypesFrom)
                """);
    }

    @Test
    void reportsGroupEveryViolationByTable() {
        List<Violation> violations = List.of(
                new Violation(Violation.Kind.MISSING_COLUMN, "users", "consent_updated_at",
                        "timestamp without time zone", null),
                new Violation(Violation.Kind.MISSING_TABLE, "hm_feedbacks", "hm_feedbacks", null, null),
                new Violation(Violation.Kind.MISSING_COLUMN, "users", "consent_data_storage", "boolean", null));

        String text = TextReport.render(violations, "public", "talentai-contract.yaml");
        String json = JsonReport.render(violations, "public", "talentai-contract.yaml", "SELECT 1;");

        assertThat(text).isEqualTo("""
                3 problems in schema public (contract talentai-contract.yaml):
                users:
                  - missing column consent_updated_at (expected timestamp without time zone)
                    fix: add the column with a migration (the remediation SQL shows how)
                  - missing column consent_data_storage (expected boolean)
                    fix: add the column with a migration (the remediation SQL shows how)
                hm_feedbacks:
                  - missing table
                    fix: create the table with a migration (the remediation SQL shows how)""");
        assertThat(json).contains("\"healthy\" : false", "\"kind\" : \"MISSING_COLUMN\"",
                "\"object\" : \"consent_updated_at\"", "\"remediationSql\" : \"SELECT 1;\"");
    }
}
