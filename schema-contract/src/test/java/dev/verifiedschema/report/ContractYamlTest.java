package dev.verifiedschema.report;

import dev.verifiedschema.compare.ContractCheck;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.contract.UniqueContract;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.testing.SharedPostgres;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContractYamlTest {

    private static SchemaSnapshot snapshot(DataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            return SchemaInspector.create().inspect(c, "public");
        }
    }

    private static DataSource teamSchema() {
        DataSource db = SharedPostgres.freshDatabase();
        SharedPostgres.execute(db,
                "CREATE TABLE teams (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, slug text NOT NULL UNIQUE)",
                "CREATE TABLE members (id bigserial PRIMARY KEY, team_id bigint NOT NULL REFERENCES teams (id),"
                        + " email varchar(255) NOT NULL, role varchar(16) NOT NULL DEFAULT 'member',"
                        + " CONSTRAINT members_team_email_key UNIQUE (team_id, email))",
                "CREATE INDEX members_role_idx ON members (role)",
                "CREATE UNIQUE INDEX teams_slug_lower ON teams (lower(slug))",
                "CREATE TABLE audit_log (at timestamptz NOT NULL DEFAULT now(), line text)");
        return db;
    }

    @Test
    void aGeneratedContractDeclaresUniqueConstraintsAndTheSchemaHonoursIt() throws SQLException {
        SchemaSnapshot snapshot = snapshot(teamSchema());

        String yaml = ContractYaml.of(snapshot, t -> true);
        Contract contract = ContractLoader.parse(yaml, "generated.yaml");

        assertThat(contract.tables().get("members").uniqueConstraints())
                .containsExactly(new UniqueContract("members_team_email_key", List.of("team_id", "email"),
                        contract.tables().get("members").uniqueConstraints().get(0).line()));
        assertThat(contract.tables().get("teams").uniqueConstraints()).extracting(UniqueContract::columns)
                .containsExactly(List.of("slug"));
        assertThat(contract.tables().get("members").indexes()).extracting(i -> i.name())
                .as("the indexes behind keys are implied, not listed").containsExactly("members_role_idx");
        assertThat(contract.tables().get("teams").indexes()).extracting(i -> i.columns())
                .as("an expression index loads in an exact table").containsExactly(List.of("lower(slug)"));
        assertThat(ContractCheck.check(contract, snapshot)).isEmpty();
    }

    @Test
    void aGeneratedContractPinsEveryKindEvenWhenTheTableHasNone() throws SQLException {
        DataSource db = teamSchema();
        Contract contract = ContractLoader.parse(ContractYaml.of(snapshot(db), t -> true), "generated.yaml");
        assertThat(contract.tables().get("audit_log")).satisfies(t -> {
            assertThat(t.primaryKey()).isEmpty();
            assertThat(t.foreignKeys()).isEmpty();
            assertThat(t.uniqueConstraints()).isEmpty();
            assertThat(t.indexes()).isEmpty();
        });

        SharedPostgres.execute(db, "ALTER TABLE audit_log ADD CONSTRAINT audit_log_at_key UNIQUE (at)",
                "ALTER TABLE members ADD CONSTRAINT members_email_key UNIQUE (email)");

        assertThat(ContractCheck.check(contract, snapshot(db))).extracting(Object::toString).containsExactly(
                "audit_log: unique constraint not in the contract audit_log_at_key (found (at))",
                "members: unique constraint not in the contract members_email_key (found (email))");
    }
}
