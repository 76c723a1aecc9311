package dev.verifiedschema.snapshot;

import java.util.Map;
import java.util.Optional;

/**
 * One table of a {@link SchemaSnapshot}.
 *
 * @param name              the table name as stored in the catalog
 * @param columns           columns by name (column order is deliberately not part of equality)
 * @param primaryKey        the primary key, or {@code null} when the table has none
 * @param foreignKeys       foreign keys by constraint name
 * @param indexes           indexes by name, including those that back primary keys and unique constraints
 * @param uniqueConstraints unique constraints by name
 * @param checks            check constraints by name
 * @param triggers          triggers by name
 */
public record Table(
        String name,
        Map<String, Column> columns,
        PrimaryKey primaryKey,
        Map<String, ForeignKey> foreignKeys,
        Map<String, Index> indexes,
        Map<String, UniqueConstraint> uniqueConstraints,
        Map<String, CheckConstraint> checks,
        Map<String, Trigger> triggers) {

    public Table {
        columns = Sorted.map(columns);
        foreignKeys = Sorted.map(foreignKeys);
        indexes = Sorted.map(indexes);
        uniqueConstraints = Sorted.map(uniqueConstraints);
        checks = Sorted.map(checks);
        triggers = Sorted.map(triggers);
    }

    /** The column with this exact name, if the table has it. */
    public Optional<Column> column(String columnName) {
        return Optional.ofNullable(columns.get(columnName));
    }
}
