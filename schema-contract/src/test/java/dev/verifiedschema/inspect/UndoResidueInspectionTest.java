package dev.verifiedschema.inspect;

import dev.verifiedschema.compare.Change;
import dev.verifiedschema.compare.SchemaDiff;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

import static dev.verifiedschema.compare.Change.Kind.ADDED;
import static dev.verifiedschema.compare.Change.Kind.CHANGED;
import static dev.verifiedschema.compare.Change.Kind.REMOVED;
import static dev.verifiedschema.compare.Change.ObjectType.CHECK_CONSTRAINT;
import static dev.verifiedschema.compare.Change.ObjectType.COLUMN;
import static dev.verifiedschema.compare.Change.ObjectType.EXTENSION;
import static dev.verifiedschema.compare.Change.ObjectType.FOREIGN_KEY;
import static dev.verifiedschema.compare.Change.ObjectType.FUNCTION;
import static dev.verifiedschema.compare.Change.ObjectType.INDEX;
import static dev.verifiedschema.compare.Change.ObjectType.SEQUENCE;
import static dev.verifiedschema.compare.Change.ObjectType.TRIGGER;
import static dev.verifiedschema.compare.Change.ObjectType.UNIQUE_CONSTRAINT;
import static dev.verifiedschema.inspect.Databases.databaseWith;
import static dev.verifiedschema.inspect.Databases.inspect;
import static dev.verifiedschema.testing.SharedPostgres.execute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What undo scripts of real sets leave behind when they do not restore the schema: each residue must
 * be a difference of the two snapshots, of their fingerprints (which the stairway compares first), of
 * the fingerprint kept from the DDL log (which it uses from 10 tables on), and of the snapshot made by
 * reading again only what that fingerprint says changed.
 */
class UndoResidueInspectionTest {
    private static final SchemaInspector INSPECTOR = SchemaInspector.create();
    /** The schema before the version whose undo is run. */
    private static final String[] SHOP = {
            "CREATE TABLE tenants (id bigint PRIMARY KEY, name text NOT NULL)",
            "CREATE TABLE customers (id serial PRIMARY KEY, tenant_id bigint NOT NULL REFERENCES tenants,"
                    + " email text NOT NULL, status text NOT NULL DEFAULT 'active',"
                    + " CONSTRAINT customers_tenant_email_key UNIQUE (tenant_id, email),"
                    + " CONSTRAINT customers_status_check CHECK (status IN ('active', 'closed')))",
            "CREATE UNIQUE INDEX customers_email_lower_idx ON customers (lower(email))",
            "CREATE FUNCTION customer_label(c customers) RETURNS text LANGUAGE sql STABLE"
                    + " AS $$ SELECT c.email || ' (' || c.status || ')' $$",
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            "CREATE TRIGGER tenants_touch BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION touch()",
            "CREATE SEQUENCE invoice_no START 1000",
            "CREATE INDEX customers_status_idx ON customers (status DESC NULLS LAST, id)",
            "CREATE INDEX tenants_name_pattern_idx ON tenants (name text_pattern_ops)"};

    @Test
    void anExtensionCreatedByTheUndoIsLeftBehind() throws SQLException {
        SchemaDiff diff = residue("CREATE EXTENSION pgcrypto");

        assertThat(diff.changes()).containsExactly(new Change(ADDED, EXTENSION, "pgcrypto", null, "version 1.3"));
    }

    @Test
    void anExtensionTheUndoDroppedIsMissing() throws SQLException {
        SchemaDiff diff = residue(new String[]{"CREATE EXTENSION pg_trgm"}, "DROP EXTENSION pg_trgm");

        assertThat(diff.changes()).extracting(Change::kind, Change::objectType, Change::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(REMOVED, EXTENSION, "pg_trgm"));
    }

    @Test
    void aSearchPathTheUndoSetOnAFunctionIsAChangedFunction() throws SQLException {
        SchemaDiff diff = residue("ALTER FUNCTION customer_label(customers) SET search_path = public, pg_temp");

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(CHANGED);
            assertThat(change.objectType()).isEqualTo(FUNCTION);
            assertThat(change.name()).isEqualTo("customer_label(c customers)");
            assertThat(change.before()).contains("STABLE").doesNotContain("search_path");
            assertThat(change.after()).contains("STABLE SET search_path=public, pg_temp");
        });
    }

    @Test
    void volatilityAndSecurityTheUndoChangedAreAChangedFunction() throws SQLException {
        SchemaDiff diff = residue("CREATE OR REPLACE FUNCTION customer_label(c customers) RETURNS text LANGUAGE sql"
                + " VOLATILE SECURITY DEFINER AS $$ SELECT c.email || ' (' || c.status || ')' $$");

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.objectType()).isEqualTo(FUNCTION);
            assertThat(change.after()).contains("SECURITY DEFINER").doesNotContain("STABLE");
        });
    }

    @Test
    void aSerialSequenceRecreatedUnderASuffixedNameIsRemovedAndLeftBehind() throws SQLException {
        // the undo rebuilt the table while the old one still held customers_id_seq: the new one is ..._seq1
        SchemaDiff diff = residue(
                "ALTER TABLE customers RENAME TO customers_old",
                "CREATE TABLE customers (LIKE customers_old INCLUDING CONSTRAINTS INCLUDING INDEXES)",
                "ALTER TABLE customers ALTER COLUMN id DROP DEFAULT",
                "ALTER TABLE customers ALTER COLUMN status SET DEFAULT 'active'",
                "ALTER TABLE customers ADD FOREIGN KEY (tenant_id) REFERENCES tenants",
                "CREATE SEQUENCE customers_id_seq1 AS integer OWNED BY customers.id",
                "ALTER TABLE customers ALTER COLUMN id SET DEFAULT nextval('customers_id_seq1')",
                "DROP TABLE customers_old CASCADE");

        assertThat(diff.changes()).extracting(Change::kind, Change::objectType, Change::name).contains(
                org.assertj.core.groups.Tuple.tuple(REMOVED, SEQUENCE, "customers_id_seq"),
                org.assertj.core.groups.Tuple.tuple(ADDED, SEQUENCE, "customers_id_seq1"),
                org.assertj.core.groups.Tuple.tuple(CHANGED, COLUMN, "customers.id"));
    }

    @Test
    void aCheckConstraintAddedBackNotValidIsAChangedConstraint() throws SQLException {
        SchemaDiff diff = residue("ALTER TABLE customers DROP CONSTRAINT customers_status_check",
                "ALTER TABLE customers ADD CONSTRAINT customers_status_check CHECK (status IN ('active', 'closed'))"
                        + " NOT VALID");

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(CHANGED);
            assertThat(change.objectType()).isEqualTo(CHECK_CONSTRAINT);
            assertThat(change.name()).isEqualTo("customers.customers_status_check");
            assertThat(change.after()).endsWith("NOT VALID");
            assertThat(change.before()).doesNotContain("NOT VALID");
        });
    }

    @Test
    void aForeignKeyAddedBackNotValidIsAChangedForeignKey() throws SQLException {
        SchemaDiff diff = residue("ALTER TABLE customers DROP CONSTRAINT customers_tenant_id_fkey",
                "ALTER TABLE customers ADD CONSTRAINT customers_tenant_id_fkey FOREIGN KEY (tenant_id)"
                        + " REFERENCES tenants NOT VALID");

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(CHANGED);
            assertThat(change.objectType()).isEqualTo(FOREIGN_KEY);
            assertThat(change.after()).endsWith("not valid");
        });
    }

    @Test
    void aUniqueConstraintAddedBackWithItsColumnsSwappedIsChanged() throws SQLException {
        SchemaDiff diff = residue("ALTER TABLE customers DROP CONSTRAINT customers_tenant_email_key",
                "ALTER TABLE customers ADD CONSTRAINT customers_tenant_email_key UNIQUE (email, tenant_id)");

        assertThat(diff.changes()).extracting(Change::kind, Change::objectType, Change::name, Change::after)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(CHANGED, INDEX, "customers.customers_tenant_email_key",
                                "unique (email, tenant_id)"),
                        org.assertj.core.groups.Tuple.tuple(CHANGED, UNIQUE_CONSTRAINT,
                                "customers.customers_tenant_email_key", "(email, tenant_id)"));
    }

    @Test
    void anExpressionIndexRecreatedOnThePlainColumnIsChanged() throws SQLException {
        SchemaDiff diff = residue("DROP INDEX customers_email_lower_idx",
                "CREATE UNIQUE INDEX customers_email_lower_idx ON customers (email)");

        assertThat(diff.changes()).containsExactly(new Change(CHANGED, INDEX, "customers.customers_email_lower_idx",
                "unique (lower(email))", "unique (email)"));
    }

    @Test
    void aDefaultAndANotNullTheUndoDidNotRestoreAreAChangedColumn() throws SQLException {
        SchemaDiff diff = residue("ALTER TABLE customers ALTER COLUMN status DROP DEFAULT",
                "ALTER TABLE customers ALTER COLUMN status DROP NOT NULL");

        assertThat(diff.changes()).containsExactly(new Change(CHANGED, COLUMN, "customers.status",
                "text not null default 'active'::text", "text nullable"));
    }

    @Test
    void aSequenceTheUndoRecreatedWithAnotherCacheAndCycleIsChanged() throws SQLException {
        SchemaDiff diff = residue("DROP SEQUENCE invoice_no", "CREATE SEQUENCE invoice_no START 1000 CACHE 20 CYCLE");

        assertThat(diff.changes()).containsExactly(new Change(CHANGED, SEQUENCE, "invoice_no",
                "bigint start 1000 increment 1", "bigint start 1000 increment 1 cache 20 cycle"));
    }

    @Test
    void aTriggerTheUndoLeftDisabledIsChanged() throws SQLException {
        SchemaDiff diff = residue("ALTER TABLE tenants DISABLE TRIGGER tenants_touch");

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(CHANGED);
            assertThat(change.objectType()).isEqualTo(TRIGGER);
            assertThat(change.name()).isEqualTo("tenants.tenants_touch");
            assertThat(change.after()).endsWith("EXECUTE FUNCTION touch() DISABLE");
        });
    }

    @Test
    void aUniqueConstraintAddedBackDeferrableIsChanged() throws SQLException {
        SchemaDiff diff = residue("ALTER TABLE customers DROP CONSTRAINT customers_tenant_email_key",
                "ALTER TABLE customers ADD CONSTRAINT customers_tenant_email_key UNIQUE (tenant_id, email)"
                        + " DEFERRABLE INITIALLY DEFERRED");

        assertThat(diff.changes()).contains(new Change(CHANGED, UNIQUE_CONSTRAINT,
                "customers.customers_tenant_email_key", "(tenant_id, email)",
                "(tenant_id, email) deferrable initially deferred"));
    }

    @Test
    void anIndexTheUndoRecreatedWithoutItsKeyOrderIsChanged() throws SQLException {
        SchemaDiff diff = residue("DROP INDEX customers_status_idx",
                "CREATE INDEX customers_status_idx ON customers (status, id)");

        assertThat(diff.changes()).containsExactly(new Change(CHANGED, INDEX, "customers.customers_status_idx",
                "(status DESC NULLS LAST, id)", "(status, id)"));
    }

    @Test
    void anIndexTheUndoRecreatedWithoutItsOperatorClassIsChanged() throws SQLException {
        SchemaDiff diff = residue("DROP INDEX tenants_name_pattern_idx",
                "CREATE INDEX tenants_name_pattern_idx ON tenants (name COLLATE \"C\")");

        assertThat(diff.changes()).containsExactly(new Change(CHANGED, INDEX, "tenants.tenants_name_pattern_idx",
                "(name text_pattern_ops)", "(name COLLATE \"C\")"));
    }

    private static SchemaDiff residue(String... undo) throws SQLException {
        return residue(new String[0], undo);
    }

    /**
     * The difference an undo leaves: the schema {@link #SHOP} plus {@code setup} is snapshot, the
     * undo's residue is run, and the schema is snapshot again. On the way it requires the full
     * fingerprint and the tracked one to see a change and agree, and the incremental snapshot to
     * equal a full one.
     */
    private static SchemaDiff residue(String[] setup, String... undo) throws SQLException {
        DataSource db = databaseWith(SHOP);
        execute(db, setup);
        try (Connection connection = db.getConnection()) {
            SchemaSnapshot before = inspect(db, "public");
            Fingerprint then = INSPECTOR.fingerprint(connection, "public");
            ChangeTracker tracker = ChangeTracker.install(connection, "public").orElseThrow();
            try {
                execute(db, undo);
                Fingerprint tracked = tracker.fingerprint(connection, then, before);
                Fingerprint full = INSPECTOR.fingerprint(connection, "public");
                SchemaSnapshot after = inspect(db, "public");

                assertThat(full).as("full fingerprint after the undo").isNotEqualTo(then);
                assertThat(tracked).as("fingerprint from the DDL log").isEqualTo(full);
                assertThat(INSPECTOR.update(connection, "public", before, then, tracked))
                        .as("snapshot read again where the fingerprint changed").isEqualTo(after);
                return SchemaDiff.between(before, after);
            } finally {
                tracker.uninstall(connection);
            }
        }
    }
}
