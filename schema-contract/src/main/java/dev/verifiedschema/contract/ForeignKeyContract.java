package dev.verifiedschema.contract;

import java.util.List;

/**
 * A foreign key a table must have.
 *
 * @param columns           the referencing columns, in order
 * @param referencedTable   the referenced table
 * @param referencedColumns the referenced columns, in order
 * @param onDelete          the required delete rule ({@code CASCADE}, ...), or {@code null} when not checked
 * @param line              the line of the contract file that declares it (0 when built in code)
 */
public record ForeignKeyContract(List<String> columns, String referencedTable, List<String> referencedColumns,
                                 String onDelete, int line) {
    public ForeignKeyContract {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** {@code (user_id) -> users(id)}, for messages. */
    public String describe() {
        return "(" + String.join(", ", columns) + ") -> " + referencedTable + "(" + String.join(", ", referencedColumns) + ")";
    }
}
