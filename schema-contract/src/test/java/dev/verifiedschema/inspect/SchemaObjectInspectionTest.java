package dev.verifiedschema.inspect;

import dev.verifiedschema.snapshot.EnumType;
import dev.verifiedschema.snapshot.Routine;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Sequence;
import dev.verifiedschema.snapshot.Trigger;
import dev.verifiedschema.snapshot.View;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static dev.verifiedschema.inspect.Databases.databaseWith;
import static dev.verifiedschema.inspect.Databases.inspect;
import static dev.verifiedschema.inspect.Databases.inspectPublic;
import static dev.verifiedschema.testing.SharedPostgres.execute;
import static org.assertj.core.api.Assertions.assertThat;

class SchemaObjectInspectionTest {

    @Test
    void plainAndMaterialisedViewsAreReadWithTheirDefinitionsAsTheServerPrintsThem() throws SQLException {
        DataSource db = databaseWith(
                "CREATE TABLE item (id int, price numeric)",
                "CREATE VIEW cheap AS SELECT id FROM item WHERE price < 10",
                "CREATE MATERIALIZED VIEW totals AS SELECT sum(price) AS total FROM item");
        SchemaSnapshot snapshot = inspect(db, "public");

        assertThat(snapshot.tables()).containsOnlyKeys("item");
        assertThat(snapshot.views()).containsOnlyKeys("cheap", "totals");
        // PostgreSQL 16 stopped qualifying unambiguous columns ("SELECT item.id" became "SELECT id")
        assertThat(snapshot.views().get("cheap")).isEqualTo(new View("cheap", false, viewdef(db, "cheap")));
        assertThat(snapshot.views().get("cheap").definition()).contains("FROM item", "< (10)::numeric")
                .doesNotStartWith(" ");
        assertThat(snapshot.views().get("totals")).isEqualTo(new View("totals", true, viewdef(db, "totals")));
        assertThat(snapshot.views().get("totals").definition()).startsWith("SELECT sum(").endsWith("FROM item;");
    }

    /** The definition as the server prints it, without the leading blank. */
    private static String viewdef(DataSource db, String view) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT pg_catalog.pg_get_viewdef(c.oid) FROM pg_catalog.pg_class c WHERE c.relname = ?")) {
            p.setString(1, view);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1).stripLeading();
            }
        }
    }

    @Test
    void sequencesAreReadWithOwnerButWithoutCurrentValue() {
        DataSource db = databaseWith(
                "CREATE SEQUENCE invoice_no AS integer START 1000 INCREMENT 5",
                "CREATE TABLE account (id serial, number bigint GENERATED ALWAYS AS IDENTITY)");
        SchemaSnapshot before = inspect(db, "public");
        execute(db, "SELECT nextval('invoice_no')", "INSERT INTO account DEFAULT VALUES");

        assertThat(before.sequences()).containsOnlyKeys("invoice_no", "account_id_seq", "account_number_seq");
        assertThat(before.sequences().get("invoice_no"))
                .isEqualTo(new Sequence("invoice_no", "integer", 1000, 5, null));
        assertThat(before.sequences().get("account_id_seq"))
                .isEqualTo(new Sequence("account_id_seq", "integer", 1, 1, "account.id"));
        assertThat(before.sequences().get("account_number_seq"))
                .isEqualTo(new Sequence("account_number_seq", "bigint", 1, 1, "account.number"));
        assertThat(inspect(db, "public")).isEqualTo(before);
    }

    @Test
    void enumLabelsAreInSortOrder() {
        SchemaSnapshot snapshot = inspectPublic(
                "CREATE TYPE status AS ENUM ('open', 'closed')",
                "ALTER TYPE status ADD VALUE 'pending' BEFORE 'closed'",
                "ALTER TYPE status ADD VALUE 'archived'");

        assertThat(snapshot.enums()).containsOnlyKeys("status");
        assertThat(snapshot.enums().get("status"))
                .isEqualTo(new EnumType("status", List.of("open", "pending", "closed", "archived")));
    }

    @Test
    void enumOfAnotherSchemaIsQualifiedAndOnlyTheSchemasOwnEnumsAreListed() {
        SchemaSnapshot snapshot = inspectPublic(
                "CREATE SCHEMA other",
                "CREATE TYPE other.colour AS ENUM ('red')",
                "CREATE TYPE size AS ENUM ('S', 'M')",
                "CREATE TABLE shirt (colour other.colour, size size, sizes size[])");

        assertThat(snapshot.enums()).containsOnlyKeys("size");
        assertThat(snapshot.table("shirt").orElseThrow().columns().values())
                .extracting(c -> c.name() + " " + c.type())
                .containsExactlyInAnyOrder("colour other.colour", "size size", "sizes size[]");
    }

    @Test
    void functionsProceduresAndAggregatesAreReadBySignature() {
        SchemaSnapshot snapshot = inspectPublic(
                "CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT a + b'",
                "CREATE FUNCTION add(a numeric) RETURNS numeric LANGUAGE sql AS 'SELECT a'",
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN NEW;\nEND\n$$",
                "CREATE PROCEDURE archive(days int) LANGUAGE sql AS 'SELECT 1'",
                "CREATE AGGREGATE total(integer) (sfunc = int4pl, stype = integer)");

        assertThat(snapshot.functions()).containsOnlyKeys(
                "add(a integer, b integer)", "add(a numeric)", "touch()", "archive(IN days integer)",
                "total(integer)");
        assertThat(snapshot.functions().get("add(a integer, b integer)")).isEqualTo(new Routine(
                "add(a integer, b integer)", "function", "integer", "sql", "SELECT a + b"));
        assertThat(snapshot.functions().get("touch()")).isEqualTo(new Routine(
                "touch()", "function", "trigger", "plpgsql", "\nBEGIN\n  RETURN NEW;\nEND\n"));
        assertThat(snapshot.functions().get("archive(IN days integer)")).isEqualTo(new Routine(
                "archive(IN days integer)", "procedure", null, "sql", "SELECT 1"));
        assertThat(snapshot.functions().get("total(integer)").kind()).isEqualTo("aggregate");
        assertThat(snapshot.functions().get("total(integer)").returnType()).isEqualTo("integer");
    }

    @Test
    void userTriggersAreReadButInternalForeignKeyTriggersAreNot() {
        SchemaSnapshot snapshot = inspectPublic(
                "CREATE TABLE parent (id int PRIMARY KEY)",
                "CREATE TABLE child (id int, parent_id int REFERENCES parent)",
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "CREATE TRIGGER child_touch BEFORE INSERT OR UPDATE ON child FOR EACH ROW EXECUTE FUNCTION touch()");

        assertThat(snapshot.table("parent").orElseThrow().triggers()).isEmpty();
        assertThat(snapshot.table("child").orElseThrow().triggers().values()).containsExactly(new Trigger(
                "child_touch",
                "CREATE TRIGGER child_touch BEFORE INSERT OR UPDATE ON public.child FOR EACH ROW EXECUTE FUNCTION touch()"));
    }
}
