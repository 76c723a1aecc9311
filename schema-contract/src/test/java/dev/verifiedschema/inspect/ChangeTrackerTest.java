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

/** A fingerprint kept up to date from the DDL log must always equal a full fingerprint. */
class ChangeTrackerTest {
    private static final SchemaInspector INSPECTOR = SchemaInspector.create();
    private static final String[] SHOP = {
            "CREATE TYPE state AS ENUM ('new', 'paid')",
            "CREATE SEQUENCE invoice_no START 100",
            "CREATE FUNCTION next_invoice() RETURNS bigint LANGUAGE sql AS 'SELECT 1::bigint'",
            "CREATE TABLE customer (id bigserial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE)",
            "CREATE TABLE purchase (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL "
                    + "REFERENCES customer ON DELETE CASCADE, state state DEFAULT 'new', total numeric(10,2) "
                    + "CHECK (total >= 0), invoice bigint DEFAULT nextval('invoice_no'), batch bigint DEFAULT next_invoice())",
            "CREATE TABLE note (id int PRIMARY KEY, body text)",
            "CREATE TABLE tag (id int PRIMARY KEY, label text)",
            "CREATE INDEX purchase_open ON purchase (customer_id) WHERE state = 'new'",
            "CREATE VIEW open_purchase AS SELECT id, customer_id, total FROM purchase WHERE state = 'new'",
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "CREATE TRIGGER purchase_touch BEFORE UPDATE ON purchase FOR EACH ROW EXECUTE FUNCTION touch()",
            "CREATE SCHEMA elsewhere",
            "CREATE TABLE elsewhere.region (code text PRIMARY KEY)"};

    @Test
    void everyKindOfChangeIsTrackedExactlyAsAFullFingerprintSeesIt() throws SQLException {
        DataSource db = databaseWith(SHOP);
        String[] changes = {
                "ALTER TABLE customer ADD COLUMN nickname text NOT NULL DEFAULT 'x'",
                "CREATE INDEX customer_nick_idx ON customer (lower(nickname))",
                "DROP INDEX customer_nick_idx",
                "ALTER TABLE customer RENAME COLUMN id TO customer_no", // purchase's foreign key names it
                "ALTER TABLE purchase RENAME COLUMN total TO amount", // the view names it
                "ALTER TABLE customer RENAME TO client", // purchase's foreign key names the table
                "ALTER SEQUENCE invoice_no RENAME TO invoice_seq", // purchase's default names it
                "ALTER FUNCTION next_invoice() RENAME TO next_batch", // so does another default
                "ALTER FUNCTION touch() RENAME TO touch_row", // and the trigger
                "ALTER TYPE state RENAME TO purchase_state", // the column's type and the index predicate
                "ALTER TYPE purchase_state ADD VALUE 'void'",
                "ALTER TABLE note RENAME TO memo",
                "DROP TABLE tag",
                "CREATE TABLE label (id int PRIMARY KEY, note_id int REFERENCES memo)",
                "ALTER TABLE label DROP CONSTRAINT label_note_id_fkey",
                "DROP TRIGGER purchase_touch ON purchase",
                "ALTER TABLE purchase ALTER COLUMN batch DROP DEFAULT",
                "ALTER TABLE purchase DROP COLUMN invoice",
                "DROP TABLE memo CASCADE",
                "CREATE OR REPLACE VIEW open_purchase AS SELECT id, customer_id, amount AS total, 1 AS one FROM purchase",
                "ALTER TABLE purchase ADD COLUMN region text REFERENCES elsewhere.region",
                "ALTER TABLE elsewhere.region RENAME TO area", // a table of another schema that purchase names
                "DROP TABLE elsewhere.area CASCADE", // drops purchase's foreign key
                "DO $$ BEGIN EXECUTE 'ALTER TABLE label ADD COLUMN made_in_do int'; END $$",
                "SET session_replication_role = replica; ALTER TABLE label ADD COLUMN as_replica int; "
                        + "RESET session_replication_role",
                "CREATE MATERIALIZED VIEW totals AS SELECT customer_id, sum(amount) AS total FROM purchase GROUP BY 1",
                "CREATE TYPE elsewhere.mood AS ENUM ('ok'); ALTER TABLE label ADD COLUMN mood elsewhere.mood",
                "ALTER SCHEMA elsewhere RENAME TO yonder"}; // label's column type is now yonder.mood
        try (Connection connection = db.getConnection()) {
            ChangeTracker tracker = ChangeTracker.install(connection, "public").orElseThrow();
            Replayed last = replay(db, connection, tracker, true, changes);
            assertThat(tracker.fingerprint(connection, last.tracked(), last.snapshot())).as("nothing changed")
                    .isSameAs(last.tracked());
            tracker.uninstall(connection);
            assertThat(count(connection, "SELECT count(*) FROM pg_event_trigger")
                    + count(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = 'verifiedschema_ddl'"))
                    .as("event triggers and the tracker's schema left after uninstall").isZero();
        }
    }

    /** Changes whose effect reaches other objects only through a chain of dependencies, or leaves the schema. */
    @Test
    void changesThatReachFartherThanTheirObjectAreTrackedToo() throws SQLException {
        DataSource db = databaseWith(
                "CREATE SCHEMA side",
                "CREATE TYPE mood AS ENUM ('ok', 'sad')",
                "CREATE TABLE person (id serial PRIMARY KEY, moods mood[])",
                "CREATE TABLE point2 (x int, y int)",
                "CREATE TABLE shape (id int, corner point2)",
                "CREATE FUNCTION points() RETURNS SETOF point2 LANGUAGE sql AS 'SELECT * FROM point2'",
                "CREATE FUNCTION norm(p point2) RETURNS int LANGUAGE sql AS 'SELECT 0'",
                "CREATE SEQUENCE ticket",
                "CREATE FUNCTION helper() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "CREATE TABLE root (id int)",
                "CREATE TABLE child (extra int) INHERITS (root)",
                "CREATE TABLE grandchild (more int) INHERITS (child)",
                "CREATE TABLE part_root (id int, at date) PARTITION BY RANGE (at)",
                "CREATE TABLE part_2026 PARTITION OF part_root FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"
                        + " PARTITION BY RANGE (at)",
                "CREATE TABLE part_2026_q1 PARTITION OF part_2026 FOR VALUES FROM ('2026-01-01') TO ('2026-04-01')",
                "CREATE TABLE mover (id serial PRIMARY KEY)");
        String[] changes = {
                "ALTER TYPE mood RENAME TO feeling", // person.moods is feeling[] now
                "ALTER TABLE point2 RENAME TO coord", // shape.corner, points() and norm() name it
                "ALTER FUNCTION helper() SET SCHEMA side",
                "ALTER SEQUENCE ticket SET SCHEMA side",
                "ALTER TABLE mover SET SCHEMA side", // takes its serial sequence along
                "ALTER TABLE root ADD COLUMN added int", // reaches the grandchild
                "ALTER TABLE part_root ADD COLUMN note text", // reaches the sub-partition
                "CREATE EXTENSION IF NOT EXISTS pg_buffercache", // an extension's view makes no part
                "ALTER EXTENSION pg_buffercache ADD TABLE shape", // an extension's member leaves the snapshot
                "CREATE SCHEMA unrelated", // a change that the tracker reads
                "ALTER EXTENSION pg_buffercache DROP TABLE shape", // and comes back: only the extension is logged
                "ALTER EXTENSION pg_buffercache DROP VIEW pg_buffercache", // a view the extension lets go of
                "CREATE EXTENSION pgcrypto", // an extension of the schema is part of its snapshot
                "ALTER EXTENSION pgcrypto SET SCHEMA side"}; // logs only the extension, which left the schema
        try (Connection connection = db.getConnection()) {
            ChangeTracker tracker = ChangeTracker.install(connection, "public").orElseThrow();
            replay(db, connection, tracker, false, changes);
            tracker.uninstall(connection);
        }
    }

    @Test
    void disabledEventTriggersFallBackToAFullFingerprint() throws SQLException {
        DataSource db = databaseWith(SHOP);
        try (Connection connection = db.getConnection()) {
            ChangeTracker tracker = ChangeTracker.install(connection, "public").orElseThrow();
            Fingerprint before = INSPECTOR.fingerprint(connection, "public");
            SchemaSnapshot snapshot = INSPECTOR.inspect(connection, "public");
            execute(db, "ALTER EVENT TRIGGER verifiedschema_ddl_end DISABLE",
                    "ALTER TABLE note ADD COLUMN untracked text");

            assertThat(tracker.fingerprint(connection, before, snapshot))
                    .isEqualTo(INSPECTOR.fingerprint(connection, "public")).isNotEqualTo(before);
        }
    }

    @Test
    void withoutSuperuserRightsThereIsNoTracker() throws SQLException {
        DataSource db = databaseWith("CREATE ROLE plain_owner LOGIN", "GRANT ALL ON SCHEMA public TO plain_owner");
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE plain_owner");
            assertThat(ChangeTracker.install(connection, "public")).isEmpty();
            statement.execute("RESET ROLE");
            assertThat(count(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = 'verifiedschema_ddl'"))
                    .isZero();
        } finally {
            execute(db, "DROP OWNED BY plain_owner", "DROP ROLE plain_owner");
        }
    }

    /** The tracked fingerprint and the snapshot after the last change. */
    private record Replayed(Fingerprint tracked, SchemaSnapshot snapshot) {
    }

    /**
     * Runs each change and requires the fingerprint kept from the DDL log to equal a full one
     * (and, if {@code eachShows}, to differ from the one before).
     */
    private static Replayed replay(DataSource db, Connection connection, ChangeTracker tracker, boolean eachShows,
                                   String... changes) {
        Fingerprint tracked = INSPECTOR.fingerprint(connection, "public");
        SchemaSnapshot snapshot = INSPECTOR.inspect(connection, "public");
        for (String change : changes) {
            execute(db, change);
            Fingerprint now = tracker.fingerprint(connection, tracked, snapshot);

            assertThat(now).as(change).isEqualTo(INSPECTOR.fingerprint(connection, "public"));
            if (eachShows) {
                assertThat(now).as(change + " shows").isNotEqualTo(tracked);
            }
            snapshot = INSPECTOR.update(connection, "public", snapshot, tracked, now);
            tracked = now;
        }
        return new Replayed(tracked, snapshot);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
