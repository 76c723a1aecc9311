-- Tables, views and materialised views of the schema, for the whole schema at once, leaving out
-- Flyway's history table and objects that belong to an extension. Column names are those of JDBC
-- DatabaseMetaData.getTables; only the columns SchemaCrawler needs are returned, because it looks
-- every column up by name for every row.
SELECT
  n.nspname::text AS table_schem,
  c.relname::text AS table_name,
  CASE c.relkind
    WHEN 'v' THEN 'VIEW'
    WHEN 'm' THEN 'MATERIALIZED VIEW'
    ELSE 'TABLE'
  END AS table_type
FROM ${relations} c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relnamespace = ${schemaOid}
  AND c.relkind IN ('r', 'p', 'v', 'm')
  AND c.relname <> 'flyway_schema_history'
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.objid = c.oid
      AND d.deptype = 'e')
