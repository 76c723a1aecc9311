-- The inspected schema. Column as SchemaCrawler reads INFORMATION_SCHEMA.SCHEMATA (there are no
-- catalogs to name).
SELECT n.nspname::text AS schema_name
FROM pg_catalog.pg_namespace n
WHERE n.oid = ${schemaOid}
