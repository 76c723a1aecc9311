package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.SnapshotJson;
import dev.verifiedschema.testing.SharedPostgres;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.verifiedschema.inspect.Databases.databaseWith;
import static dev.verifiedschema.inspect.Databases.inspect;
import static dev.verifiedschema.inspect.Databases.inspectPublic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionScopeTest {
    private static final String[] SHOP_IN_ONE_ORDER = {
            "CREATE TYPE state AS ENUM ('new', 'paid')",
            "CREATE TABLE customer (id bigserial PRIMARY KEY, email varchar(200) NOT NULL, "
                    + "CONSTRAINT customer_email_key UNIQUE (email))",
            "CREATE TABLE purchase (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "customer_id bigint NOT NULL, state state DEFAULT 'new', total numeric(10,2), "
                    + "CONSTRAINT purchase_customer_fk FOREIGN KEY (customer_id) REFERENCES customer ON DELETE CASCADE, "
                    + "CONSTRAINT purchase_total_check CHECK (total >= 0))",
            "CREATE INDEX purchase_open ON purchase (customer_id) WHERE state = 'new'",
            "CREATE VIEW open_purchase AS SELECT id, customer_id FROM purchase WHERE state = 'new'",
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "CREATE TRIGGER purchase_touch BEFORE UPDATE ON purchase FOR EACH ROW EXECUTE FUNCTION touch()"};

    private static final String[] SHOP_IN_ANOTHER_ORDER = {
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "CREATE TYPE state AS ENUM ('new', 'paid')",
            "CREATE TABLE purchase (total numeric(10,2), state state DEFAULT 'new', customer_id bigint NOT NULL, "
                    + "id bigint GENERATED ALWAYS AS IDENTITY)",
            "CREATE TABLE customer (email varchar(200) NOT NULL, id bigserial)",
            "ALTER TABLE customer ADD PRIMARY KEY (id)",
            "ALTER TABLE purchase ADD PRIMARY KEY (id)",
            "CREATE TRIGGER purchase_touch BEFORE UPDATE ON purchase FOR EACH ROW EXECUTE FUNCTION touch()",
            "CREATE INDEX purchase_open ON purchase (customer_id) WHERE state = 'new'",
            "ALTER TABLE purchase ADD CONSTRAINT purchase_total_check CHECK (total >= 0)",
            "ALTER TABLE purchase ADD CONSTRAINT purchase_customer_fk FOREIGN KEY (customer_id) "
                    + "REFERENCES customer ON DELETE CASCADE",
            "ALTER TABLE customer ADD CONSTRAINT customer_email_key UNIQUE (email)",
            "CREATE VIEW open_purchase AS SELECT id, customer_id FROM purchase WHERE state = 'new'"};

    @Test
    void snapshotsOfTheSameSchemaBuiltInDifferentOrdersAreEqual() {
        SchemaSnapshot first = inspectPublic(SHOP_IN_ONE_ORDER);
        SchemaSnapshot second = inspectPublic(SHOP_IN_ANOTHER_ORDER);

        assertThat(first.tables()).containsOnlyKeys("customer", "purchase");
        assertThat(second).isEqualTo(first);
        assertThat(SnapshotJson.write(second)).isEqualTo(SnapshotJson.write(first));
    }

    @Test
    void jsonRoundTripGivesAnEqualSnapshot() {
        SchemaSnapshot snapshot = inspectPublic(SHOP_IN_ONE_ORDER);

        assertThat(snapshot.objectCount()).isGreaterThan(5);
        assertThat(SnapshotJson.read(SnapshotJson.write(snapshot))).isEqualTo(snapshot);
    }

    @Test
    void flywayHistoryIsNeverPartOfASnapshot() {
        SchemaSnapshot snapshot = inspectPublic(
                "CREATE TABLE flyway_schema_history (installed_rank int NOT NULL "
                        + "CONSTRAINT flyway_schema_history_pk PRIMARY KEY, version varchar(50), success boolean NOT NULL)",
                "CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success)",
                "CREATE TABLE app (id int)");

        assertThat(snapshot.tables()).containsOnlyKeys("app");
        assertThat(SnapshotJson.write(snapshot)).doesNotContain("flyway");
    }

    @Test
    void onlyTheRequestedSchemaIsRead() {
        DataSource db = databaseWith(
                "CREATE TABLE shared_name (in_public int)",
                "CREATE SEQUENCE public_seq",
                "CREATE SCHEMA other",
                "CREATE TABLE other.shared_name (in_other int)",
                "CREATE TABLE other.only_other (id int)",
                "CREATE VIEW other.other_view AS SELECT 1 AS one",
                "CREATE SEQUENCE other.other_seq",
                "CREATE TYPE other.other_enum AS ENUM ('x')",
                "CREATE FUNCTION other.other_function() RETURNS int LANGUAGE sql AS 'SELECT 1'");

        SchemaSnapshot publicSnapshot = inspect(db, "public");
        SchemaSnapshot otherSnapshot = inspect(db, "other");

        assertThat(publicSnapshot.tables()).containsOnlyKeys("shared_name");
        assertThat(publicSnapshot.table("shared_name").orElseThrow().columns()).containsOnlyKeys("in_public");
        assertThat(publicSnapshot.sequences()).containsOnlyKeys("public_seq");
        assertThat(publicSnapshot.views()).isEmpty();
        assertThat(publicSnapshot.enums()).isEmpty();
        assertThat(publicSnapshot.functions()).isEmpty();
        assertThat(otherSnapshot.schema()).isEqualTo("other");
        assertThat(otherSnapshot.tables()).containsOnlyKeys("shared_name", "only_other");
        assertThat(otherSnapshot.table("shared_name").orElseThrow().columns()).containsOnlyKeys("in_other");
        assertThat(otherSnapshot.views()).containsOnlyKeys("other_view");
        assertThat(otherSnapshot.sequences()).containsOnlyKeys("other_seq");
        assertThat(otherSnapshot.enums()).containsOnlyKeys("other_enum");
        assertThat(otherSnapshot.functions()).containsOnlyKeys("other_function()");
    }

    @Test
    void anEmptySchemaGivesAnEmptySnapshot() {
        assertThat(inspect(databaseWith("CREATE SCHEMA empty"), "empty")).isEqualTo(SchemaSnapshot.empty("empty"));
    }

    @Test
    void aSchemaThatDoesNotExistGivesAClearInspectionException() {
        DataSource db = databaseWith("CREATE SCHEMA \"App\"");

        assertThatThrownBy(() -> inspect(db, "app"))
                .isInstanceOfSatisfying(InspectionException.class, e -> assertThat(e.schema()).isEqualTo("app"))
                .hasMessageContaining("\"app\"")
                .hasMessageContaining("has no schema of that name");
    }

    @Test
    void aBrokenConnectionGivesAnInspectionExceptionNamingTheSchema() throws SQLException {
        Connection closed = SharedPostgres.freshDatabase().getConnection();
        closed.close();

        assertThatThrownBy(() -> SchemaInspector.create().inspect(closed, "public"))
                .isInstanceOf(InspectionException.class)
                .hasMessageStartingWith("Cannot inspect schema \"public\": ")
                .hasMessageContaining("closed");
    }

    @Test
    void namesAreRelativeToTheInspectedSchemaAndTheCallersSearchPathIsRestored() throws SQLException {
        DataSource db = databaseWith(
                "CREATE SCHEMA app",
                "CREATE TYPE app.level AS ENUM ('low', 'high')",
                "CREATE TABLE app.alarm (id serial PRIMARY KEY, level app.level)",
                "CREATE VIEW app.high_alarm AS SELECT id FROM app.alarm WHERE level = 'high'");
        SchemaSnapshot snapshot;
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO public");
            snapshot = SchemaInspector.create().inspect(connection, "app");
            try (ResultSet rs = statement.executeQuery("SHOW search_path")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("public");
            }
        }

        assertThat(snapshot.table("alarm").orElseThrow().column("level").orElseThrow().type()).isEqualTo("level");
        assertThat(snapshot.table("alarm").orElseThrow().column("id").orElseThrow().defaultValue())
                .isEqualTo("nextval('alarm_id_seq'::regclass)");
        assertThat(snapshot.views().get("high_alarm").definition()).contains("FROM alarm").doesNotContain("app.");
    }

    @Test
    void objectsThatBelongToAnExtensionAreLeftOut() {
        SchemaSnapshot snapshot = inspectPublic(
                "CREATE EXTENSION citext",
                "CREATE EXTENSION pg_stat_statements",
                "CREATE TABLE login (name citext)");

        assertThat(snapshot.tables()).containsOnlyKeys("login");
        assertThat(snapshot.table("login").orElseThrow().column("name").orElseThrow().type()).isEqualTo("citext");
        assertThat(snapshot.functions()).isEmpty();
        assertThat(snapshot.views()).isEmpty();
        assertThat(snapshot.enums()).isEmpty();
    }

    @Test
    void aFingerprintHasNoPartForAnExtensionsViewOrForFlywaysHistory() throws SQLException {
        DataSource db = databaseWith(
                "CREATE EXTENSION pg_stat_statements",
                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY)",
                "CREATE TABLE login (name text)");

        try (Connection connection = db.getConnection()) {
            Fingerprint fingerprint = SchemaInspector.create().fingerprint(connection, "public");

            assertThat(fingerprint.relationCount()).isEqualTo(1);
            assertThat(fingerprint.hasRelation("login")).isTrue();
            assertThat(fingerprint.hasRelation("pg_stat_statements")).isFalse();
            assertThat(fingerprint.hasRelation("flyway_schema_history")).isFalse();
        }
    }
}
