-- The design lint's indexes, one row per key column (or the expression of an expression key), for the
-- whole schema in one query, with the columns JDBC's getIndexInfo has. Unlike pgjdbc's: INCLUDE columns
-- are left out (they are not keys), the type is always 3 (other), cardinality and pages are 0.
SELECT
  NULL::text AS table_cat,
  n.nspname::text AS table_schem,
  c.relname::text AS table_name,
  NOT i.indisunique AS non_unique,
  NULL::text AS index_qualifier,
  ic.relname::text AS index_name,
  3::smallint AS type,
  k.n::smallint AS ordinal_position,
  CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n::integer, true)
       ELSE a.attname::text END AS column_name,
  CASE WHEN am.amname <> 'btree' THEN NULL WHEN (i.indoption[k.n - 1] & 1) = 1 THEN 'D' ELSE 'A' END AS asc_or_desc,
  0::bigint AS cardinality,
  0::bigint AS pages,
  pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS filter_condition
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, n)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
WHERE n.nspname = ${schema}
  AND k.n <= i.indnkeyatts
ORDER BY c.relname, ic.relname, k.n
