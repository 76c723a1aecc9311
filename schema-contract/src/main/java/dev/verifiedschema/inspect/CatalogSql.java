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
 * read, under the alias {@code c}: all of them, or the named ones, which the statement's
 * {@link #with(boolean) WITH clause} reads once for all its queries) and mark the other places with
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

    /** The name under which the catalog queries read their tables and views ({@code ${relations}}). */
    private static final String RELATIONS_CTE = "rel";

    /**
     * The schema's {@code pg_class} rows, once per statement: every query of a statement reads them
     * from this one materialised scan instead of scanning {@code pg_class} again (an eighth of a
     * fingerprint's time at the TalentAI head). In a narrowed read only the relations the session
     * setting names, found through the index on {@code relname}, so the read costs what those
     * relations cost; the array is an uncorrelated subquery, evaluated once per execution.
     */
    private static final String ALL_RELATIONS = RELATIONS_CTE + " AS MATERIALIZED (SELECT * FROM pg_catalog.pg_class "
            + "WHERE relnamespace = ${schemaOid})";
    private static final String NAMED_RELATIONS = RELATIONS_CTE + " AS MATERIALIZED (SELECT * FROM pg_catalog.pg_class "
            + "WHERE relname = ANY ((SELECT ARRAY(SELECT pg_catalog.jsonb_array_elements_text(NULLIF("
            + "pg_catalog.current_setting('" + RELATIONS + "', true), '')::pg_catalog.jsonb)))::pg_catalog.name[]) "
            + "AND relnamespace = ${schemaOid})";

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

    /**
     * The {@code WITH} clause that a statement made of {@link #query(String)} texts starts
     * with: the relations the queries read, all of the schema's or only the named ones.
     */
    static String with(boolean narrowed) {
        return "WITH " + (narrowed ? NAMED_RELATIONS : ALL_RELATIONS) + "\n";
    }

    /**
     * The text of {@code <name>.sql} in this package's resource folder as a statement of its own,
     * reading every relation (with its {@link #with(boolean) WITH clause} when it reads relations).
     */
    static String read(String name) {
        String text = query(name);
        return raw(name).contains("${relations}") ? with(false) + text : text;
    }

    /**
     * The text of {@code <name>.sql}, for a statement that starts with {@link #with(boolean)}: its
     * tables and views are read from there, all of the schema's or only those the session setting
     * names, as that clause says (the two statements are planned once each per connection).
     */
    static String query(String name) {
        return raw(name).replace("${relations}", RELATIONS_CTE)
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
