package dev.verifiedschema.assertj;

import dev.verifiedschema.snapshot.Column;
import dev.verifiedschema.snapshot.ForeignKey;
import dev.verifiedschema.snapshot.Index;
import dev.verifiedschema.snapshot.Table;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions on one table: columns, keys, indexes, constraints, triggers. */
public final class TableAssert extends AbstractAssert<TableAssert, Table> {
    private final SchemaAssert schema;

    TableAssert(Table actual, SchemaAssert schema) {
        super(actual, TableAssert.class);
        this.schema = schema;
    }

    /** The table has this column; goes on with assertions on it. */
    public ColumnAssert withColumn(String name) {
        Column column = actual.columns().get(name);
        if (column == null) {
            failWithMessage("Expecting table %s to have column %s, but it has: %s", actual.name(), name,
                    SchemaAssert.names(actual.columns().keySet()));
        }
        return new ColumnAssert(column, this);
    }

    /** The table has these columns (and may have others). */
    public TableAssert hasColumns(String... names) {
        List<String> missing = List.of(names).stream().filter(n -> !actual.columns().containsKey(n)).toList();
        if (!missing.isEmpty()) {
            failWithMessage("Expecting table %s to have the columns %s, but it lacks %s; it has: %s", actual.name(),
                    String.join(", ", names), String.join(", ", missing), SchemaAssert.names(actual.columns().keySet()));
        }
        return this;
    }

    /** The table has exactly these columns, in any order (pgTAP's {@code columns_are}). */
    public TableAssert hasExactlyColumns(String... names) {
        List<String> found = List.copyOf(actual.columns().keySet());
        if (!found.stream().sorted().toList().equals(List.of(names).stream().sorted().toList())) {
            failWithMessage("Expecting table %s to have exactly the columns %s, but it has: %s",
                    actual.name(), String.join(", ", names), SchemaAssert.names(found));
        }
        return this;
    }

    /** The table's primary key is on these columns, in this order. */
    public TableAssert hasPrimaryKey(String... columns) {
        if (actual.primaryKey() == null) {
            failWithMessage("Expecting table %s to have a primary key on %s, but it has none", actual.name(),
                    String.join(", ", columns));
        }
        if (!actual.primaryKey().columns().equals(List.of(columns))) {
            failWithMessage("Expecting table %s to have its primary key on %s, but it is on %s", actual.name(),
                    String.join(", ", columns), String.join(", ", actual.primaryKey().columns()));
        }
        return this;
    }

    /** An index of the table covers exactly these columns, in this order. */
    public TableAssert hasIndexOn(String... columns) {
        index(false, columns);
        return this;
    }

    /** A unique index of the table covers exactly these columns, in this order (a unique constraint's counts). */
    public TableAssert hasUniqueIndexOn(String... columns) {
        index(true, columns);
        return this;
    }

    private void index(boolean unique, String... columns) {
        List<String> wanted = List.of(columns);
        boolean found = actual.indexes().values().stream()
                .anyMatch(i -> i.columns().equals(wanted) && (!unique || i.unique()));
        if (!found) {
            failWithMessage("Expecting table %s to have a%s index on %s, but its indexes are: %s", actual.name(),
                    unique ? " unique" : "n", String.join(", ", columns), actual.indexes().isEmpty() ? "none"
                            : actual.indexes().values().stream().map(TableAssert::describe)
                            .collect(Collectors.joining("; ")));
        }
    }

    /** A unique constraint of the table is on exactly these columns (any order). */
    public TableAssert hasUniqueConstraint(String... columns) {
        List<String> wanted = List.of(columns).stream().sorted().toList();
        boolean found = actual.uniqueConstraints().values().stream()
                .anyMatch(u -> u.columns().stream().sorted().toList().equals(wanted));
        if (!found) {
            failWithMessage("Expecting table %s to have a unique constraint on %s, but it has: %s", actual.name(),
                    String.join(", ", columns), actual.uniqueConstraints().isEmpty() ? "none"
                            : actual.uniqueConstraints().values().stream()
                            .map(u -> u.name() + " (" + String.join(", ", u.columns()) + ")")
                            .collect(Collectors.joining("; ")));
        }
        return this;
    }

    /** A foreign key of the table on exactly these columns (any order) references this table. */
    public TableAssert hasForeignKey(String referencedTable, String... columns) {
        List<String> wanted = List.of(columns).stream().sorted().toList();
        boolean found = actual.foreignKeys().values().stream().anyMatch(f -> f.columns().equals(wanted)
                && (f.referencedTable().equals(referencedTable) || f.referencedTable().endsWith("." + referencedTable)));
        if (!found) {
            failWithMessage("Expecting table %s to have a foreign key on %s referencing %s, but it has: %s",
                    actual.name(), String.join(", ", columns), referencedTable, actual.foreignKeys().isEmpty() ? "none"
                            : actual.foreignKeys().values().stream().map(TableAssert::describe)
                            .collect(Collectors.joining("; ")));
        }
        return this;
    }

    /** The table has a check constraint of this name. */
    public TableAssert hasCheckConstraint(String name) {
        if (!actual.checks().containsKey(name)) {
            failWithMessage("Expecting table %s to have check constraint %s, but it has: %s", actual.name(), name,
                    SchemaAssert.names(actual.checks().keySet()));
        }
        return this;
    }

    /** The table has a trigger of this name. */
    public TableAssert hasTrigger(String name) {
        if (!actual.triggers().containsKey(name)) {
            failWithMessage("Expecting table %s to have trigger %s, but it has: %s", actual.name(), name,
                    SchemaAssert.names(actual.triggers().keySet()));
        }
        return this;
    }

    /** Back to the schema, for the next table. */
    public SchemaAssert and() {
        return schema;
    }

    private static String describe(Index index) {
        return index.name() + " (" + String.join(", ", index.columns()) + (index.unique() ? ", unique" : "") + ")";
    }

    private static String describe(ForeignKey key) {
        return key.name() + " (" + String.join(", ", key.columns()) + ") -> " + key.referencedTable();
    }
}
