package dev.verifiedschema.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a contract requires of one table.
 *
 * <p>For the primary key, foreign keys, unique constraints and indexes the record tells "not
 * declared" from "declared none": a {@code null} list means the contract leaves that kind out (it
 * is not checked, whatever the mode), an empty list means the contract declares that the table has
 * none of it ({@code indexes: []}, {@code primaryKey: []}). In {@link Mode#EXACT} a declared kind is
 * compared exactly: every listed one must exist and no other may. In {@link Mode#REQUIRED} the
 * listed ones must exist and more are allowed.
 *
 * @param name              the table name, already folded as PostgreSQL folds identifiers
 * @param mode              {@link Mode#REQUIRED} or {@link Mode#EXACT}
 * @param columns           required columns by name, in the order the contract lists them
 * @param primaryKey        the primary key columns; empty: no primary key; {@code null}: not declared
 * @param foreignKeys       the foreign keys; {@code null}: not declared
 * @param indexes           the indexes; {@code null}: not declared
 * @param uniqueConstraints the unique constraints; {@code null}: not declared
 * @param line              the line of the contract file that declares the table (0 when built in code)
 */
public record TableContract(String name, Mode mode, Map<String, ColumnContract> columns, List<String> primaryKey,
                            List<ForeignKeyContract> foreignKeys, List<IndexContract> indexes,
                            List<UniqueContract> uniqueConstraints, int line) {
    public TableContract {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        primaryKey = primaryKey == null ? null : List.copyOf(primaryKey);
        foreignKeys = foreignKeys == null ? null : List.copyOf(foreignKeys);
        indexes = indexes == null ? null : List.copyOf(indexes);
        uniqueConstraints = uniqueConstraints == null ? null : List.copyOf(uniqueConstraints);
    }

    /** The declared foreign keys, or none when the kind is not declared. */
    public List<ForeignKeyContract> foreignKeysOrNone() {
        return foreignKeys == null ? List.of() : foreignKeys;
    }

    /** The declared indexes, or none when the kind is not declared. */
    public List<IndexContract> indexesOrNone() {
        return indexes == null ? List.of() : indexes;
    }

    /** The declared unique constraints, or none when the kind is not declared. */
    public List<UniqueContract> uniqueConstraintsOrNone() {
        return uniqueConstraints == null ? List.of() : uniqueConstraints;
    }
}
