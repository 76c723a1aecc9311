package dev.verifiedschema.assertj;

import dev.verifiedschema.contract.ContractLoader;
import dev.verifiedschema.inspect.SchemaInspector;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.verifiedschema.assertj.SchemaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schema assertions read as sentences, on a schema PostgreSQL built. */
@ExtendWith(FreshDatabase.class)
class SchemaAssertTest {
    private SchemaSnapshot head;

    @BeforeEach
    void schema(DataSource database) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TYPE feedback_status AS ENUM ('new', 'read', 'answered')");
            s.execute("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, "
                    + "consent_data_storage boolean NOT NULL DEFAULT false, nickname varchar(40))");
            s.execute("CREATE TABLE hm_usage_records (id bigserial PRIMARY KEY, user_id bigint NOT NULL "
                    + "REFERENCES users (id), created_at timestamptz NOT NULL DEFAULT now(), "
                    + "units int NOT NULL CONSTRAINT units_positive CHECK (units > 0))");
            s.execute("CREATE INDEX hm_usage_records_user_idx ON hm_usage_records (user_id, created_at)");
            s.execute("CREATE TABLE feedbacks (id int PRIMARY KEY, status feedback_status NOT NULL DEFAULT 'new')");
            s.execute("CREATE VIEW active_users AS SELECT id, email FROM users");
            s.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
            s.execute("CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()");
            head = SchemaInspector.create().inspect(c, "public");
        }
    }

    @Test
    void aSchemaThatHasWhatIsAskedPasses() {
        assertThat(head).hasExactlyTables("users", "hm_usage_records", "feedbacks")
                .hasTable("users").withColumn("consent_data_storage").ofType("bool").isNotNull().hasDefault("false")
                .withColumn("nickname").ofType("character varying(40)").isNullable().hasNoDefault()
                .and().hasPrimaryKey("id").hasUniqueConstraint("email").hasUniqueIndexOn("email")
                .hasTrigger("users_touch").hasColumns("id", "email")
                .hasExactlyColumns("nickname", "id", "email", "consent_data_storage")
                .and().hasTable("hm_usage_records").hasIndexOn("user_id", "created_at")
                .hasForeignKey("users", "user_id").hasCheckConstraint("units_positive")
                .withColumn("created_at").ofType("timestamp with time zone").hasDefault("now()")
                .and().and().hasEnum("feedback_status").withLabels("new", "read", "answered")
                .and().hasView("active_users").hasSequence("hm_usage_records_id_seq").doesNotHaveTable("orders");
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAre() {
        assertThatThrownBy(() -> assertThat(head).hasTable("users").withColumn("consent_updated_at"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting table users to have column consent_updated_at, but it has: "
                        + "consent_data_storage, email, id, nickname");
    }

    @Test
    void aMissingTableIsNamedWithTheTablesThereAre() {
        assertThatThrownBy(() -> assertThat(head).hasTable("hm_transactions"))
                .hasMessage("Expecting schema public to have table hm_transactions, but it has: feedbacks, "
                        + "hm_usage_records, users");
    }

    @Test
    void wrongTypeNullabilityAndDefaultAreSaidAsSentences() {
        assertThatThrownBy(() -> assertThat(head).hasTable("users").withColumn("email").ofType("varchar(255)"))
                .hasMessage("Expecting column users.email to be of type varchar(255), but it is text");
        assertThatThrownBy(() -> assertThat(head).hasTable("users").withColumn("nickname").isNotNull())
                .hasMessage("Expecting column users.nickname to be NOT NULL, but it allows null");
        assertThatThrownBy(() -> assertThat(head).hasTable("users").withColumn("email").isNullable())
                .hasMessage("Expecting column users.email to allow null, but it is NOT NULL");
        assertThatThrownBy(() -> assertThat(head).hasTable("users").withColumn("email").hasDefault("''"))
                .hasMessage("Expecting column users.email to default to '', but it has no default");
    }

    @Test
    void keysIndexesAndConstraintsListWhatIsThere() {
        assertThatThrownBy(() -> assertThat(head).hasTable("hm_usage_records").hasIndexOn("created_at"))
                .hasMessageStartingWith("Expecting table hm_usage_records to have an index on created_at, but its "
                        + "indexes are: ").hasMessageContaining("hm_usage_records_user_idx (user_id, created_at)");
        assertThatThrownBy(() -> assertThat(head).hasTable("hm_usage_records").hasForeignKey("feedbacks", "user_id"))
                .hasMessageContaining("to have a foreign key on user_id referencing feedbacks, but it has: ")
                .hasMessageContaining("(user_id) -> ");
        assertThatThrownBy(() -> assertThat(head).hasTable("users").hasPrimaryKey("email"))
                .hasMessage("Expecting table users to have its primary key on email, but it is on id");
        assertThatThrownBy(() -> assertThat(head).hasTable("feedbacks").hasUniqueConstraint("status"))
                .hasMessage("Expecting table feedbacks to have a unique constraint on status, but it has: none");
        assertThatThrownBy(() -> assertThat(head).hasExactlyTables("users", "orders"))
                .hasMessage("Expecting schema public to have exactly the tables users, orders, but it lacks orders "
                        + "and it also has feedbacks, hm_usage_records");
    }

    @Test
    void exactColumnsNameWhatIsThere() {
        assertThatThrownBy(() -> assertThat(head).hasTable("users").hasExactlyColumns("id", "email"))
                .hasMessage("Expecting table users to have exactly the columns id, email, but it has: "
                        + "consent_data_storage, email, id, nickname");
    }

    @Test
    void enumLabelsAreCheckedInTheirOrder() {
        assertThatThrownBy(() -> assertThat(head).hasEnum("feedback_status").withLabels("new", "answered", "read"))
                .hasMessage("Expecting enum type feedback_status to have the labels new, answered, read, in that "
                        + "order, but it has: new, read, answered");
    }

    @Test
    void aContractIsSatisfiedOrItsViolationsAreListed() {
        assertThat(head).satisfies(ContractLoader.parse("""
                tables:
                  users:
                    columns: [id, email, consent_data_storage]
                """, "minimal.yaml"));

        assertThatThrownBy(() -> assertThat(head).satisfies(ContractLoader.parse("""
                tables:
                  users:
                    columns: [id, email, consent_updated_at]
                """, "app-contract.yaml")))
                .hasMessageStartingWith("Expecting schema public to satisfy the contract app-contract.yaml, but it "
                        + "has 1 violation:").hasMessageContaining("consent_updated_at");
    }
}
