package dev.verifiedschema.bench.realistic;

/**
 * One version of the realistic set: its forward script and the undo script that reverses it exactly.
 *
 * @param version     the version number, 1 .. n
 * @param spelling    the version as written in the file names: {@code 37}, or {@code 36_1} (Flyway's 36.1)
 * @param description the file name's description, snake_case
 * @param forward     the forward script's text
 * @param undo        the undo script's text
 */
public record Migration(int version, String spelling, String description, String forward, String undo) {

    /** {@code V37__add_tasks_status.sql}. */
    public String forwardFile() {
        return "V" + spelling + "__" + description + ".sql";
    }

    /** {@code U37__add_tasks_status.sql}. */
    public String undoFile() {
        return "U" + spelling + "__" + description + ".sql";
    }
}
