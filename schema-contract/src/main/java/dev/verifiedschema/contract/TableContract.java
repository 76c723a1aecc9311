package dev.verifiedschema.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a contract requires of one table.
 *
 * @param name        the table name, already folded as PostgreSQL folds identifiers
 * @param mode        {@link Mode#REQUIRED} or {@link Mode#EXACT}
 * @param columns     required columns by name, in the order the contract lists them
 * @param primaryKey  the required primary key columns, or {@code null} when not checked
 * @param foreignKeys required foreign keys
 * @param indexes     required indexes
 * @param line        the line of the contract file that declares the table (0 when built in code)
 */
public record TableContract(String name, Mode mode, Map<String, ColumnContract> columns, List<String> primaryKey,
                            List<ForeignKeyContract> foreignKeys, List<IndexContract> indexes, int line) {
    public TableContract {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        primaryKey = primaryKey == null ? null : List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }
}
