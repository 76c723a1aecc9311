package dev.verifiedschema.migrate;

import java.sql.Connection;
import java.sql.SQLException;

import static dev.verifiedschema.contract.Identifiers.literal;
import static dev.verifiedschema.contract.Identifiers.quote;

/**
 * Runs undo scripts as Flyway Community cannot: the script's statements one by one in a single
 * transaction, together with deleting the version's row from {@code flyway_schema_history}, so
 * that Flyway sees the version as pending again and nothing of a failed undo is kept.
 */
final class UndoScripts {
    private UndoScripts() {
    }

    /**
     * Undoes one version.
     *
     * @param connection a connection to the database (left open, auto-commit restored)
     * @param undo       the {@code U} script
     * @param schema     the schema that holds {@code flyway_schema_history}
     * @return {@code null} on success, else what failed (script, line, PostgreSQL's message)
     */
    static ScriptFailure undo(Connection connection, MigrationScript undo, String schema) throws SQLException {
        return ScriptRunner.run(connection, undo, schema, "DELETE FROM " + quote(schema)
                + ".flyway_schema_history WHERE version IS NOT NULL AND regexp_replace(regexp_replace("
                + "replace(version, '_', '.'), '(^|\\.)0+(\\d)', '\\1\\2', 'g'), '(\\.0)+$', '') = "
                + literal(undo.version().canonical()));
    }

    /** The undo script's name as the forward script spells its version: {@code U1_2__*.sql} for {@code V1_2__x.sql}. */
    static String pattern(MigrationScript forward) {
        return forward.fileName().matches("V.+?__.*") ? forward.fileName().replaceFirst("^V(.+?)__.*$", "U$1__*.sql")
                : "U" + forward.version() + "__*.sql";
    }
}
