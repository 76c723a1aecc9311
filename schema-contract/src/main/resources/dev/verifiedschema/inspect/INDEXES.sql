-- Indexes of the schema's tables, including those that back primary keys and unique constraints, one
-- row per key column or expression, for the whole schema at once. Column names are those of JDBC
-- DatabaseMetaData.getIndexInfo: COLUMN_NAME is the column name, or the expression text of an
-- expression key, and FILTER_CONDITION the predicate of a partial index. INDEX_METHOD (the access
-- method) and INCLUDE_COLUMNS (the non-key columns of an INCLUDE clause, as a JSON array, or null) are
-- kept by SchemaCrawler as attributes of the index.
SELECT
  (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = ${schemaOid}) AS table_schem,
  c.relname::text AS table_name,
  ic.relname::text AS index_name,
  NOT i.indisunique AS non_unique,
  k.n::integer AS ordinal_position,
  CASE WHEN k.attnum = 0
    THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n::integer, true)
    ELSE a.attname
  END AS column_name,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS filter_condition,
  am.amname::text AS index_method,
  (SELECT pg_catalog.json_agg(ia.attname ORDER BY ik.n)::text
     FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS ik(attnum, n)
     JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indrelid AND ia.attnum = ik.attnum
    WHERE ik.n > i.indnkeyatts) AS include_columns
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN ${relations} c ON c.oid = i.indrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, n)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
WHERE c.relnamespace = ${schemaOid}
  AND k.n <= i.indnkeyatts
