package dev.verifiedschema.contract;

/** How strictly a {@link TableContract} describes its table. */
public enum Mode {
    /** Everything listed must exist; the table may have more (a table shared with another application). */
    REQUIRED,
    /** Everything listed must exist and nothing else may: no extra column, key or index (a table the application owns). */
    EXACT
}
