package dev.verifiedschema.snapshot;

import java.util.List;

/**
 * A primary key constraint.
 *
 * @param name    the constraint name, for example {@code hm_transactions_pkey}
 * @param columns the key's columns in key order
 */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = Sorted.list(columns);
    }
}
