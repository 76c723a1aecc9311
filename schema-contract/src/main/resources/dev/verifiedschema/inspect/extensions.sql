-- Extensions installed in the schema (CREATE EXTENSION ... SCHEMA it, or with it first on the search
-- path), with their version. Their member objects are left out of every other query; the extension
-- itself is what a snapshot shows. PostgreSQL's own plpgsql lives in pg_catalog, so it is never one.
SELECT x.extname::text AS extension_name, x.extversion AS extension_version
FROM pg_catalog.pg_extension x
WHERE x.extnamespace = ${schemaOid}
