package dev.verifiedschema.contract;

/** How strictly a {@link TableContract} describes its table. */
public enum Mode {
    /** Everything listed must exist; the table may have more (a table shared with another application). */
    REQUIRED,
    /**
     * No column more or less than listed, and for each of primary key, foreign keys, unique
     * constraints and indexes that the table declares ({@code []}: none), nothing more or less than
     * listed; a kind the table leaves out is not compared (a table the application owns).
     */
    EXACT
}
