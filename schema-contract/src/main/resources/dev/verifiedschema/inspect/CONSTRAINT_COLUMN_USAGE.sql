-- Columns of the unique and foreign key constraints of the schema's tables with their key position,
-- for the whole schema at once. Column names are those SchemaCrawler reads from
-- INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE.
SELECT
  (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = ${schemaOid}) AS constraint_schema,
  c.relname::text AS table_name,
  con.conname::text AS constraint_name,
  a.attname::text AS column_name,
  k.seq AS ordinal_position
FROM pg_catalog.pg_constraint con
JOIN ${relations} c ON c.oid = con.conrelid
CROSS JOIN LATERAL pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, seq)
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
WHERE c.relnamespace = ${schemaOid}
  AND con.contype IN ('u', 'f')
