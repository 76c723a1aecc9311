package dev.verifiedschema.compare;

import dev.verifiedschema.snapshot.CheckConstraint;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.EnumType;
import dev.verifiedschema.snapshot.Extension;
import dev.verifiedschema.snapshot.ForeignKey;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.PrimaryKey;
import dev.verifiedschema.snapshot.Routine;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Sequence;
import dev.verifiedschema.snapshot.Table;
import dev.verifiedschema.snapshot.Trigger;
import dev.verifiedschema.snapshot.UniqueConstraint;
import dev.verifiedschema.snapshot.View;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of difference between two snapshots, in words and in order. */
class SchemaDiffMutationTest {

    private static Table table(String name, Map<String, Column> columns, PrimaryKey pk, Map<String, ForeignKey> fks,
                               Map<String, Index> indexes, Map<String, UniqueConstraint> uniques,
                               Map<String, CheckConstraint> checks, Map<String, Trigger> triggers) {
        return new Table(name, columns, pk, fks, indexes, uniques, checks, triggers);
    }

    private static SchemaSnapshot tables(Table... tables) {
        Map<String, Table> map = new java.util.HashMap<>();
        for (Table t : tables) {
            map.put(t.name(), t);
        }
        return new SchemaSnapshot("public", map, Map.of(), Map.of(), Map.of(), Map.of());
    }

    @Test
    void equalSnapshotsHaveNoDifferences() {
        SchemaSnapshot s = Fixtures.schema(Fixtures.users(), Fixtures.transactions());

        SchemaDiff diff = SchemaDiff.between(s, Fixtures.schema(Fixtures.users(), Fixtures.transactions()));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.describe()).isEqualTo("no differences");
        assertThat(diff.toString()).isEqualTo("no differences");
    }

    @Test
    void anAddedAndARemovedTableAreDescribedByTheirColumns() {
        Table a = table("a", Map.of("x", Fixtures.col("x", "int", true)), null, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of());
        Table b = table("b", Map.of("y", Fixtures.col("y", "int", true)), null, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of());

        SchemaDiff diff = SchemaDiff.between(tables(a), tables(b));

        assertThat(diff.changes()).containsExactly(
                new Change(Change.Kind.REMOVED, Change.ObjectType.TABLE, "a", "(x)", null),
                new Change(Change.Kind.ADDED, Change.ObjectType.TABLE, "b", null, "(y)"));
        assertThat(diff.isEmpty()).isFalse();
        assertThat(diff.describe()).isEqualTo("table a (x) removed\ntable b (y) added");
        assertThat(diff.changes(Change.Kind.ADDED)).containsExactly(
                new Change(Change.Kind.ADDED, Change.ObjectType.TABLE, "b", null, "(y)"));
        assertThat(diff.changes(Change.Kind.CHANGED)).isEmpty();
    }

    @Test
    void everyPartOfAChangedTableIsComparedAndNamedWithItsTable() {
        Table before = table("t",
                Map.of("a", new Column("a", "integer", false, null, null), "gone", Fixtures.col("gone", "text", true)),
                new PrimaryKey("t_pkey", List.of("a")),
                Map.of("fk", new ForeignKey("fk", List.of("a"), "u", List.of("id"), "CASCADE", "NO ACTION")),
                Map.of("ix", new Index("ix", List.of("a"), false, null, "btree")),
                Map.of("uq", new UniqueConstraint("uq", List.of("a"))),
                Map.of("ck", new CheckConstraint("ck", "CHECK (a > 0)")),
                Map.of("trg", new Trigger("trg", "CREATE TRIGGER trg BEFORE UPDATE")));
        Table after = table("t",
                Map.of("a", new Column("a", "bigint", true, null, null), "new", Fixtures.col("new", "text", true)),
                new PrimaryKey("t_pkey", List.of("a", "new")),
                Map.of("fk", new ForeignKey("fk", List.of("a"), "u", List.of("id"), "RESTRICT", "NO ACTION")),
                Map.of("ix", new Index("ix", List.of("a"), true, null, "btree")),
                Map.of("uq", new UniqueConstraint("uq", List.of("a"), "NULLS NOT DISTINCT")),
                Map.of("ck", new CheckConstraint("ck", "CHECK (a > 1)")),
                Map.of("trg", new Trigger("trg", "CREATE TRIGGER trg AFTER UPDATE")));

        SchemaDiff diff = SchemaDiff.between(tables(before), tables(after));

        assertThat(diff.describe()).isEqualTo(String.join("\n",
                "column t.a changed: integer not null -> bigint nullable",
                "column t.gone text nullable removed",
                "column t.new text nullable added",
                "primary key t.primary key changed: t_pkey (a) -> t_pkey (a, new)",
                "foreign key t.fk changed: (a) -> u(id) on delete cascade on update no action"
                        + " -> (a) -> u(id) on delete restrict on update no action",
                "index t.ix changed: (a) -> unique (a)",
                "unique constraint t.uq changed: (a) -> (a) nulls not distinct",
                "check constraint t.ck changed: CHECK (a > 0) -> CHECK (a > 1)",
                "trigger t.trg changed: CREATE TRIGGER trg BEFORE UPDATE -> CREATE TRIGGER trg AFTER UPDATE"));
    }

    @Test
    void aPrimaryKeyThatAppearsOrDisappearsIsAddedOrRemoved() {
        Map<String, Column> cols = Map.of("a", Fixtures.col("a", "int", false));
        Table without = table("t", cols, null, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
        Table with = table("t", cols, new PrimaryKey("t_pkey", List.of("a")), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of());

        assertThat(SchemaDiff.between(tables(without), tables(with)).describe())
                .isEqualTo("primary key t.primary key t_pkey (a) added");
        assertThat(SchemaDiff.between(tables(with), tables(without)).describe())
                .isEqualTo("primary key t.primary key t_pkey (a) removed");
    }

    @Test
    void aTableThatDiffersOnlyInAnUnchangedPartHasOnlyThatChange() {
        Map<String, Column> cols = Map.of("a", Fixtures.col("a", "int", false));
        Table before = table("t", cols, new PrimaryKey("t_pkey", List.of("a")), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of());
        Table after = table("t", cols, new PrimaryKey("t_pkey", List.of("a")), Map.of(), Map.of(), Map.of(),
                Map.of("ck", new CheckConstraint("ck", "CHECK (a > 0)")), Map.of());

        assertThat(SchemaDiff.between(tables(before), tables(after)).changes()).containsExactly(
                new Change(Change.Kind.ADDED, Change.ObjectType.CHECK_CONSTRAINT, "t.ck", null, "CHECK (a > 0)"));
    }

    @Test
    void schemaLevelObjectsAreComparedAndDescribed() {
        SchemaSnapshot before = new SchemaSnapshot("public", Map.of(),
                Map.of("v", new View("v", false, "  SELECT 1;  "), "mv", new View("mv", true, "SELECT 2;")),
                Map.of("s", new Sequence("s", "bigint", 1, 1, null)),
                Map.of("e", new EnumType("e", List.of("a", "b"))),
                Map.of("f()", new Routine("f()", "function", "integer", "sql", null)),
                Map.of("x", new Extension("x", "1.0")));
        SchemaSnapshot after = new SchemaSnapshot("public", Map.of(),
                Map.of("v", new View("v", false, "SELECT 3;"), "mv", new View("mv", true, "SELECT 4;")),
                Map.of("s", new Sequence("s", "bigint", 1, 2, null)),
                Map.of("e", new EnumType("e", List.of("a", "b", "c"))),
                Map.of("f()", new Routine("f()", "function", "bigint", "sql", null)),
                Map.of("x", new Extension("x", "1.1")));

        assertThat(SchemaDiff.between(before, after).describe()).isEqualTo(String.join("\n",
                "view mv changed: materialized as SELECT 2; -> materialized as SELECT 4;",
                "view v changed: as SELECT 1; -> as SELECT 3;",
                "sequence s changed: bigint start 1 increment 1 -> bigint start 1 increment 2",
                "enum type e changed: (a, b) -> (a, b, c)",
                "function f() changed: returns integer language sql body#0 -> returns bigint language sql body#0",
                "extension x changed: version 1.0 -> version 1.1"));
    }

    @Test
    void twoObjectsThatDifferButDescribeAlikeAreStillAChange() {
        SchemaSnapshot before = new SchemaSnapshot("public", Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of("f()", new Routine("f()", "function", "integer", "sql", "Aa")));
        SchemaSnapshot after = new SchemaSnapshot("public", Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of("f()", new Routine("f()", "function", "integer", "sql", "BB")));

        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(SchemaDiff.between(before, after).changes()).containsExactly(new Change(Change.Kind.CHANGED,
                Change.ObjectType.FUNCTION, "f()", "returns integer language sql body#"
                + Integer.toHexString("Aa".hashCode()), "returns integer language sql body#"
                + Integer.toHexString("Aa".hashCode())));
    }

    @Test
    void theChangesCannotBeAlteredAfterTheDiffIsMade() {
        List<Change> list = new java.util.ArrayList<>();
        SchemaDiff diff = new SchemaDiff(list);
        list.add(new Change(Change.Kind.ADDED, Change.ObjectType.TABLE, "t", null, "()"));

        assertThat(diff.isEmpty()).isTrue();
    }
}
