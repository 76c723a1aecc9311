package dev.verifiedschema.snapshot;

import java.util.List;

/**
 * A foreign key constraint.
 *
 * @param name              the constraint name
 * @param columns           the referencing columns, in key order
 * @param referencedTable   the referenced table (qualified with its schema when it lives in another schema)
 * @param referencedColumns the referenced columns, in key order
 * @param onDelete          the delete rule: {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE},
 *                          {@code SET NULL} or {@code SET DEFAULT}
 * @param onUpdate          the update rule, spelled like {@code onDelete}
 */
public record ForeignKey(String name, List<String> columns, String referencedTable,
                         List<String> referencedColumns, String onDelete, String onUpdate) {
    public ForeignKey {
        columns = Sorted.list(columns);
        referencedColumns = Sorted.list(referencedColumns);
    }
}
