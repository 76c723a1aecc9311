package dev.verifiedschema.contract;

/**
 * Cross-checks a parsed contract: foreign keys must point at tables and columns the contract
 * declares, and keys of an exact table may only name columns it declares (an index entry with
 * parentheses is an expression, such as {@code lower(email)}, and is not a column).
 */
final class ReferenceCheck {
    private final YamlNodes nodes;

    ReferenceCheck(YamlNodes nodes) {
        this.nodes = nodes;
    }

    void check(Contract contract) {
        for (TableContract table : contract.tables().values()) {
            for (ForeignKeyContract fk : table.foreignKeysOrNone()) {
                TableContract target = contract.tables().get(fk.referencedTable());
                if (target == null) {
                    report(fk.line(), "foreign key " + fk.describe() + " of table " + table.name()
                            + " references table " + fk.referencedTable() + ", which the contract does not declare; "
                            + "declare it under tables: (columns: [" + String.join(", ", fk.referencedColumns())
                            + "] is enough)");
                    continue;
                }
                for (String column : fk.referencedColumns()) {
                    if (!target.columns().isEmpty() && !target.columns().containsKey(column)) {
                        report(fk.line(), "foreign key " + fk.describe() + " of table " + table.name()
                                + " references " + target.name() + "." + column + ", which the contract does not "
                                + "declare; add it to the columns of " + target.name() + " or fix the reference");
                    }
                }
            }
            if (table.mode() == Mode.EXACT) {
                checkDeclared(table, table.primaryKey(), "primary key", table.line());
                table.foreignKeysOrNone().forEach(fk -> checkDeclared(table, fk.columns(), "foreign key", fk.line()));
                table.indexesOrNone().forEach(ix -> checkDeclared(table, ix.columns().stream()
                        .filter(c -> !isExpression(c)).toList(), "index", ix.line()));
                table.uniqueConstraintsOrNone().forEach(u -> checkDeclared(table, u.columns(), "unique constraint",
                        u.line()));
            }
        }
    }

    private void checkDeclared(TableContract table, java.util.List<String> columns, String what, int line) {
        if (columns == null) {
            return;
        }
        for (String column : columns) {
            if (!table.columns().containsKey(column)) {
                report(line, "the " + what + " of exact table " + table.name() + " names column " + column
                        + ", which the table does not declare; in mode exact every column must be listed");
            }
        }
    }

    /** An index entry such as {@code lower(email)}: an expression as the catalog prints it, not a column. */
    private static boolean isExpression(String entry) {
        return entry.contains("(");
    }

    private void report(int line, String message) {
        nodes.problemAt(line, message);
    }
}
