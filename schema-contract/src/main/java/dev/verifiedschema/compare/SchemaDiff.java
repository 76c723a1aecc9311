package dev.verifiedschema.compare;

import dev.verifiedschema.snapshot.SchemaSnapshot;
import dev.verifiedschema.snapshot.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.verifiedschema.compare.Change.ObjectType.*;

/**
 * Every difference between an expected and an actual {@link SchemaSnapshot}; empty when they are
 * equal. This is how the stairway proves that an undo script restored the previous state.
 *
 * @param changes the differences, tables first, then the schema-level objects
 */
public record SchemaDiff(List<Change> changes) {
    public SchemaDiff {
        changes = List.copyOf(changes);
    }

    /** The differences going from {@code expected} to {@code actual}. */
    public static SchemaDiff between(SchemaSnapshot expected, SchemaSnapshot actual) {
        List<Change> out = new ArrayList<>();
        for (String name : new TreeSet<>(union(expected.tables(), actual.tables()))) {
            Table before = expected.tables().get(name);
            Table after = actual.tables().get(name);
            if (before == null || after == null) {
                Table present = before == null ? after : before;
                String text = Describe.table(present);
                out.add(new Change(before == null ? Change.Kind.ADDED : Change.Kind.REMOVED, TABLE, name,
                        before == null ? null : text, before == null ? text : null));
            } else if (!before.equals(after)) {
                String p = name + ".";
                maps(out, COLUMN, p, before.columns(), after.columns(), Describe::column);
                single(out, PRIMARY_KEY, p + "primary key",
                        before.primaryKey() == null ? null : Describe.primaryKey(before.primaryKey()),
                        after.primaryKey() == null ? null : Describe.primaryKey(after.primaryKey()));
                maps(out, FOREIGN_KEY, p, before.foreignKeys(), after.foreignKeys(), Describe::foreignKey);
                maps(out, INDEX, p, before.indexes(), after.indexes(), Describe::index);
                maps(out, UNIQUE_CONSTRAINT, p, before.uniqueConstraints(), after.uniqueConstraints(),
                        u -> "(" + String.join(", ", u.columns()) + ")"
                                + (u.options().isEmpty() ? "" : " " + u.options().toLowerCase()));
                maps(out, CHECK_CONSTRAINT, p, before.checks(), after.checks(), c -> c.expression());
                maps(out, TRIGGER, p, before.triggers(), after.triggers(), t -> t.definition());
            }
        }
        maps(out, VIEW, "", expected.views(), actual.views(), v -> (v.materialized() ? "materialized " : "")
                + "as " + v.definition().strip());
        maps(out, SEQUENCE, "", expected.sequences(), actual.sequences(), Describe::sequence);
        maps(out, ENUM_TYPE, "", expected.enums(), actual.enums(), e -> "(" + String.join(", ", e.labels()) + ")");
        maps(out, FUNCTION, "", expected.functions(), actual.functions(), Describe::routine);
        maps(out, EXTENSION, "", expected.extensions(), actual.extensions(), x -> "version " + x.version());
        return new SchemaDiff(out);
    }

    /** Whether the two snapshots were equal. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes of one kind. */
    public List<Change> changes(Change.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** One change per line, or {@code no differences}. */
    public String describe() {
        return changes.isEmpty() ? "no differences"
                : changes.stream().map(Change::describe).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return describe();
    }

    private static <T> void maps(List<Change> out, Change.ObjectType type, String prefix, Map<String, T> before,
                                 Map<String, T> after, Function<T, String> describe) {
        for (String name : new TreeSet<>(union(before, after))) {
            T b = before.get(name);
            T a = after.get(name);
            single(out, type, prefix + name, b == null ? null : describe.apply(b), a == null ? null : describe.apply(a),
                    b != null && a != null && !b.equals(a));
        }
    }

    private static void single(List<Change> out, Change.ObjectType type, String name, String before, String after) {
        single(out, type, name, before, after, before != null && after != null && !before.equals(after));
    }

    private static void single(List<Change> out, Change.ObjectType type, String name, String before, String after,
                               boolean changed) {
        if (before == null && after != null) {
            out.add(new Change(Change.Kind.ADDED, type, name, null, after));
        } else if (before != null && after == null) {
            out.add(new Change(Change.Kind.REMOVED, type, name, before, null));
        } else if (changed) {
            out.add(new Change(Change.Kind.CHANGED, type, name, before, after));
        }
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> names = new java.util.HashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }
}
