package dev.verifiedschema.compare;

import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.ForeignKey;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.PrimaryKey;
import dev.verifiedschema.snapshot.Routine;
import dev.verifiedschema.snapshot.Sequence;
import dev.verifiedschema.snapshot.Table;

import java.util.ArrayList;
import java.util.List;

/** Short, stable descriptions of snapshot objects for diffs and messages. */
final class Describe {
    private Describe() {
    }

    static String table(Table table) {
        return "(" + String.join(", ", table.columns().keySet()) + ")";
    }

    static String column(Column c) {
        return c.type() + (c.nullable() ? " nullable" : " not null")
                + (c.defaultValue() == null ? "" : " default " + c.defaultValue())
                + (c.identity() == null ? "" : " generated " + c.identity().toLowerCase() + " as identity");
    }

    static String primaryKey(PrimaryKey pk) {
        return pk.name() + " (" + String.join(", ", pk.columns()) + ")";
    }

    static String foreignKey(ForeignKey fk) {
        return "(" + String.join(", ", fk.columns()) + ") -> " + fk.referencedTable()
                + "(" + String.join(", ", fk.referencedColumns()) + ") on delete " + fk.onDelete().toLowerCase()
                + " on update " + fk.onUpdate().toLowerCase()
                + (fk.options().isEmpty() ? "" : " " + fk.options().toLowerCase());
    }

    static String index(Index ix) {
        return (ix.unique() ? "unique " : "") + "(" + String.join(", ", keys(ix)) + ")"
                + (ix.method() == null || ix.method().equals("btree") ? "" : " using " + ix.method())
                + (ix.include().isEmpty() ? "" : " include (" + String.join(", ", ix.include()) + ")")
                + (ix.predicate() == null ? "" : " where " + ix.predicate());
    }

    /** The index's keys, each followed by its options where it has any: {@code created_at DESC}. */
    private static List<String> keys(Index ix) {
        if (ix.keyOptions().isEmpty()) {
            return ix.columns();
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < ix.columns().size(); i++) {
            String options = i < ix.keyOptions().size() ? ix.keyOptions().get(i) : "";
            keys.add(options.isEmpty() ? ix.columns().get(i) : ix.columns().get(i) + " " + options);
        }
        return keys;
    }

    static String sequence(Sequence s) {
        return s.dataType() + " start " + s.start() + " increment " + s.increment()
                + (s.ownedBy() == null ? "" : " owned by " + s.ownedBy())
                + (s.options().isEmpty() ? "" : " " + s.options().toLowerCase());
    }

    static String routine(Routine r) {
        return (r.kind().equals("function") ? "" : r.kind() + " ") + (r.returnType() == null ? "" : "returns "
                + r.returnType() + " ") + "language " + r.language()
                + (r.options().isEmpty() ? "" : " " + r.options())
                + " body#" + Integer.toHexString(r.body() == null ? 0 : r.body().hashCode());
    }
}
