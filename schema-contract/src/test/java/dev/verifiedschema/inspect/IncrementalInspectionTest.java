package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.verifiedschema.inspect.Databases.databaseWith;
import static dev.verifiedschema.testing.SharedPostgres.execute;
import static org.assertj.core.api.Assertions.assertThat;

/** An updated snapshot must always equal a full inspection of the schema as it is now. */
class IncrementalInspectionTest {
    private static final SchemaInspector INSPECTOR = SchemaInspector.create();
    private static final String[] SHOP = {
            "CREATE TYPE state AS ENUM ('new', 'paid')",
            "CREATE TABLE customer (id bigserial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE)",
            "CREATE TABLE purchase (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL "
                    + "REFERENCES customer ON DELETE CASCADE, state state DEFAULT 'new', total numeric(10,2) CHECK (total >= 0))",
            "CREATE TABLE note (id int PRIMARY KEY, body text)",
            "CREATE TABLE tag (id int PRIMARY KEY, label text)",
            "CREATE INDEX purchase_open ON purchase (customer_id) WHERE state = 'new'",
            "CREATE VIEW open_purchase AS SELECT id, customer_id FROM purchase WHERE state = 'new'",
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "CREATE TRIGGER purchase_touch BEFORE UPDATE ON purchase FOR EACH ROW EXECUTE FUNCTION touch()"};

    /** Each change is followed by an update from the state before it, checked against a full inspection. */
    @Test
    void everyKindOfChangeIsReadAgainExactlyAsAFullInspectionReadsIt() throws SQLException {
        DataSource db = databaseWith(SHOP);
        String[] changes = {
                "ALTER TABLE customer ADD COLUMN nickname text NOT NULL DEFAULT 'x'",
                "CREATE INDEX customer_nick_idx ON customer (lower(nickname))",
                "ALTER TABLE customer RENAME COLUMN email TO mail",
                "ALTER TABLE customer RENAME COLUMN id TO customer_no", // purchase references it: its part changes too
                "ALTER TABLE note RENAME TO memo",
                "DROP TABLE tag",
                "CREATE TABLE label (id int PRIMARY KEY, note_id int REFERENCES memo)",
                "CREATE OR REPLACE VIEW open_purchase AS SELECT id, customer_id, total FROM purchase WHERE state = 'new'",
                "CREATE SEQUENCE invoice_no START 100",
                "ALTER TYPE state ADD VALUE 'void'",
                "CREATE FUNCTION total_of(bigint) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric'",
                "DROP TRIGGER purchase_touch ON purchase",
                "ALTER TABLE purchase ADD CONSTRAINT purchase_total_max CHECK (total < 1000000)",
                "CREATE INDEX purchase_state_idx ON purchase (state) INCLUDE (total)",
                "DROP INDEX purchase_state_idx; CREATE INDEX purchase_state_idx ON purchase (state) INCLUDE (id)"};
        try (Connection connection = db.getConnection()) {
            SchemaSnapshot snapshot = INSPECTOR.inspect(connection, "public");
            Fingerprint print = INSPECTOR.fingerprint(connection, "public");
            for (String change : changes) {
                execute(db, change);
                Fingerprint now = INSPECTOR.fingerprint(connection, "public");
                SchemaSnapshot updated = INSPECTOR.update(connection, "public", snapshot, print, now);

                assertThat(now).as(change).isNotEqualTo(print);
                assertThat(updated).as(change).isEqualTo(INSPECTOR.inspect(connection, "public"));
                snapshot = updated;
                print = now;
            }
        }
    }

    @Test
    void onlyTheChangedTableIsNamedAndAnUnchangedSchemaIsNotReadAtAll() throws SQLException {
        DataSource db = databaseWith(SHOP);
        try (Connection connection = db.getConnection()) {
            SchemaSnapshot snapshot = INSPECTOR.inspect(connection, "public");
            Fingerprint print = INSPECTOR.fingerprint(connection, "public");

            assertThat(INSPECTOR.update(connection, "public", snapshot, print, INSPECTOR.fingerprint(connection, "public")))
                    .isSameAs(snapshot);

            execute(db, "ALTER TABLE note ADD COLUMN created date");
            Fingerprint now = INSPECTOR.fingerprint(connection, "public");
            assertThat(now.changedRelations(print)).containsExactly("note");
            assertThat(now.changedKinds(print)).isEmpty();
        }
    }

    @Test
    void preparingLeavesTheSessionAsFoundAndTheNextUpdateReadsAsAFullInspection() throws SQLException {
        DataSource db = databaseWith(SHOP);
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO pg_catalog, public");
            SchemaSnapshot snapshot = INSPECTOR.inspect(connection, "public");
            Fingerprint print = INSPECTOR.fingerprint(connection, "public");
            INSPECTOR.prepare(connection, "public");
            execute(db, "ALTER TABLE note ADD COLUMN created date");

            assertThat(INSPECTOR.update(connection, "public", snapshot, print, INSPECTOR.fingerprint(connection, "public")))
                    .isEqualTo(INSPECTOR.inspect(connection, "public"));
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('search_path'), "
                    + "current_setting('verifiedschema.relations', true)")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("pg_catalog, public");
                assertThat(rs.getString(2)).isNullOrEmpty();
            }
        }
    }

    @Test
    void theCallersSearchPathAndSessionAreLeftAsTheyWere() throws SQLException {
        DataSource db = databaseWith(SHOP);
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO pg_catalog, public");
            SchemaSnapshot snapshot = INSPECTOR.inspect(connection, "public");
            Fingerprint print = INSPECTOR.fingerprint(connection, "public");
            execute(db, "ALTER TABLE note ADD COLUMN created date");
            INSPECTOR.update(connection, "public", snapshot, print, INSPECTOR.fingerprint(connection, "public"));

            try (ResultSet rs = statement.executeQuery("SELECT current_setting('search_path'), "
                    + "current_setting('verifiedschema.relations', true), current_setting('verifiedschema.kinds', true)")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("pg_catalog, public");
                assertThat(rs.getString(2)).isEmpty();
                assertThat(rs.getString(3)).isEmpty();
            }
        }
    }
}
