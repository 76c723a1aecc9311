package dev.verifiedschema.snapshot;

import java.util.List;

/**
 * A unique constraint (as opposed to a unique index created on its own).
 *
 * @param name    the constraint name
 * @param columns the constrained columns, in order
 * @param options {@code DEFERRABLE} and {@code INITIALLY DEFERRED} where they apply, or empty
 */
public record UniqueConstraint(String name, List<String> columns, String options) {
    public UniqueConstraint {
        columns = Sorted.list(columns);
        options = options == null ? "" : options;
    }

    /**
     * A unique constraint that is not deferrable.
     *
     * @param name    the constraint name
     * @param columns the constrained columns, in order
     */
    public UniqueConstraint(String name, List<String> columns) {
        this(name, columns, "");
    }
}
