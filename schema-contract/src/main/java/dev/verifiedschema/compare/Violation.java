package dev.verifiedschema.compare;

/**
 * One way in which a schema does not honour its contract.
 *
 * @param kind     what kind of problem
 * @param table    the table concerned
 * @param object   the column, index, key or table name concerned (the table itself for table-level problems)
 * @param expected what the contract requires, in words or SQL type spelling ({@code null} when nothing is required)
 * @param found    what the schema has ({@code null} when it has nothing)
 */
public record Violation(Kind kind, String table, String object, String expected, String found) {

    /** The kinds of violation, each with a sentence template and the usual fix. */
    public enum Kind {
        MISSING_TABLE("missing table", "create the table with a migration (the remediation SQL shows how)"),
        MISSING_COLUMN("missing column", "add the column with a migration (the remediation SQL shows how)"),
        WRONG_TYPE("wrong type of column", "change the column type with a migration, or fix the contract"),
        WRONG_NULLABILITY("wrong nullability of column", "set or drop NOT NULL with a migration, or fix the contract"),
        WRONG_DEFAULT("wrong default of column", "set the default with a migration, or fix the contract"),
        MISSING_PRIMARY_KEY("missing primary key", "add the primary key with a migration"),
        WRONG_PRIMARY_KEY("wrong primary key", "change the primary key with a migration, or fix the contract"),
        UNEXPECTED_PRIMARY_KEY("primary key not in the contract",
                "declare it under primaryKey (the table declares primaryKey: []), or drop it"),
        MISSING_FOREIGN_KEY("missing foreign key", "add the foreign key with a migration"),
        UNEXPECTED_FOREIGN_KEY("foreign key not in the contract", "declare it under foreignKeys, or drop it"),
        MISSING_INDEX("missing index", "create the index with a migration"),
        UNEXPECTED_INDEX("index not in the contract", "declare it under indexes, or drop it"),
        MISSING_UNIQUE_CONSTRAINT("missing unique constraint", "add the unique constraint with a migration"),
        UNEXPECTED_UNIQUE_CONSTRAINT("unique constraint not in the contract",
                "declare it under uniqueConstraints, or drop it"),
        UNEXPECTED_COLUMN("column not in the contract of an exact table",
                "declare the column in the contract, or drop it with a migration"),
        UNDECLARED_TABLE("table not declared in the contract, but its name is owned",
                "declare the table in the contract, or drop it with a migration");

        private final String words;
        private final String fix;

        Kind(String words, String fix) {
            this.words = words;
            this.fix = fix;
        }

        /** What usually fixes a violation of this kind. */
        public String fix() {
            return fix;
        }
    }

    /**
     * The violation as a sentence without the table prefix, for example
     * {@code missing column consent_updated_at (expected timestamp without time zone)}.
     */
    public String describe() {
        String subject = object == null || object.equals(table) ? kind.words : kind.words + " " + object;
        if (expected != null && found != null) {
            return subject + " (expected " + expected + ", found " + found + ")";
        }
        if (expected != null) {
            return subject + " (expected " + expected + ")";
        }
        return found != null ? subject + " (found " + found + ")" : subject;
    }

    /** {@code table: description}. */
    @Override
    public String toString() {
        return table + ": " + describe();
    }
}
