package dev.verifiedschema.report;

import dev.verifiedschema.compare.Violation;
import dev.verifiedschema.contract.ColumnContract;
import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.ForeignKeyContract;
import dev.verifiedschema.contract.IndexContract;
import dev.verifiedschema.contract.Mode;
import dev.verifiedschema.contract.TableContract;
import dev.verifiedschema.contract.UniqueContract;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.PrimaryKey;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.verifiedschema.compare.Violation.Kind.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The remediation script for contracts built in code, compared line by line. */
class RemediationSqlMutationTest {
    private static final String NO_TYPE = "the contract gives no type; add it by hand, declare its type in the "
            + "contract, or give the migrations (check --migrations DIR; SchemaHealthCheck.withTypesFrom)";
    private static final String NO_TYPE_AT_HEAD =
            "neither the contract nor the migrations at head give a type; add it by hand";

    private static ColumnContract col(String name, String type, boolean serial, Boolean nullable, String def) {
        return new ColumnContract(name, type, serial, nullable, def, 0);
    }

    private static TableContract table(String name, List<ColumnContract> columns, List<String> pk,
                                       List<ForeignKeyContract> fks, List<IndexContract> indexes,
                                       List<UniqueContract> uniques) {
        Map<String, ColumnContract> map = new LinkedHashMap<>();
        columns.forEach(c -> map.put(c.name(), c));
        return new TableContract(name, Mode.REQUIRED, map, pk, fks, indexes, uniques, 0);
    }

    private static Contract contract(String schema, TableContract... tables) {
        Map<String, TableContract> map = new LinkedHashMap<>();
        for (TableContract t : tables) {
            map.put(t.name(), t);
        }
        return new Contract(schema, List.of(), map, "c.yaml");
    }

    private static Table head(String name, PrimaryKey pk, Column... columns) {
        Map<String, Column> map = new LinkedHashMap<>();
        for (Column c : columns) {
            map.put(c.name(), c);
        }
        return new Table(name, map, pk, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static SchemaSnapshot reference(Table... tables) {
        Map<String, Table> map = new LinkedHashMap<>();
        for (Table t : tables) {
            map.put(t.name(), t);
        }
        return new SchemaSnapshot("public", map, Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static Violation missingColumn(String table, String column) {
        return new Violation(MISSING_COLUMN, table, column, null, null);
    }

    @Test
    void noViolationsGiveAnEmptyScript() {
        assertThat(RemediationSql.generate(contract("public"), List.of())).isEmpty();
    }

    @Test
    void aMissingTableIsCreatedWithEveryPartTheContractDeclares() {
        TableContract orders = table("orders", List.of(
                        col("id", "bigint", true, false, null),
                        col("user_id", "bigint", false, false, null),
                        col("note", null, false, null, null),
                        col("status", "text", false, true, "'new'")),
                List.of("id"),
                List.of(new ForeignKeyContract(List.of("user_id"), "users", List.of("id"), "CASCADE", 0),
                        new ForeignKeyContract(List.of("user_id"), "other.accounts", List.of("id"), null, 0)),
                List.of(new IndexContract("ix_a", List.of("status"), true, 0),
                        new IndexContract(null, List.of("user_id", "status"), null, 0)),
                List.of(new UniqueContract("orders_no_key", List.of("user_id", "status"), 0),
                        new UniqueContract(null, List.of("status"), 0)));

        String sql = RemediationSql.generate(contract("app", orders),
                List.of(new Violation(MISSING_TABLE, "orders", "orders", null, null)));

        assertThat(sql).isEqualTo("""
                -- column note of orders: %s
                CREATE TABLE IF NOT EXISTS app.orders (
                    id bigserial NOT NULL,
                    user_id bigint NOT NULL,
                    status text DEFAULT 'new',
                    PRIMARY KEY (id),
                    CONSTRAINT orders_no_key UNIQUE (user_id, status),
                    UNIQUE (status),
                    FOREIGN KEY (user_id) REFERENCES app.users (id) ON DELETE CASCADE,
                    FOREIGN KEY (user_id) REFERENCES other.accounts (id)
                );
                CREATE UNIQUE INDEX IF NOT EXISTS ix_a ON app.orders (status);
                CREATE INDEX IF NOT EXISTS orders_user_id_status_idx ON app.orders (user_id, status);
                """.formatted(NO_TYPE));
    }

    @Test
    void aMissingTableWithoutAnyColumnTypeIsLeftForAPerson() {
        TableContract q = table("q", List.of(col("k", null, false, null, null)), null, null, null, null);

        assertThat(RemediationSql.generate(contract("public", q),
                List.of(new Violation(MISSING_TABLE, "q", "q", null, null)))).isEqualTo("""
                -- column k of q: %s
                -- table q: the contract gives no column types; create it by hand
                """.formatted(NO_TYPE));
    }

    @Test
    void missingColumnsAreAddedNotNullOnlyWithAPlainDefault() {
        TableContract t = table("t", List.of(
                col("a", "integer", false, false, null),
                col("b", "integer", false, false, "0"),
                col("c", "text", false, null, "md5(\nx)"),
                col("d", "smallint", true, false, null),
                col("e", "integer", true, null, null),
                col("f", null, false, null, null)), null, null, null, null);
        List<Violation> violations = List.of(missingColumn("t", "a"), missingColumn("t", "b"),
                missingColumn("t", "c"), missingColumn("t", "d"), missingColumn("t", "e"), missingColumn("t", "f"));

        assertThat(RemediationSql.generate(contract("public", t), violations)).isEqualTo("""
                ALTER TABLE t ADD COLUMN IF NOT EXISTS a integer;
                -- added without NOT NULL: with no default, ADD COLUMN ... NOT NULL fails on a table that has rows; \
                fill t.a, then run: ALTER TABLE t ALTER COLUMN a SET NOT NULL;
                ALTER TABLE t ADD COLUMN IF NOT EXISTS b integer DEFAULT 0 NOT NULL;
                ALTER TABLE t ADD COLUMN IF NOT EXISTS c text;
                -- set the default of t.c by hand: md5( x)
                ALTER TABLE t ADD COLUMN IF NOT EXISTS d smallserial;
                ALTER TABLE t ADD COLUMN IF NOT EXISTS e serial;
                -- column f of t: %s
                """.formatted(NO_TYPE));
    }

    @Test
    void eachMissingKeyOrIndexIsTheOneTheViolationNames() {
        UniqueContract otherUnique = new UniqueContract("t_x_key", List.of("x"), 0);
        UniqueContract unique = new UniqueContract(null, List.of("y"), 0);
        IndexContract otherIndex = new IndexContract("ix1", List.of("x"), null, 0);
        IndexContract index = new IndexContract(null, List.of("y"), false, 0);
        ForeignKeyContract plainFk = new ForeignKeyContract(List.of("x"), "u", List.of("id"), null, 0);
        ForeignKeyContract fk = new ForeignKeyContract(List.of("y"), "public.u", List.of("id"), "SET NULL", 0);
        TableContract t = table("t", List.of(col("x", "int", false, null, null), col("y", "int", false, null, null)),
                List.of("x", "y"), List.of(plainFk, fk), List.of(otherIndex, index), List.of(otherUnique, unique));
        List<Violation> violations = List.of(
                new Violation(MISSING_UNIQUE_CONSTRAINT, "t", unique.describe(), null, null),
                new Violation(MISSING_INDEX, "t", index.describe(), null, null),
                new Violation(MISSING_FOREIGN_KEY, "t", fk.describe(), null, null),
                new Violation(MISSING_FOREIGN_KEY, "t", plainFk.describe(), null, null),
                new Violation(MISSING_PRIMARY_KEY, "t", "t", "(x, y)", null));

        assertThat(RemediationSql.generate(contract("public", t), violations)).isEqualTo("""
                -- fails while rows repeat (y); find them with: SELECT y, count(*) FROM t GROUP BY y HAVING count(*) > 1;
                ALTER TABLE t ADD CONSTRAINT t_y_key UNIQUE (y);
                CREATE INDEX IF NOT EXISTS t_y_idx ON t (y);
                ALTER TABLE t ADD FOREIGN KEY (y) REFERENCES public.u (id) ON DELETE SET NULL;
                ALTER TABLE t ADD FOREIGN KEY (x) REFERENCES u (id);
                ALTER TABLE t ADD PRIMARY KEY (x, y);
                """);
    }

    @Test
    void aNamedUniqueConstraintKeepsItsName() {
        UniqueContract unique = new UniqueContract("t_x_key", List.of("x"), 0);
        TableContract t = table("t", List.of(col("x", "int", false, null, null)), null, null, null, List.of(unique));

        assertThat(RemediationSql.generate(contract("app", t),
                List.of(new Violation(MISSING_UNIQUE_CONSTRAINT, "t", unique.describe(), null, null)))).isEqualTo("""
                -- fails while rows repeat (x); find them with: SELECT x, count(*) FROM app.t GROUP BY x HAVING count(*) > 1;
                ALTER TABLE app.t ADD CONSTRAINT t_x_key UNIQUE (x);
                """);
    }

    @Test
    void aGeneratedNameLongerThanPostgresAllowsIsCutTo63Characters() {
        String column = "c".repeat(70);
        IndexContract index = new IndexContract(null, List.of(column), null, 0);
        TableContract t = table("t", List.of(col(column, "int", false, null, null)), null, null, List.of(index), null);

        String sql = RemediationSql.generate(contract("public", t),
                List.of(new Violation(MISSING_INDEX, "t", index.describe(), null, null)));

        assertThat(sql).isEqualTo("CREATE INDEX IF NOT EXISTS " + ("t_" + column + "_idx").substring(0, 63) + " ON t ("
                + column + ");\n");
    }

    @Test
    void changesThatRewriteOrDropAreOnlySuggested() {
        TableContract t = table("t", List.of(col("x", "int", false, null, null)), List.of("x", "y"), null, null,
                null);
        List<Violation> violations = List.of(
                new Violation(WRONG_NULLABILITY, "t", "x", "nullable", "not null"),
                new Violation(WRONG_NULLABILITY, "t", "x", "not null", "nullable"),
                new Violation(WRONG_DEFAULT, "t", "x", null, "0"),
                new Violation(WRONG_DEFAULT, "t", "x", "a\r\nb", "0"),
                new Violation(UNEXPECTED_INDEX, "t", "ix9", null, "(x)"),
                new Violation(UNEXPECTED_PRIMARY_KEY, "t", "t_pkey", null, "(x)"),
                new Violation(WRONG_PRIMARY_KEY, "t", "t_pkey", "(x, y)", "(x)"));

        assertThat(RemediationSql.generate(contract("app", t), violations)).isEqualTo("""
                -- ALTER TABLE app.t ALTER COLUMN x DROP NOT NULL;
                -- ALTER TABLE app.t ALTER COLUMN x SET NOT NULL;
                -- ALTER TABLE app.t ALTER COLUMN x SET DEFAULT ;
                -- ALTER TABLE app.t ALTER COLUMN x SET DEFAULT a b;
                -- DROP INDEX app.ix9;
                -- ALTER TABLE app.t DROP CONSTRAINT t_pkey;
                -- ALTER TABLE app.t DROP CONSTRAINT t_pkey, ADD PRIMARY KEY (x, y);
                """);
    }

    @Test
    void aMissingTableTheContractListsNoColumnsOfGetsEveryColumnAndThePrimaryKeyAtHead() {
        TableContract w = table("w", List.of(), null, null, null, null);
        SchemaSnapshot ref = reference(head("w", new PrimaryKey("w_pkey", List.of("id")),
                new Column("id", "bigint", false, null, "ALWAYS"),
                new Column("name", "text", true, "'x'::text", null)));

        assertThat(RemediationSql.generate(contract("public", w),
                List.of(new Violation(MISSING_TABLE, "w", "w", null, null)), ref)).isEqualTo("""
                CREATE TABLE IF NOT EXISTS w (
                    id bigint GENERATED ALWAYS AS IDENTITY,
                    name text DEFAULT 'x'::text,
                    PRIMARY KEY (id)
                );
                """);
    }

    @Test
    void aMissingTableTheMigrationsDoNotBuildEitherSaysSoWithAReference() {
        TableContract q = table("q", List.of(col("k", null, false, null, null)), null, null, null, null);

        assertThat(RemediationSql.generate(contract("public", q),
                List.of(new Violation(MISSING_TABLE, "q", "q", null, null)), reference())).isEqualTo("""
                -- column k of q: %s
                -- table q: the contract gives no column types; create it by hand
                """.formatted(NO_TYPE_AT_HEAD));
    }

    @Test
    void whatTheContractLeavesOutOfAMissingColumnComesFromHead() {
        TableContract t = table("t", List.of(
                col("c", "integer", false, null, null),
                col("d", "bigint", false, null, null),
                col("s", null, false, null, null),
                col("g", null, false, null, "f(x)"),
                col("h", "text", false, true, null),
                col("z", null, false, null, null)), null, null, null, null);
        SchemaSnapshot ref = reference(head("t", null,
                new Column("c", "integer", false, "7", null),
                new Column("d", "integer", false, "7", null),
                new Column("s", "integer", false, "nextval('t_s_seq'::regclass)", null),
                new Column("g", "bigint", false, null, "BY DEFAULT"),
                new Column("h", "text", false, null, "ALWAYS")));
        List<Violation> violations = List.of(missingColumn("t", "c"), missingColumn("t", "d"),
                missingColumn("t", "s"), missingColumn("t", "g"), missingColumn("t", "h"), missingColumn("t", "z"));

        assertThat(RemediationSql.generate(contract("public", t), violations, ref)).isEqualTo("""
                ALTER TABLE t ADD COLUMN IF NOT EXISTS c integer DEFAULT 7 NOT NULL;
                ALTER TABLE t ADD COLUMN IF NOT EXISTS d bigint;
                -- added without NOT NULL: with no default, ADD COLUMN ... NOT NULL fails on a table that has rows; \
                fill t.d, then run: ALTER TABLE t ALTER COLUMN d SET NOT NULL;
                ALTER TABLE t ADD COLUMN IF NOT EXISTS s serial;
                ALTER TABLE t ADD COLUMN IF NOT EXISTS g bigint GENERATED BY DEFAULT AS IDENTITY;
                ALTER TABLE t ADD COLUMN IF NOT EXISTS h text;
                -- column z of t: %s
                """.formatted(NO_TYPE_AT_HEAD));
    }

    @Test
    void referenceColumnsTellWhetherThereIsAReferenceAndItsPrimaryKeys() {
        ReferenceColumns none = new ReferenceColumns(null);
        ReferenceColumns some = new ReferenceColumns(reference(
                head("a", new PrimaryKey("a_pkey", List.of("id", "k")), new Column("id", "int", false, null, null)),
                head("b", null, new Column("id", "int", false, null, null))));

        assertThat(none.given()).isFalse();
        assertThat(some.given()).isTrue();
        assertThat(none.primaryKey("a")).isNull();
        assertThat(some.primaryKey("a")).containsExactly("id", "k");
        assertThat(some.primaryKey("b")).isNull();
        assertThat(some.primaryKey("c")).isNull();
    }

    @Test
    void aSequenceDefaultMakesASerialOnlyForAnIntegerColumnThatIsNoIdentity() {
        ReferenceColumns ref = new ReferenceColumns(reference(head("t", null,
                new Column("a", "bigint", false, "nextval('a_seq'::regclass)", null),
                new Column("b", "text", false, "nextval('b_seq'::regclass)", null),
                new Column("c", "integer", false, "nextval('c_seq'::regclass)", "BY DEFAULT"),
                new Column("d", "integer", false, "nextval('d_seq')", null),
                new Column("e", "smallint", true, null, null))));

        assertThat(ref.of("t", ColumnContract.named("a")).column())
                .isEqualTo(new ColumnContract("a", "bigint", true, false, null, 0));
        assertThat(ref.of("t", ColumnContract.named("b")).column())
                .isEqualTo(new ColumnContract("b", "text", false, false, "nextval('b_seq'::regclass)", 0));
        assertThat(ref.of("t", ColumnContract.named("c")))
                .isEqualTo(new ReferenceColumns.Planned(
                        new ColumnContract("c", "integer", false, false, "nextval('c_seq'::regclass)", 0), "BY DEFAULT"));
        assertThat(ref.of("t", ColumnContract.named("d")).column())
                .isEqualTo(new ColumnContract("d", "integer", false, false, "nextval('d_seq')", 0));
        assertThat(ref.of("t", ColumnContract.named("e")).column())
                .isEqualTo(new ColumnContract("e", "smallint", false, true, null, 0));
        assertThat(ref.of("t", new ColumnContract("a", "bigint", true, null, null, 3)))
                .as("a serial in the contract keeps its own type and takes no default from head")
                .isEqualTo(new ReferenceColumns.Planned(new ColumnContract("a", "bigint", true, false, null, 3), null));
    }
}
