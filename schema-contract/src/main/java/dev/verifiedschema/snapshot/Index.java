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
 */
public record Index(String name, List<String> columns, boolean unique, String predicate, String method) {
    public Index {
        columns = Sorted.list(columns);
    }
}
