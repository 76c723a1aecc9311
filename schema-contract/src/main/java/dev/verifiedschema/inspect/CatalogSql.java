package dev.verifiedschema.inspect;

import org.postgresql.PGStatement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the pg_catalog SQL that lives next to this package's classes as {@code .sql} resources.
 *
 * <p>The queries can be narrowed to some tables and views, and can leave out sequences or functions,
 * so that an inspection re-reads only what changed ({@link SchemaInspector#update}). What to read is
 * given by two session settings that {@link CatalogSession} sets and restores, not by the SQL text,
 * so that every inspection of a connection runs the same statements and the server plans each once:
 * {@value #RELATIONS} holds a JSON array of table and view names, or is empty for all of them, and
 * {@value #KINDS} holds a comma-separated list of {@code sequences}, {@code functions}, or is empty
 * for both. The resources read tables and views from {@code ${relations}} (the {@code pg_class} rows to
 * read, under the alias {@code c}: all of them, or the named ones) and mark the other places with
 * {@code ${sequenceFilter}} and {@code ${functionFilter}}.
 */
final class CatalogSql {
    /** The catalog queries, by resource name, in the order a snapshot is built from them. */
    static final List<String> QUERIES = List.of("SCHEMATA", "TABLES", "TABLE_COLUMNS", "PRIMARY_KEYS", "INDEXES",
            "TABLE_CONSTRAINTS", "CONSTRAINT_COLUMN_USAGE", "TRIGGERS", "VIEWS", "SEQUENCES", "FUNCTIONS");
    /** Session setting: the tables and views to read, as a JSON array; empty for all. */
    static final String RELATIONS = "verifiedschema.relations";
    /** Session setting: the kinds besides tables and views to read ({@code sequences,functions}); empty for all. */
    static final String KINDS = "verifiedschema.kinds";

    /**
     * The {@code pg_class} rows of a narrowed read: only the relations the session setting names,
     * found through the index on {@code relname}, so the read costs what those relations cost. The
     * array is an uncorrelated subquery, evaluated once per execution.
     */
    private static final String NAMED_RELATIONS = "(SELECT * FROM pg_catalog.pg_class WHERE relname = ANY ((SELECT "
            + "ARRAY(SELECT pg_catalog.jsonb_array_elements_text(NULLIF(pg_catalog.current_setting('" + RELATIONS
            + "', true), '')::pg_catalog.jsonb)))::pg_catalog.name[]))";

    private CatalogSql() {
    }

    /**
     * Prepares a catalog statement on the server from its first use, so a connection plans it once,
     * unless the connection's own setting says never to (a URL with {@code prepareThreshold=0}, as
     * behind a pooler in transaction mode).
     */
    static void prepareAtOnce(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            PGStatement pg = statement.unwrap(PGStatement.class);
            if (pg.getPrepareThreshold() > 0) {
                pg.setPrepareThreshold(1);
            }
        }
    }

    private static String kindFilter(String kind) {
        return "(COALESCE(pg_catalog.current_setting('" + KINDS + "', true), '') = '' OR '" + kind
                + "' = ANY (pg_catalog.string_to_array(pg_catalog.current_setting('" + KINDS + "', true), ',')))";
    }

    /** The text of {@code <name>.sql} in this package's resource folder, reading every relation. */
    static String read(String name) {
        return read(name, false);
    }

    /**
     * The text of {@code <name>.sql}, reading every relation or, when {@code narrowed}, only those
     * the session setting names (the two texts are planned once each per connection).
     */
    static String read(String name, boolean narrowed) {
        return raw(name).replace("${relations}", narrowed ? NAMED_RELATIONS : "pg_catalog.pg_class")
                .replace("${sequenceFilter}", kindFilter("sequences"))
                .replace("${functionFilter}", kindFilter("functions"));
    }

    private static String raw(String name) {
        String resource = name + ".sql";
        try (InputStream in = CatalogSql.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing catalog query resource " + resource
                        + " next to " + CatalogSql.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read catalog query resource " + resource, e);
        }
    }
}
