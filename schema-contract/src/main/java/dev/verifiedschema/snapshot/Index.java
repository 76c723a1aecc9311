package dev.verifiedschema.snapshot;

import java.util.List;

/**
 * An index.
 *
 * @param name      the index name
 * @param columns   the indexed columns or expressions, in index order
 * @param unique    whether the index is unique
 * @param predicate the {@code WHERE} predicate of a partial index, or {@code null}
 * @param method    the access method, for example {@code btree} or {@code gin}
 * @param include   the non-key columns of an {@code INCLUDE} clause, in order; empty when there is none
 * @param keyOptions for each key column or expression, in index order, what {@code CREATE INDEX} says after
 *                  it where it differs from the default: collation, operator class, {@code DESC},
 *                  {@code NULLS FIRST|LAST} (for example {@code text_pattern_ops} or {@code DESC NULLS LAST});
 *                  empty when no key has any
 */
public record Index(String name, List<String> columns, boolean unique, String predicate, String method,
                    List<String> include, List<String> keyOptions) {
    public Index {
        columns = Sorted.list(columns);
        include = Sorted.list(include);
        keyOptions = Sorted.list(keyOptions);
    }

    /**
     * An index whose keys all have their default collation, operator class and order.
     *
     * @param name      the index name
     * @param columns   the indexed columns or expressions, in index order
     * @param unique    whether the index is unique
     * @param predicate the {@code WHERE} predicate of a partial index, or {@code null}
     * @param method    the access method
     * @param include   the non-key columns of an {@code INCLUDE} clause, in order
     */
    public Index(String name, List<String> columns, boolean unique, String predicate, String method,
                 List<String> include) {
        this(name, columns, unique, predicate, method, include, List.of());
    }

    /**
     * An index without {@code INCLUDE} columns.
     *
     * @param name      the index name
     * @param columns   the indexed columns or expressions, in index order
     * @param unique    whether the index is unique
     * @param predicate the {@code WHERE} predicate of a partial index, or {@code null}
     * @param method    the access method
     */
    public Index(String name, List<String> columns, boolean unique, String predicate, String method) {
        this(name, columns, unique, predicate, method, List.of(), List.of());
    }
}
