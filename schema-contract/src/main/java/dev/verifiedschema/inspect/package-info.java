/**
 * Reads the live PostgreSQL catalog of one schema into an immutable
 * {@link dev.verifiedschema.snapshot.SchemaSnapshot}.
 *
 * <p>{@link dev.verifiedschema.inspect.SchemaInspector} is the entry point. It lets SchemaCrawler
 * build its catalog with one pg_catalog query per kind of object for the whole schema (never one
 * query per table) and reads the little that SchemaCrawler has no model for (enum labels) with one
 * more query on the same connection. This package is the only one that uses SchemaCrawler.
 */
package dev.verifiedschema.inspect;
