package dev.verifiedschema.contract;

/**
 * What a contract requires of one column. Every property but the name is optional ({@code null}:
 * not checked).
 *
 * @param name         the column name, already folded as PostgreSQL folds identifiers
 * @param type         the normalised type (see {@link TypeNames}), or {@code null}
 * @param serial       whether the contract said {@code serial}/{@code bigserial}/{@code smallserial}:
 *                     the type is then the integer type and the default must draw from a sequence
 * @param nullable     whether the column must accept {@code NULL}, or {@code null} when not checked
 * @param defaultValue the default expression exactly as PostgreSQL prints it, or {@code null}
 * @param line         the line of the contract file that declares the column (0 when built in code)
 */
public record ColumnContract(String name, String type, boolean serial, Boolean nullable, String defaultValue,
                             int line) {

    /** A column that only has to exist. */
    public static ColumnContract named(String name) {
        return new ColumnContract(name, null, false, null, null, 0);
    }
}
