package dev.verifiedschema.contract;

import java.util.List;

/**
 * An index a table must have. An index matches when its columns are these, in this order, and
 * (when given) its name and uniqueness match.
 *
 * @param name    the required index name, or {@code null} when any name will do
 * @param columns the indexed columns, in order
 * @param unique  whether it must be unique, or {@code null} when not checked
 * @param line    the line of the contract file that declares it (0 when built in code)
 */
public record IndexContract(String name, List<String> columns, Boolean unique, int line) {
    public IndexContract {
        columns = List.copyOf(columns);
    }

    /** {@code idx_name (user_id, created_at) unique}, for messages. */
    public String describe() {
        return (name == null ? "" : name + " ") + "(" + String.join(", ", columns) + ")"
                + (Boolean.TRUE.equals(unique) ? " unique" : "");
    }
}
