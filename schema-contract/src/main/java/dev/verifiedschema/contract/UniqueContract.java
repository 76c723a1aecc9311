package dev.verifiedschema.contract;

import java.util.List;

/**
 * A unique constraint a table must have ({@code CONSTRAINT ... UNIQUE (...)}, not a unique index
 * created on its own: declare that under {@code indexes} with {@code unique: true}). It matches
 * when its columns are these, in this order, and (when given) its name matches.
 *
 * @param name    the required constraint name, or {@code null} when any name will do
 * @param columns the constrained columns, in order
 * @param line    the line of the contract file that declares it (0 when built in code)
 */
public record UniqueContract(String name, List<String> columns, int line) {
    public UniqueContract {
        columns = List.copyOf(columns);
    }

    /** {@code hm_usage_records_request_id_key (request_id)}, for messages. */
    public String describe() {
        return (name == null ? "" : name + " ") + "(" + String.join(", ", columns) + ")";
    }
}
