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
 * @param options           what else the constraint's definition says where it differs from the default,
 *                          in PostgreSQL's words and order: {@code MATCH FULL}, {@code DEFERRABLE},
 *                          {@code INITIALLY DEFERRED}, {@code NOT VALID}; empty when there is nothing to say
 */
public record ForeignKey(String name, List<String> columns, String referencedTable,
                         List<String> referencedColumns, String onDelete, String onUpdate, String options) {
    public ForeignKey {
        columns = Sorted.list(columns);
        referencedColumns = Sorted.list(referencedColumns);
        options = options == null ? "" : options;
    }

    /**
     * A validated, not deferrable foreign key of the default match type.
     *
     * @param name              the constraint name
     * @param columns           the referencing columns, in key order
     * @param referencedTable   the referenced table
     * @param referencedColumns the referenced columns, in key order
     * @param onDelete          the delete rule
     * @param onUpdate          the update rule
     */
    public ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                      String onDelete, String onUpdate) {
        this(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, "");
    }
}
