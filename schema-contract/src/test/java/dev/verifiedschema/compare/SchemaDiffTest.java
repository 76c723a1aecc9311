package dev.verifiedschema.compare;

import dev.verifiedschema.snapshot.CheckConstraint;
import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.EnumType;
import dev.verifiedschema.snapshot.ForeignKey;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.PrimaryKey;
import dev.verifiedschema.snapshot.Routine;
import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Sequence;
import dev.verifiedschema.snapshot.SnapshotJson;
import dev.verifiedschema.snapshot.Table;
import dev.verifiedschema.snapshot.UniqueConstraint;
import dev.verifiedschema.snapshot.View;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.verifiedschema.compare.Change.Kind.*;
import static dev.verifiedschema.compare.Change.ObjectType.*;
import static dev.verifiedschema.compare.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SchemaDiffTest {

    @Test
    void equalSnapshotsHaveAnEmptyDiff() {
        SchemaDiff diff = SchemaDiff.between(schema(users(), transactions()), schema(transactions(), users()));
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.describe()).isEqualTo("no differences");
    }

    @Test
    void addedAndRemovedTablesAreOneChangeEach() {
        SchemaDiff diff = SchemaDiff.between(schema(users()), schema(transactions()));
        assertThat(diff.changes()).extracting(Change::kind, Change::objectType, Change::name).containsExactly(
                tuple(ADDED, TABLE, "hm_transactions"), tuple(REMOVED, TABLE, "users"));
    }

    @Test
    void everyTableLevelObjectKindIsCompared() {
        Table before = withTrigger(transactions());
        Map<String, Column> columns = new HashMap<>(before.columns());
        columns.put("amount", col("amount", "double precision", false));
        columns.remove("type");
        columns.put("remark", col("remark", "text", true));
        Table after = new Table(before.name(), columns, new PrimaryKey("hm_transactions_pkey", List.of("id", "user_id")),
                Map.of("fk2", new ForeignKey("fk2", List.of("user_id"), "users", List.of("id"), "NO ACTION", "NO ACTION")),
                Map.of("hm_transactions_pkey", before.indexes().get("hm_transactions_pkey"),
                        "idx_tx_user_created", new Index("idx_tx_user_created", List.of("user_id"), false,
                                "amount > 0", "btree")),
                Map.of("uq", new UniqueConstraint("uq", List.of("user_id"))),
                Map.of("hm_transactions_type_check", new CheckConstraint("hm_transactions_type_check", "CHECK (true)")),
                Map.of());

        SchemaDiff diff = SchemaDiff.between(schema(before), schema(after));

        assertThat(diff.changes()).extracting(Change::kind, Change::objectType, Change::name).containsExactly(
                tuple(CHANGED, COLUMN, "hm_transactions.amount"),
                tuple(ADDED, COLUMN, "hm_transactions.remark"),
                tuple(REMOVED, COLUMN, "hm_transactions.type"),
                tuple(CHANGED, PRIMARY_KEY, "hm_transactions.primary key"),
                tuple(ADDED, FOREIGN_KEY, "hm_transactions.fk2"),
                tuple(REMOVED, FOREIGN_KEY, "hm_transactions.hm_transactions_user_id_fkey"),
                tuple(CHANGED, INDEX, "hm_transactions.idx_tx_user_created"),
                tuple(ADDED, UNIQUE_CONSTRAINT, "hm_transactions.uq"),
                tuple(CHANGED, CHECK_CONSTRAINT, "hm_transactions.hm_transactions_type_check"),
                tuple(REMOVED, TRIGGER, "hm_transactions.trg_touch"));
        assertThat(diff.changes().get(0).describe()).isEqualTo(
                "column hm_transactions.amount changed: numeric(12,2) not null -> double precision not null");
        assertThat(diff.changes().get(6).describe()).isEqualTo("index hm_transactions.idx_tx_user_created changed: "
                + "(user_id, created_at) -> (user_id) where amount > 0");
    }

    @Test
    void anIndexThatOnlyChangedItsIncludeColumnsIsReportedWithThem() {
        Table before = transactions();
        Index old = before.indexes().get("idx_tx_user_created");
        Map<String, Index> indexes = new HashMap<>(before.indexes());
        indexes.put(old.name(), new Index(old.name(), old.columns(), old.unique(), old.predicate(), old.method(),
                List.of("amount")));
        Table after = new Table(before.name(), before.columns(), before.primaryKey(), before.foreignKeys(), indexes,
                before.uniqueConstraints(), before.checks(), before.triggers());

        SchemaDiff diff = SchemaDiff.between(schema(before), schema(after));

        assertThat(diff.changes()).singleElement().extracting(Change::describe).isEqualTo(
                "index hm_transactions.idx_tx_user_created changed: (user_id, created_at) -> (user_id, created_at) include (amount)");
    }

    @Test
    void schemaLevelObjectsAreCompared() {
        SchemaSnapshot before = schema(users());
        SchemaSnapshot after = new SchemaSnapshot("public", before.tables(),
                Map.of("v_balances", new View("v_balances", true, "SELECT id FROM users;")),
                Map.of(),
                Map.of("feedback_status", new EnumType("feedback_status", List.of("open", "closed", "spam"))),
                Map.of("touch_updated_at()", new Routine("touch_updated_at()", "function", "trigger", "plpgsql",
                        "begin return new; end"),
                        "f(integer)", new Routine("f(integer)", "function", "integer", "sql", "select 1")));

        SchemaDiff diff = SchemaDiff.between(before, after);

        assertThat(diff.changes()).extracting(Change::kind, Change::objectType, Change::name).containsExactly(
                tuple(CHANGED, VIEW, "v_balances"),
                tuple(REMOVED, SEQUENCE, "hm_transactions_id_seq"),
                tuple(CHANGED, ENUM_TYPE, "feedback_status"),
                tuple(ADDED, FUNCTION, "f(integer)"),
                tuple(CHANGED, FUNCTION, "touch_updated_at()"));
        assertThat(diff.changes(ADDED)).hasSize(1);
        assertThat(diff.describe()).contains("enum type feedback_status changed: (open, closed) -> (open, closed, spam)");
    }

    @Test
    void snapshotsSurviveAJsonRoundTrip() {
        SchemaSnapshot original = schema(withTrigger(users()), transactions());
        String json = SnapshotJson.write(original);

        assertThat(SnapshotJson.read(json)).isEqualTo(original);
        assertThat(SnapshotJson.write(SnapshotJson.read(json))).isEqualTo(json);
        assertThat(new Sequence("s", "bigint", 1, 1, null)).isEqualTo(new Sequence("s", "bigint", 1, 1, null));
    }
}
