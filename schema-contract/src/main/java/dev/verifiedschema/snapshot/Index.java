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
 */
public record Index(String name, List<String> columns, boolean unique, String predicate, String method,
                    List<String> include) {
    public Index {
        columns = Sorted.list(columns);
        include = Sorted.list(include);
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
        this(name, columns, unique, predicate, method, List.of());
    }
}
