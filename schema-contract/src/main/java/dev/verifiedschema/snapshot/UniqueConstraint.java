package dev.verifiedschema.snapshot;

import java.util.List;

/**
 * A unique constraint (as opposed to a unique index created on its own).
 *
 * @param name    the constraint name
 * @param columns the constrained columns, in order
 */
public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        columns = Sorted.list(columns);
    }
}
