package dev.verifiedschema.migrate;

import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.crawler.DesignFinding;
import dev.verifiedschema.crawler.DesignLint;
import dev.verifiedschema.crawler.DesignLintException;
import dev.verifiedschema.crawler.SchemaDocs;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * At head: the documentation of the schema when asked ({@link Stairway#withSchemaDocs}), then the
 * design lint of the head schema, on a connection of its own: every finding goes into the
 * report as a warning, and those whose severity reaches {@code failOn} also become findings of the
 * step {@code design lint}, so that baselines and fail-fast treat them as any other.
 *
 * <p>It runs at head, before the full downgrade rather than beside it: SchemaCrawler reads through
 * JDBC's metadata, whose queries call catalog functions ({@code pg_get_expr}, {@code format_type})
 * that see the newest catalog, not a transaction's snapshot, so a read beside the downgrade could
 * mix the head with objects the downgrade has dropped.
 */
final class HeadLint {
    /** The step that design lint findings are reported under. */
    static final String STEP = "design lint";
    /** The step a failure to write the head's documentation is reported under. */
    static final String DOCS_STEP = "schema docs";

    private HeadLint() {
    }

    /**
     * Lints the schema.
     *
     * @param record takes each finding that fails (and the lint's own failure)
     * @return every design finding, warnings included; empty when the settings turn the lint off
     */
    static List<DesignFinding> run(DataSource database, String schema, DesignLintSettings settings,
                                   java.nio.file.Path docs, Consumer<Finding> record) throws SQLException {
        if (docs != null) {
            writeDocs(database, schema, docs, record);
        }
        if (settings == null || !settings.enabled()) {
            return List.of();
        }
        List<DesignFinding> found;
        try (Connection connection = database.getConnection()) {
            try {
                found = DesignLint.run(connection, schema, settings);
            } finally {
                try (Statement reset = connection.createStatement()) {
                    reset.execute("RESET default_transaction_read_only");
                }
            }
        } catch (DesignLintException e) {
            record.accept(new Finding(STEP, null, null, Finding.DESIGN_LINT_FAILED, "", e.getMessage(), null));
            return List.of();
        }
        for (DesignFinding f : found) {
            if (f.fails()) {
                record.accept(new Finding(STEP, null, null, Finding.DESIGN_LINT, f.rule() + " " + f.object(),
                        f.describe() + ".\nIt fails because its severity reaches designLint.failOn ("
                                + settings.failOn().label() + "); fix the schema in a new migration, lower the rule's "
                                + "severity, or accept it in a baseline.", null));
            }
        }
        return found;
    }

    /** The head's documentation as {@code schema.html} and {@code schema.txt} in the directory. */
    private static void writeDocs(DataSource database, String schema, java.nio.file.Path directory,
                                  Consumer<Finding> record) throws SQLException {
        try (Connection connection = database.getConnection()) {
            try {
                java.nio.file.Files.createDirectories(directory);
                for (SchemaDocs.Format format : SchemaDocs.Format.values()) {
                    java.nio.file.Files.writeString(directory.resolve("schema." + format.extension()),
                            SchemaDocs.write(connection, schema, format));
                }
            } finally {
                try (Statement reset = connection.createStatement()) {
                    reset.execute("RESET default_transaction_read_only");
                }
            }
        } catch (DesignLintException | java.io.IOException e) {
            record.accept(new Finding(DOCS_STEP, null, null, Finding.SCHEMA_DOCS_FAILED, "", "The documentation of the "
                    + "head could not be written to " + directory.toAbsolutePath() + ": " + e.getMessage(), null));
        }
    }
}
