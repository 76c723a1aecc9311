package dev.verifiedschema.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the pg_catalog SQL that lives next to this package's classes as {@code .sql} resources.
 *
 * <p>The queries can be narrowed to some tables and views, and can leave out sequences or functions,
 * so that an inspection re-reads only what changed ({@link SchemaInspector#update}). What to read is
 * given by two session settings that {@link CatalogSession} sets and restores, not by the SQL text,
 * so that every inspection of a connection runs the same statements and the server plans each once:
 * {@value #RELATIONS} holds a JSON array of table and view names, or is empty for all of them, and
 * {@value #KINDS} holds a comma-separated list of {@code sequences}, {@code functions}, or is empty
 * for both. The resources mark the places with {@code ${relationFilter}}, {@code ${sequenceFilter}}
 * and {@code ${functionFilter}} (on the alias {@code c} of the table's {@code pg_class} row).
 */
final class CatalogSql {
    /** Session setting: the tables and views to read, as a JSON array; empty for all. */
    static final String RELATIONS = "verifiedschema.relations";
    /** Session setting: the kinds besides tables and views to read ({@code sequences,functions}); empty for all. */
    static final String KINDS = "verifiedschema.kinds";

    private static final String RELATION_FILTER = "CASE WHEN COALESCE(pg_catalog.current_setting('" + RELATIONS
            + "', true), '') = '' THEN true ELSE c.relname::text IN (SELECT pg_catalog.jsonb_array_elements_text("
            + "pg_catalog.current_setting('" + RELATIONS + "', true)::pg_catalog.jsonb)) END";

    private CatalogSql() {
    }

    private static String kindFilter(String kind) {
        return "(COALESCE(pg_catalog.current_setting('" + KINDS + "', true), '') = '' OR '" + kind
                + "' = ANY (pg_catalog.string_to_array(pg_catalog.current_setting('" + KINDS + "', true), ',')))";
    }

    /** The text of {@code <name>.sql} in this package's resource folder, with its filters in place. */
    static String read(String name) {
        return raw(name).replace("${relationFilter}", RELATION_FILTER)
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
