-- Columns of the schema's tables, for the whole schema at once. Column names are those of JDBC
-- DatabaseMetaData.getColumns, plus FORMATTED_TYPE (format_type with the type modifier) and
-- IDENTITY_GENERATION, which SchemaCrawler keeps as attributes of the column. SchemaCrawler ignores
-- rows of tables that the TABLES query left out.
SELECT
  (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = ${schemaOid}) AS table_schem,
  c.relname::text AS table_name,
  a.attname::text AS column_name,
  pg_catalog.format_type(a.atttypid, NULL) AS type_name,
  CASE WHEN a.attnotnull THEN 0 ELSE 1 END AS nullable,
  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS column_def,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS formatted_type,
  CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END AS identity_generation
FROM pg_catalog.pg_attribute a
JOIN ${relations} c ON c.oid = a.attrelid
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE c.relnamespace = ${schemaOid}
  AND c.relkind IN ('r', 'p')
  AND a.attnum > 0
  AND NOT a.attisdropped
