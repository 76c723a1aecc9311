package dev.verifiedschema.migrate;

import java.util.Objects;

/**
 * One forward ({@code V}), undo ({@code U}), repeatable ({@code R}) or fixture script.
 *
 * @param version     the version it belongs to; {@code null} for a repeatable migration
 * @param description the description from the file name, underscores as spaces
 * @param fileName    the file name, e.g. {@code V3__match_records.sql}
 * @param path        where it was found, for messages
 * @param sql         the script text
 * @param settings    the Flyway settings it is read with (its placeholders, for the scripts the toolkit runs itself)
 */
public record MigrationScript(MigrationVersion version, String description, String fileName, String path,
                              String sql, FlywaySettings settings) {
    /** Checks the settings are there. */
    public MigrationScript {
        Objects.requireNonNull(settings, "settings");
    }

    /** A script read with Flyway's default settings. */
    public MigrationScript(MigrationVersion version, String description, String fileName, String path, String sql) {
        this(version, description, fileName, path, sql, FlywaySettings.none());
    }

    /** Whether this is a repeatable migration ({@code R__*.sql}), which has no version. */
    public boolean repeatable() {
        return version == null;
    }

    @Override
    public String toString() {
        return fileName;
    }
}
