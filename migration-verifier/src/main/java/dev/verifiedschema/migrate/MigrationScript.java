package dev.verifiedschema.migrate;

/**
 * One forward ({@code V}), undo ({@code U}) or fixture script.
 *
 * @param version     the version it belongs to
 * @param description the description from the file name, underscores as spaces
 * @param fileName    the file name, e.g. {@code V3__match_records.sql}
 * @param path        where it was found, for messages
 * @param sql         the script text
 */
public record MigrationScript(MigrationVersion version, String description, String fileName, String path,
                              String sql) {
    @Override
    public String toString() {
        return fileName;
    }
}
