/**
 * Reads the live PostgreSQL catalog of one schema into an immutable
 * {@link dev.verifiedschema.snapshot.SchemaSnapshot}.
 *
 * <p>{@link dev.verifiedschema.inspect.SchemaInspector} is the entry point. It reads the catalog with
 * pg_catalog SQL of its own (the {@code .sql} resources of this package): one query per kind of object
 * for the whole schema (never one query per table), all sent as one statement, plus one for enum
 * labels. Fingerprints hash the rows of the same queries on the server, and
 * {@link dev.verifiedschema.inspect.ChangeTracker} keeps them up to date from a DDL log. The test
 * suite reads every schema it inspects with SchemaCrawler too, from the same SQL, and requires equal
 * snapshots.
 */
package dev.verifiedschema.inspect;
