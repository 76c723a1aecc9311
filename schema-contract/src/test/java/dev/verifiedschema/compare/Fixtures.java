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
import dev.verifiedschema.snapshot.Table;
import dev.verifiedschema.snapshot.Trigger;
import dev.verifiedschema.snapshot.UniqueConstraint;
import dev.verifiedschema.snapshot.View;

import java.util.List;
import java.util.Map;

/** Hand-built snapshots of a small TalentAI-like schema for the pure comparison tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Column col(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, null, null);
    }

    static Table users() {
        return new Table("users", Map.of(
                "id", new Column("id", "bigint", false, null, "BY DEFAULT"),
                "email", col("email", "character varying(255)", false),
                "balance", new Column("balance", "numeric(12,2)", false, "0", null),
                "consent_data_storage", col("consent_data_storage", "boolean", true),
                "consent_updated_at", col("consent_updated_at", "timestamp without time zone", true)),
                new PrimaryKey("users_pkey", List.of("id")), Map.of(),
                Map.of("users_pkey", new Index("users_pkey", List.of("id"), true, null, "btree"),
                        "users_email_key", new Index("users_email_key", List.of("email"), true, null, "btree")),
                Map.of("users_email_key", new UniqueConstraint("users_email_key", List.of("email"))),
                Map.of(), Map.of());
    }

    static Table transactions() {
        return new Table("hm_transactions", Map.of(
                "id", col("id", "bigint", false),
                "user_id", col("user_id", "bigint", false),
                "amount", col("amount", "numeric(12,2)", false),
                "type", col("type", "character varying(20)", false),
                "created_at", new Column("created_at", "timestamp without time zone", false, "now()", null)),
                new PrimaryKey("hm_transactions_pkey", List.of("id")),
                Map.of("hm_transactions_user_id_fkey", new ForeignKey("hm_transactions_user_id_fkey",
                        List.of("user_id"), "users", List.of("id"), "CASCADE", "NO ACTION")),
                Map.of("hm_transactions_pkey", new Index("hm_transactions_pkey", List.of("id"), true, null, "btree"),
                        "idx_tx_user_created", new Index("idx_tx_user_created", List.of("user_id", "created_at"),
                                false, null, "btree")),
                Map.of(),
                Map.of("hm_transactions_type_check", new CheckConstraint("hm_transactions_type_check",
                        "CHECK (type IN ('recharge', 'consume'))")),
                Map.of());
    }

    static SchemaSnapshot schema(Table... tables) {
        Map<String, Table> map = new java.util.HashMap<>();
        for (Table t : tables) {
            map.put(t.name(), t);
        }
        return new SchemaSnapshot("public", map,
                Map.of("v_balances", new View("v_balances", false, "SELECT id, balance FROM users;")),
                Map.of("hm_transactions_id_seq", new Sequence("hm_transactions_id_seq", "bigint", 1, 1,
                        "hm_transactions.id")),
                Map.of("feedback_status", new EnumType("feedback_status", List.of("open", "closed"))),
                Map.of("touch_updated_at()", new Routine("touch_updated_at()", "function", "trigger", "plpgsql",
                        "begin new.updated_at = now(); return new; end")));
    }

    static Table withTrigger(Table t) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(), t.indexes(), t.uniqueConstraints(),
                t.checks(), Map.of("trg_touch", new Trigger("trg_touch",
                "CREATE TRIGGER trg_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_updated_at()")));
    }
}
