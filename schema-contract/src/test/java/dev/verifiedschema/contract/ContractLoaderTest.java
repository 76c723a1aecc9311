package dev.verifiedschema.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ContractLoaderTest {

    private static final String ISSUE_EXAMPLE = """
            schema: public
            owned: ["hm_*"]
            tables:
              users:
                mode: required
                columns: [id, email, consent_data_storage]
              hm_transactions:
                mode: exact
                columns:
                  id: { type: bigint, nullable: false }
                  user_id: int8
                  created_at: timestamp
                  amount: { type: "numeric(12,2)", nullable: false, default: "0" }
                  remark: text
                primaryKey: [id]
                foreignKeys:
                  - { columns: [user_id], references: "users(id)", onDelete: cascade }
                indexes:
                  - { columns: [user_id, created_at], unique: false }
            """;

    @Test
    void theNormativeExampleLoadsWithEveryProperty() {
        Contract contract = ContractLoader.parse(ISSUE_EXAMPLE, "example.yaml");

        assertThat(contract.schema()).isEqualTo("public");
        assertThat(contract.owned()).containsExactly("hm_*");
        assertThat(contract.tables()).containsOnlyKeys("users", "hm_transactions");
        TableContract users = contract.tables().get("users");
        assertThat(users.mode()).isEqualTo(Mode.REQUIRED);
        assertThat(users.columns()).containsOnlyKeys("id", "email", "consent_data_storage");
        assertThat(users.columns().get("email").type()).isNull();

        TableContract tx = contract.tables().get("hm_transactions");
        assertThat(tx.mode()).isEqualTo(Mode.EXACT);
        assertThat(tx.columns().keySet()).containsExactly("id", "user_id", "created_at", "amount", "remark");
        assertThat(tx.columns().get("id")).isEqualTo(new ColumnContract("id", "bigint", false, false, null, 10));
        assertThat(tx.columns().get("user_id").type()).isEqualTo("bigint");
        assertThat(tx.columns().get("created_at").type()).isEqualTo("timestamp without time zone");
        assertThat(tx.columns().get("amount").type()).isEqualTo("numeric(12,2)");
        assertThat(tx.columns().get("amount").defaultValue()).isEqualTo("0");
        assertThat(tx.primaryKey()).containsExactly("id");
        assertThat(tx.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly("user_id");
            assertThat(fk.referencedTable()).isEqualTo("users");
            assertThat(fk.referencedColumns()).containsExactly("id");
            assertThat(fk.onDelete()).isEqualTo("CASCADE");
        });
        assertThat(tx.indexes()).singleElement().satisfies(ix -> {
            assertThat(ix.columns()).containsExactly("user_id", "created_at");
            assertThat(ix.unique()).isFalse();
            assertThat(ix.name()).isNull();
        });
        assertThat(contract.owns("hm_tmp")).isTrue();
        assertThat(contract.owns("users")).isFalse();
    }

    @Test
    void unquotedNamesFoldToLowerCaseAndQuotedNamesKeepTheirCase() {
        Contract contract = ContractLoader.parse("""
                tables:
                  Users:
                    columns: [Email, '"CamelCase"']
                  '"Order"':
                    columns:
                      '"Total"': numeric(10,2)
                """, "case.yaml");

        assertThat(contract.tables()).containsOnlyKeys("users", "Order");
        assertThat(contract.tables().get("users").columns()).containsOnlyKeys("email", "CamelCase");
        assertThat(contract.tables().get("Order").columns()).containsOnlyKeys("Total");
        assertThat(contract.schema()).isEqualTo("public");
    }

    @Test
    void ownedGlobsFoldLikeTheNamesTheyMatch() {
        Contract contract = ContractLoader.parse("owned: [\"HM_*\", '\"Tmp*\"']\ntables: {}\n", "globs.yaml");
        assertThat(contract.owned()).containsExactly("hm_*", "Tmp*");
        assertThat(contract.owns("hm_tmp")).isTrue();
        assertThat(contract.owns("TmpTable")).isTrue();
        assertThat(contract.owns("tmptable")).isFalse();
    }

    @Test
    void malformedYamlNamesTheLineAndColumn() {
        ContractException e = catchThrowableOfType(ContractException.class, () -> ContractLoader.parse("""
                tables:
                  users:
                    columns: [id, email
                  hm_x: {}
                """, "broken.yaml"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("broken.yaml");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
            assertThat(p.message()).startsWith("this is not valid YAML");
        });
        assertThat(e.getMessage()).contains("broken.yaml:");
    }

    @Test
    void unknownKeySuggestsTheNearestKnownOne() {
        ContractException e = catchThrowableOfType(ContractException.class, () -> ContractLoader.parse("""
                tables:
                  users:
                    colums: [id]
                """, "typo.yaml"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.message()).contains("unknown key 'colums'", "did you mean 'columns'?",
                    "Allowed keys: mode, columns, primaryKey, foreignKeys, indexes");
        });
        assertThat(e.getMessage()).contains("typo.yaml:3:5: unknown key 'colums'");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceInFileOrder() {
        ContractException e = catchThrowableOfType(ContractException.class, () -> ContractLoader.parse("""
                tables:
                  users:
                    mode: strict
                    columns:
                      id: { type: "numeric(12,", nullable: maybe }
                      email: text
                      Email: text
                  hm_a:
                    columns: 42
                  users: {}
                  hm_b:
                    columns: [user_id]
                    foreignKeys:
                      - { columns: [user_id], references: "accounts(id)" }
                      - { columns: [user_id], references: "users(idx)" }
                      - { columns: [user_id], references: "users id" }
                """, "many.yaml"));

        assertThat(e.problems()).extracting(ContractProblem::line).isSorted();
        assertThat(e.problems()).extracting(ContractProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("unknown mode 'strict'", "allowed: required", "exact"),
                m -> assertThat(m).contains("users.id", "'numeric(12,' is not a type name", "expected"),
                m -> assertThat(m).contains("nullable of column users.id must be true or false", "'maybe'"),
                m -> assertThat(m).contains("column users.email is declared twice (first on line 6)"),
                m -> assertThat(m).contains("columns of table hm_a must be a list"),
                m -> assertThat(m).contains("table users is declared twice (first on line 2)"),
                m -> assertThat(m).contains("references table accounts, which the contract does not declare"),
                m -> assertThat(m).contains("references users.idx, which the contract does not declare"),
                m -> assertThat(m).contains("write it as table(column, ...)"));
        assertThat(e.getMessage()).startsWith("The contract many.yaml has 9 problems");
    }

    @Test
    void aTypeCutByAFlowMappingCommaGetsAHint() {
        assertThatThrownBy(() -> ContractLoader.parse("""
                tables:
                  t:
                    columns:
                      amount: { type: numeric(12,2) }
                """, "flow.yaml"))
                .hasMessageContaining("flow.yaml:4:")
                .hasMessageContaining("quote a type that has a comma inside { }: \"numeric(12,2)\"");
    }

    @Test
    void wrongValueTypesSayWhatIsExpected() {
        ContractException e = catchThrowableOfType(ContractException.class, () -> ContractLoader.parse("""
                schema: [a, b]
                tables: [users]
                """, "types.yaml"));

        assertThat(e.problems()).extracting(ContractProblem::message).satisfiesExactly(
                m -> assertThat(m).isEqualTo("schema must be a single value, but it is a list"),
                m -> assertThat(m).startsWith("tables must be a mapping of table name to table, but it is a list"));
    }

    @Test
    void exactTablesMayOnlyKeyTheColumnsTheyDeclare() {
        assertThatThrownBy(() -> ContractLoader.parse("""
                tables:
                  hm_x:
                    mode: exact
                    columns: [id]
                    primaryKey: [uid]
                """, "exact.yaml"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("exact.yaml:2:1: the primary key of exact table hm_x names column uid");
    }

    @Test
    void aLeftOutKindIsNotDeclaredAndAnEmptyListDeclaresNone() {
        Contract contract = ContractLoader.parse("""
                tables:
                  runbook:
                    mode: exact
                    columns: [id, email]
                  none:
                    mode: exact
                    columns: [id]
                    primaryKey: []
                    foreignKeys: []
                    indexes: []
                    uniqueConstraints: []
                  blank:
                    primaryKey:
                    indexes:
                """, "kinds.yaml");

        TableContract runbook = contract.tables().get("runbook");
        assertThat(runbook.primaryKey()).as("primaryKey left out").isNull();
        assertThat(runbook.foreignKeys()).isNull();
        assertThat(runbook.indexes()).isNull();
        assertThat(runbook.uniqueConstraints()).isNull();
        assertThat(runbook.indexesOrNone()).isEmpty();
        TableContract none = contract.tables().get("none");
        assertThat(none.primaryKey()).isNotNull().isEmpty();
        assertThat(none.foreignKeys()).isNotNull().isEmpty();
        assertThat(none.indexes()).isNotNull().isEmpty();
        assertThat(none.uniqueConstraints()).isNotNull().isEmpty();
        TableContract blank = contract.tables().get("blank");
        assertThat(blank.primaryKey()).as("an empty value declares none, like []").isNotNull().isEmpty();
        assertThat(blank.indexes()).isNotNull().isEmpty();
    }

    @Test
    void uniqueConstraintsLoadWithNameAndColumnsInOrder() {
        Contract contract = ContractLoader.parse("""
                tables:
                  members:
                    mode: exact
                    columns: [id, tenant_id, email]
                    uniqueConstraints:
                      - { name: members_tenant_email_key, columns: [tenant_id, Email] }
                      - { columns: id }
                """, "unique.yaml");

        assertThat(contract.tables().get("members").uniqueConstraints()).containsExactly(
                new UniqueContract("members_tenant_email_key", List.of("tenant_id", "email"), 6),
                new UniqueContract(null, List.of("id"), 7));
    }

    @Test
    void malformedUniqueConstraintsNameTheLineAndColumn() {
        ContractException e = catchThrowableOfType(ContractException.class, () -> ContractLoader.parse("""
                tables:
                  members:
                    mode: exact
                    columns: [id, email]
                    uniqueConstraints:
                      - { name: members_email_key }
                      - { columns: [] }
                      - { columns: [email], unique: true }
                      - [email]
                      - { columns: [nickname] }
                  other:
                    uniqueConstraints: { columns: [id] }
                """, "unique.yaml"));

        assertThat(e.problems()).extracting(ContractProblem::toString).containsExactly(
                "unique.yaml:6:9: a unique constraint of table members has no 'columns:'; list the constrained "
                        + "columns, e.g. { columns: [tenant_id, email] }",
                "unique.yaml:7:20: columns of a unique constraint of table members is empty; a unique constraint "
                        + "needs at least one column",
                "unique.yaml:8:29: unknown key 'unique' in a unique constraint of table members. Allowed keys: name, "
                        + "columns",
                "unique.yaml:9:9: a unique constraint of table members must be a mapping with keys name, columns, "
                        + "but it is a list",
                "unique.yaml:10:1: the unique constraint of exact table members names column nickname, which the "
                        + "table does not declare; in mode exact every column must be listed",
                "unique.yaml:12:24: uniqueConstraints of table other must be a list, but it is a mapping");
    }

    @Test
    void emptyAndTablelessContractsAreRejected() {
        assertThatThrownBy(() -> ContractLoader.parse("", "empty.yaml"))
                .hasMessageContaining("empty.yaml: the contract is empty");
        assertThatThrownBy(() -> ContractLoader.parse("schema: public\n", "none.yaml"))
                .hasMessageContaining("has no 'tables:' section");
    }

    @Test
    void missingFilesAndResourcesAreNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ContractLoader.load(missing))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("nope.yaml: the contract file does not exist");
        assertThatThrownBy(() -> ContractLoader.fromClasspath("classpath:missing/contract.yaml"))
                .hasMessageContaining("classpath:missing/contract.yaml: no such resource on the classpath");
    }

    @Test
    void aContractFileLoadsFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "tables:\n  users: [id]\n".replace("users: [id]", "users:\n    columns: [id]"));
        assertThat(Contract.load(file).tables().get("users").columns()).containsOnlyKeys("id");
        assertThat(Contract.load(file).source()).isEqualTo(file.toString());
    }

    @Test
    void nearestKeyOnlySuggestsCloseNames() {
        assertThat(YamlNodes.nearest("colums", List.of("mode", "columns"))).isEqualTo("columns");
        assertThat(YamlNodes.nearest("primarykey", List.of("mode", "primaryKey"))).isEqualTo("primaryKey");
        assertThat(YamlNodes.nearest("zzzzzz", List.of("mode", "columns"))).isNull();
    }
}
