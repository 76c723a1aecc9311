package dev.verifiedschema.inspect;

import dev.verifiedschema.testing.SharedPostgres;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.verifiedschema.inspect.Databases.databaseWith;
import static dev.verifiedschema.inspect.Databases.inspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Equal fingerprints must mean equal snapshots; an undone change must give the old fingerprint back. */
class FingerprintTest {
    private static final String[] SHOP = {
            "CREATE TYPE state AS ENUM ('new', 'paid')",
            "CREATE TABLE customer (id bigserial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE)",
            "CREATE TABLE purchase (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL "
                    + "REFERENCES customer ON DELETE CASCADE, state state DEFAULT 'new', total numeric(10,2) CHECK (total >= 0))",
            "CREATE INDEX purchase_open ON purchase (customer_id) WHERE state = 'new'",
            "CREATE VIEW open_purchase AS SELECT id, customer_id FROM purchase WHERE state = 'new'",
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "CREATE TRIGGER purchase_touch BEFORE UPDATE ON purchase FOR EACH ROW EXECUTE FUNCTION touch()"};

    private static Fingerprint fingerprint(DataSource db) {
        try (Connection connection = db.getConnection()) {
            return SchemaInspector.create().fingerprint(connection, "public");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyKindOfChangeChangesItAndItsUndoRestoresIt() {
        DataSource db = databaseWith(SHOP);
        Fingerprint before = fingerprint(db);
        String[][] changesAndUndos = {
                {"ALTER TABLE customer ADD COLUMN nickname text", "ALTER TABLE customer DROP COLUMN nickname"},
                {"CREATE INDEX customer_email_idx ON customer (email)", "DROP INDEX customer_email_idx"},
                {"ALTER TABLE purchase ALTER COLUMN total TYPE numeric(12,2)", "ALTER TABLE purchase ALTER COLUMN total TYPE numeric(10,2)"},
                {"ALTER TYPE state ADD VALUE 'void'", null},
                {"CREATE SEQUENCE invoice_no", "DROP SEQUENCE invoice_no"},
                {"ALTER TABLE customer ALTER COLUMN email DROP NOT NULL", "ALTER TABLE customer ALTER COLUMN email SET NOT NULL"},
                {"DROP TRIGGER purchase_touch ON purchase", "CREATE TRIGGER purchase_touch BEFORE UPDATE ON purchase "
                        + "FOR EACH ROW EXECUTE FUNCTION touch()"}};
        int checked = 0;
        for (String[] change : changesAndUndos) {
            SharedPostgres.execute(db, change[0]);
            assertThat(fingerprint(db)).as(change[0]).isNotEqualTo(before);
            if (change[1] == null) {
                before = fingerprint(db); // no undo (an enum value stays): the changed schema is the new start
            } else {
                SharedPostgres.execute(db, change[1]);
                assertThat(fingerprint(db)).as("undo of " + change[0]).isEqualTo(before);
            }
            checked++;
        }
        assertThat(checked).as("every change was tried").isEqualTo(changesAndUndos.length);
    }

    @Test
    void aFunctionDroppedAndCreatedAgainAndFlywaysHistoryTableLeaveItAlone() {
        DataSource db = databaseWith(SHOP);
        Fingerprint before = fingerprint(db);

        SharedPostgres.execute(db, "DROP TRIGGER purchase_touch ON purchase", "DROP FUNCTION touch()",
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "CREATE TRIGGER purchase_touch BEFORE UPDATE ON purchase FOR EACH ROW EXECUTE FUNCTION touch()",
                "CREATE TABLE flyway_schema_history (installed_rank int CONSTRAINT flyway_schema_history_pk PRIMARY KEY, "
                        + "version varchar(50))",
                "CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (version)");

        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void equalFingerprintsGoWithEqualSnapshotsAcrossDatabases() {
        DataSource one = databaseWith(SHOP);
        DataSource other = databaseWith(SHOP);

        assertThat(fingerprint(other)).isEqualTo(fingerprint(one));
        assertThat(inspect(other, "public")).isEqualTo(inspect(one, "public"));
    }

    @Test
    void anUnknownSchemaIsAnInspectionError() throws SQLException {
        DataSource db = databaseWith(SHOP);
        try (Connection connection = db.getConnection(); Statement ignored = connection.createStatement()) {
            assertThatThrownBy(() -> SchemaInspector.create().fingerprint(connection, "nowhere"))
                    .isInstanceOf(InspectionException.class).hasMessageContaining("no schema of that name");
        }
    }
}
