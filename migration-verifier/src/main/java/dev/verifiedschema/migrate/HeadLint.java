package dev.verifiedschema.migrate;

import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.crawler.CrossCheck;
import dev.verifiedschema.crawler.DesignFinding;
import dev.verifiedschema.crawler.DesignLint;
import dev.verifiedschema.crawler.SchemaReadException;
import dev.verifiedschema.crawler.SchemaDocs;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * At head: the cross-check of the toolkit's reading when asked ({@link Stairway#withCrossCheck}), the
 * documentation of the schema when asked ({@link Stairway#withSchemaDocs}), then the
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
    /** The step a difference between the two readings of the head is reported under. */
    static final String CROSS_CHECK = "cross-check";
    /** The step a failure to write the head's documentation is reported under. */
    static final String DOCS_STEP = "schema docs";

    private HeadLint() {
    }

    /** What reads the schema on the lint's connection. */
    private interface Read<T> {
        T on(Connection connection) throws java.io.IOException;
    }

    /**
     * Writes the head's documentation when asked, then lints the schema.
     *
     * @param found takes the findings to record: each design flaw that fails, the lint's own failure, and
     *              a failure to write the documentation (recorded by the caller once the lint's results are
     *              kept, so that a fail-fast stop loses none of them)
     * @return every design finding, warnings included; empty when the settings turn the lint off
     */
    static List<DesignFinding> run(DataSource database, dev.verifiedschema.snapshot.SchemaSnapshot head,
                                   Stairway config, List<Finding> found) throws SQLException {
        String schema = head.schema();
        DesignLintSettings settings = config.designLint();
        java.nio.file.Path docs = config.schemaDocs;
        if (config.crossCheck) {
            crossCheck(database, head, found);
        }
        if (docs != null) {
            try {
                onOwnConnection(database, c -> {
                    java.nio.file.Files.createDirectories(docs);
                    for (var written : SchemaDocs.write(c, schema, java.util.EnumSet.allOf(SchemaDocs.Format.class))
                            .entrySet()) {
                        java.nio.file.Files.writeString(docs.resolve("schema." + written.getKey().extension()),
                                written.getValue());
                    }
                    return null;
                });
            } catch (RuntimeException | java.io.IOException e) {
                found.add(new Finding(DOCS_STEP, null, null, Finding.SCHEMA_DOCS_FAILED, "", "The documentation of the "
                        + "head could not be written to " + docs.toAbsolutePath() + ": " + e.getMessage(), null));
            }
        }
        if (settings == null || !settings.enabled()) {
            return List.of();
        }
        List<DesignFinding> flaws;
        try {
            flaws = onOwnConnection(database, c -> DesignLint.run(c, schema, settings));
        } catch (RuntimeException | java.io.IOException e) {
            found.add(new Finding(STEP, null, null, Finding.DESIGN_LINT_FAILED, "", e instanceof SchemaReadException
                    ? e.getMessage() : "The design lint of schema " + schema + " failed: " + e, null));
            return List.of();
        }
        for (DesignFinding f : flaws) {
            if (f.fails()) {
                found.add(new Finding(STEP, null, null, Finding.DESIGN_LINT, f.rule() + " " + f.object(),
                        f.describe() + ".\nIt fails because its severity reaches designLint.failOn ("
                                + settings.failOn().label() + "); fix the schema in a new migration, lower the rule's "
                                + "severity, or accept it in a baseline.", null));
            }
        }
        return flaws;
    }

    /** The head as JDBC's metadata reads it, against the toolkit's snapshot: a difference is the toolkit's fault. */
    private static void crossCheck(DataSource database, dev.verifiedschema.snapshot.SchemaSnapshot head,
                                   List<Finding> found) throws SQLException {
        List<String> differences;
        try {
            differences = onOwnConnection(database, c -> CrossCheck.compare(c, head));
        } catch (RuntimeException | java.io.IOException e) {
            found.add(new Finding(CROSS_CHECK, null, null, Finding.CROSS_CHECK_FAILED, "", e.getMessage(), null));
            return;
        }
        if (!differences.isEmpty()) {
            found.add(new Finding(CROSS_CHECK, null, null, Finding.CROSS_CHECK_FAILED, "", "The toolkit's reading of the "
                    + "head and pgjdbc's DatabaseMetaData disagree (- the toolkit's only, + JDBC's only):\n  "
                    + String.join("\n  ", differences) + "\nThis is a fault of verified-schema, not of the migrations: "
                    + "please report it with these lines and the migration that builds the objects named.", null));
        }
    }

    /**
     * Reads on a connection of its own, which the read switches to read-only transactions: they are
     * switched back before the connection goes back (a failure to do so never hides the read's own).
     */
    private static <T> T onOwnConnection(DataSource database, Read<T> read) throws SQLException, java.io.IOException {
        try (Connection connection = database.getConnection()) {
            Throwable failed = null;
            try {
                return read.on(connection);
            } catch (RuntimeException | java.io.IOException e) {
                failed = e;
                throw e;
            } finally {
                try (Statement reset = connection.createStatement()) {
                    reset.execute("RESET default_transaction_read_only");
                } catch (SQLException e) {
                    if (failed == null) {
                        throw e;
                    }
                    failed.addSuppressed(e);
                }
            }
        }
    }
}
