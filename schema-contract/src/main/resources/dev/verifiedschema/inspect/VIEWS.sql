-- Definitions of the plain and materialised views of the schema. Column names are those
-- SchemaCrawler reads from INFORMATION_SCHEMA.VIEWS.
SELECT
  n.nspname::text AS table_schema,
  c.relname::text AS table_name,
  pg_catalog.pg_get_viewdef(c.oid) AS view_definition
FROM ${relations} c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relnamespace = ${schemaOid}
  AND c.relkind IN ('v', 'm')
