package dev.verifiedschema.compare;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.verifiedschema.compare.Fixtures.*;
import static dev.verifiedschema.compare.Violation.Kind.*;
import static org.assertj.core.api.Assertions.assertThat;

class ContractCheckTest {

    private static final Contract CONTRACT = ContractLoader.parse("""
            owned: ["hm_*"]
            tables:
              users:
                columns:
                  id: bigint
                  email: { type: varchar(255), nullable: false }
                  balance: { type: "numeric(12,2)", default: "0" }
                  consent_data_storage: bool
                  consent_updated_at: timestamp
              hm_transactions:
                mode: exact
                columns:
                  id: { type: int8, nullable: false }
                  user_id: { type: int8, nullable: false }
                  amount: { type: "numeric(12,2)", nullable: false }
                  type: varchar(20)
                  created_at: { type: timestamp, default: "now()" }
                primaryKey: [id]
                foreignKeys:
                  - { columns: [user_id], references: "users(id)", onDelete: cascade }
                indexes:
                  - { columns: [user_id, created_at] }
            """, "contract.yaml");

    @Test
    void aSchemaThatHonoursTheContractHasNoViolations() {
        assertThat(ContractCheck.check(CONTRACT, schema(users(), transactions()))).isEmpty();
    }

    @Test
    void extraColumnsAreAllowedInRequiredTables() {
        Table users = users();
        Map<String, Column> columns = new HashMap<>(users.columns());
        columns.put("website_only", col("website_only", "text", true));
        assertThat(ContractCheck.check(CONTRACT, schema(replaceColumns(users, columns), transactions()))).isEmpty();
    }

    @Test
    void missingTableAndMissingColumnsAreAllReported() {
        Table users = users();
        Map<String, Column> columns = new HashMap<>(users.columns());
        columns.remove("consent_data_storage");
        columns.remove("consent_updated_at");

        List<Violation> violations = ContractCheck.check(CONTRACT, schema(replaceColumns(users, columns)));

        assertThat(violations).extracting(Violation::toString).containsExactly(
                "users: missing column consent_data_storage (expected boolean)",
                "users: missing column consent_updated_at (expected timestamp without time zone)",
                "hm_transactions: missing table (expected columns id, user_id, amount, type, created_at)");
    }

    @Test
    void wrongTypeNullabilityAndDefaultAreReportedWithExpectedAndFound() {
        Table tx = transactions();
        Map<String, Column> columns = new HashMap<>(tx.columns());
        columns.put("amount", col("amount", "double precision", true));
        columns.put("created_at", col("created_at", "timestamp without time zone", false));

        List<Violation> violations = ContractCheck.check(CONTRACT, schema(users(), replaceColumns(tx, columns)));

        assertThat(violations).extracting(Violation::kind, Violation::object, Violation::expected, Violation::found)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(WRONG_TYPE, "amount", "numeric(12,2)", "double precision"),
                        org.assertj.core.groups.Tuple.tuple(WRONG_NULLABILITY, "amount", "not null", "nullable"),
                        org.assertj.core.groups.Tuple.tuple(WRONG_DEFAULT, "created_at", "now()", "no default"));
        assertThat(violations.get(0).toString())
                .isEqualTo("hm_transactions: wrong type of column amount (expected numeric(12,2), found double precision)");
    }

    @Test
    void defaultsMatchDespiteCatalogCasts() {
        assertThat(Defaults.same("'open'", "'open'::character varying")).isTrue();
        assertThat(Defaults.same("0", "0")).isTrue();
        assertThat(Defaults.same("'new'", "'new'::order_status")).isTrue();
        assertThat(Defaults.same("now()", "NOW()")).isTrue();
        assertThat(Defaults.same("'open'", "'closed'::text")).isFalse();
        assertThat(Defaults.same("0", null)).isFalse();
    }

    @Test
    void unexpectedColumnIndexAndForeignKeyInAnExactTableAreReported() {
        Table tx = transactions();
        Map<String, Column> columns = new HashMap<>(tx.columns());
        columns.put("currency", col("currency", "character varying(3)", true));
        Map<String, Index> indexes = new HashMap<>(tx.indexes());
        indexes.put("idx_tx_type", new Index("idx_tx_type", List.of("type"), false, null, "btree"));
        Table changed = new Table(tx.name(), columns, tx.primaryKey(), tx.foreignKeys(), indexes,
                tx.uniqueConstraints(), tx.checks(), tx.triggers());

        assertThat(ContractCheck.check(CONTRACT, schema(users(), changed)))
                .extracting(Violation::kind, Violation::object)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UNEXPECTED_COLUMN, "currency"),
                        org.assertj.core.groups.Tuple.tuple(UNEXPECTED_INDEX, "idx_tx_type"));
    }

    @Test
    void missingKeysAndIndexesAreReported() {
        Table tx = transactions();
        Table bare = new Table(tx.name(), tx.columns(), null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        assertThat(ContractCheck.check(CONTRACT, schema(users(), bare)))
                .extracting(Violation::toString).containsExactly(
                        "hm_transactions: missing primary key (expected (id))",
                        "hm_transactions: missing foreign key (user_id) -> users(id) (expected on delete cascade)",
                        "hm_transactions: missing index (user_id, created_at)");
    }

    @Test
    void foreignKeyWithAnotherDeleteRuleDoesNotMatch() {
        Table tx = transactions();
        var fk = tx.foreignKeys().get("hm_transactions_user_id_fkey");
        Table restrict = new Table(tx.name(), tx.columns(), tx.primaryKey(), Map.of(fk.name(),
                new dev.verifiedschema.snapshot.ForeignKey(fk.name(), fk.columns(), "users", List.of("id"),
                        "RESTRICT", "NO ACTION")), tx.indexes(), Map.of(), tx.checks(), Map.of());

        assertThat(ContractCheck.check(CONTRACT, schema(users(), restrict)))
                .extracting(Violation::kind).containsExactly(MISSING_FOREIGN_KEY, UNEXPECTED_FOREIGN_KEY);
    }

    @Test
    void wrongAndUnexpectedPrimaryKeysAreReported() {
        Table tx = transactions();
        Table wrongPk = new Table(tx.name(), tx.columns(),
                new dev.verifiedschema.snapshot.PrimaryKey("hm_transactions_pkey", List.of("id", "user_id")),
                tx.foreignKeys(), tx.indexes(), Map.of(), Map.of(), Map.of());
        assertThat(ContractCheck.check(CONTRACT, schema(users(), wrongPk)))
                .extracting(Violation::toString).containsExactly(
                        "hm_transactions: wrong primary key hm_transactions_pkey (expected (id), found (id, user_id))");

        Contract noPk = ContractLoader.parse("tables:\n  t:\n    mode: exact\n    columns: [id]\n    primaryKey: []\n",
                "c.yaml");
        Contract leftOut = ContractLoader.parse("tables:\n  t:\n    mode: exact\n    columns: [id]\n", "c.yaml");
        Table t = new Table("t", Map.of("id", col("id", "bigint", false)),
                new dev.verifiedschema.snapshot.PrimaryKey("t_pkey", List.of("id")), Map.of(),
                Map.of("t_pkey", new Index("t_pkey", List.of("id"), true, null, "btree")), Map.of(), Map.of(), Map.of());
        assertThat(ContractCheck.check(noPk, schema(t))).extracting(Violation::kind)
                .containsExactly(UNEXPECTED_PRIMARY_KEY);
        assertThat(ContractCheck.check(leftOut, schema(t))).as("primaryKey left out: not compared").isEmpty();
    }

    @Test
    void anUndeclaredTableMatchingAnOwnedGlobIsReported() {
        Table tmp = new Table("hm_tmp", Map.of("id", col("id", "integer", true)), null, Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of());
        Table website = new Table("website_pages", Map.of(), null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        assertThat(ContractCheck.check(CONTRACT, schema(users(), transactions(), tmp, website)))
                .extracting(Violation::toString)
                .containsExactly("hm_tmp: table not declared in the contract, but its name is owned (found owned: hm_*)");
    }

    @Test
    void serialColumnsNeedASequenceDefault() {
        Contract serial = ContractLoader.parse("tables:\n  t:\n    columns:\n      id: bigserial\n", "c.yaml");
        Table withSequence = new Table("t", Map.of("id", new Column("id", "bigint", false,
                "nextval('t_id_seq'::regclass)", null)), null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
        Table plain = new Table("t", Map.of("id", col("id", "bigint", false)), null, Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of());

        assertThat(ContractCheck.check(serial, schema(withSequence))).isEmpty();
        assertThat(ContractCheck.check(serial, schema(plain))).extracting(Violation::toString)
                .containsExactly("t: wrong default of column id (expected a sequence (serial), found no default)");
    }

    @Test
    void columnsScopeIgnoresKeysAndIndexes() {
        Table tx = transactions();
        Table bare = new Table(tx.name(), tx.columns(), null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
        SchemaSnapshot snapshot = schema(users(), bare);

        assertThat(ContractCheck.check(CONTRACT, snapshot, ContractCheck.Scope.COLUMNS)).isEmpty();
        assertThat(ContractCheck.check(CONTRACT, snapshot, ContractCheck.Scope.FULL)).hasSize(3);
    }

    private static Table replaceColumns(Table t, Map<String, Column> columns) {
        return new Table(t.name(), columns, t.primaryKey(), t.foreignKeys(), t.indexes(), t.uniqueConstraints(),
                t.checks(), t.triggers());
    }
}
