package dev.verifiedschema.inspect;

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
import schemacrawler.schema.AttributedObject;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.IndexColumn;
import schemacrawler.schema.TableConstraint;
import schemacrawler.schema.TableConstraintColumn;
import schemacrawler.schema.TableConstraintType;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns SchemaCrawler's catalog of one schema into our immutable {@link SchemaSnapshot}. */
final class CatalogMapper {
    private CatalogMapper() {
    }

    static SchemaSnapshot toSnapshot(String schema, Catalog catalog, Map<String, EnumType> enums,
                                     Map<String, Extension> extensions) {
        Map<String, Table> tables = new HashMap<>();
        Map<String, View> views = new HashMap<>();
        for (schemacrawler.schema.Table table : catalog.getTables()) {
            if (!schema.equals(table.getSchema().getName())) {
                continue;
            }
            if (table instanceof schemacrawler.schema.View view) {
                views.put(view.getName(), view(view));
            } else {
                tables.put(table.getName(), table(table));
            }
        }
        Map<String, Sequence> sequences = new HashMap<>();
        for (schemacrawler.schema.Sequence sequence : catalog.getSequences()) {
            if (schema.equals(sequence.getSchema().getName())) {
                sequences.put(sequence.getName(), sequence(sequence));
            }
        }
        Map<String, Routine> routines = new HashMap<>();
        for (schemacrawler.schema.Routine routine : catalog.getRoutines()) {
            if (schema.equals(routine.getSchema().getName())) {
                Routine mapped = routine(routine);
                routines.put(mapped.signature(), mapped);
            }
        }
        return new SchemaSnapshot(schema, tables, views, sequences, enums, routines, extensions);
    }

    private static Table table(schemacrawler.schema.Table table) {
        Map<String, Column> columns = new HashMap<>();
        for (schemacrawler.schema.Column column : table.getColumns()) {
            columns.put(column.getName(), new Column(column.getName(), attribute(column, "FORMATTED_TYPE"),
                    column.isNullable(), column.getDefaultValue(), attribute(column, "IDENTITY_GENERATION")));
        }
        Map<String, Index> indexes = new HashMap<>();
        for (schemacrawler.schema.Index index : table.getIndexes()) {
            indexes.put(index.getName(), index(index));
        }
        // foreign keys come as table constraints too: see TABLE_CONSTRAINTS.sql
        Map<String, ForeignKey> foreignKeys = new HashMap<>();
        Map<String, UniqueConstraint> uniques = new HashMap<>();
        Map<String, CheckConstraint> checks = new HashMap<>();
        for (TableConstraint constraint : table.getTableConstraints()) {
            if (constraint.getType() == TableConstraintType.unique) {
                uniques.put(constraint.getName(), new UniqueConstraint(constraint.getName(), columnNames(constraint),
                        attribute(constraint, "CONSTRAINT_OPTIONS")));
            } else if (constraint.getType() == TableConstraintType.foreign_key) {
                foreignKeys.put(constraint.getName(), foreignKey(constraint, table.getSchema().getName()));
            } else if (constraint.getType() == TableConstraintType.check) {
                checks.put(constraint.getName(),
                        new CheckConstraint(constraint.getName(), attribute(constraint, "CONSTRAINT_DEFINITION")));
            }
        }
        Map<String, Trigger> triggers = new HashMap<>();
        for (schemacrawler.schema.Trigger trigger : table.getTriggers()) {
            triggers.put(trigger.getName(), new Trigger(trigger.getName(), trigger.getActionStatement()));
        }
        schemacrawler.schema.PrimaryKey pk = table.getPrimaryKey();
        PrimaryKey primaryKey = pk == null ? null : new PrimaryKey(pk.getName(), columnNames(pk));
        return new Table(table.getName(), columns, primaryKey, foreignKeys, indexes, uniques, checks, triggers);
    }

    private static ForeignKey foreignKey(TableConstraint constraint, String schema) {
        CatalogReader.Target target = CatalogReader.target(attribute(constraint, "FOREIGN_KEY_TARGET"));
        String referencedTable = schema.equals(target.schema()) ? target.table() : target.schema() + "." + target.table();
        return new ForeignKey(constraint.getName(), columnNames(constraint), referencedTable, target.columns(),
                target.onDelete(), target.onUpdate(), target.options());
    }

    private static Index index(schemacrawler.schema.Index index) {
        List<String> columns = index.getColumns().stream()
                .sorted(Comparator.comparingInt(IndexColumn::getIndexOrdinalPosition))
                .map(IndexColumn::getName)
                .toList();
        // SchemaCrawler keeps an absent predicate as an empty string
        String predicate = index.hasFilterCondition() ? index.getFilterCondition() : null;
        String include = attribute(index, "INCLUDE_COLUMNS");
        String keyOptions = attribute(index, "KEY_OPTIONS");
        return new Index(index.getName(), columns, index.isUnique(), predicate, attribute(index, "INDEX_METHOD"),
                include == null ? List.of() : CatalogJson.strings(include),
                keyOptions == null ? List.of() : CatalogJson.strings(keyOptions));
    }

    private static View view(schemacrawler.schema.View view) {
        boolean materialized = "MATERIALIZED VIEW".equalsIgnoreCase(view.getTableType().getTableType());
        return new View(view.getName(), materialized, view.getDefinition());
    }

    private static Sequence sequence(schemacrawler.schema.Sequence sequence) {
        BigInteger start = sequence.getStartValue();
        return new Sequence(sequence.getName(), attribute(sequence, "DATA_TYPE"),
                start == null ? 1L : start.longValueExact(), sequence.getIncrement(), attribute(sequence, "OWNED_BY"),
                attribute(sequence, "SEQUENCE_OPTIONS"));
    }

    private static Routine routine(schemacrawler.schema.Routine routine) {
        return new Routine(attribute(routine, "ROUTINE_SIGNATURE"), attribute(routine, "ROUTINE_KIND"),
                attribute(routine, "ROUTINE_RESULT"), attribute(routine, "ROUTINE_LANGUAGE"),
                attribute(routine, "ROUTINE_BODY"), attribute(routine, "ROUTINE_OPTIONS"));
    }

    private static List<String> columnNames(TableConstraint constraint) {
        return constraint.getConstrainedColumns().stream()
                .sorted(Comparator.comparingInt(TableConstraintColumn::getTableConstraintOrdinalPosition))
                .map(TableConstraintColumn::getName)
                .toList();
    }

    /** A value SchemaCrawler kept from an extra column of our catalog SQL (names are upper case). */
    private static String attribute(AttributedObject object, String name) {
        Object value = object.getAttribute(name);
        return value == null ? null : value.toString();
    }
}
