-- Indexes of the schema's tables, including those that back primary keys and unique constraints, one
-- row per key column or expression, for the whole schema at once. Column names are those of JDBC
-- DatabaseMetaData.getIndexInfo: COLUMN_NAME is the column name, or the expression text of an
-- expression key, and FILTER_CONDITION the predicate of a partial index. INDEX_METHOD (the access
-- method), INCLUDE_COLUMNS (the non-key columns of an INCLUDE clause, as a JSON array, or null) and
-- KEY_OPTIONS (for each key in order, what CREATE INDEX says after it where it is not the default:
-- COLLATE, operator class, DESC, NULLS FIRST|LAST; a JSON array, or null when no key has any) are
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
    WHERE ik.n > i.indnkeyatts) AS include_columns,
  (SELECT CASE WHEN pg_catalog.bool_or(o.text <> '') THEN pg_catalog.json_agg(o.text ORDER BY o.n)::text END
     FROM (SELECT ok.n, pg_catalog.concat_ws(' ',
             CASE WHEN i.indcollation[ok.n - 1] <> 0 AND i.indcollation[ok.n - 1] IS DISTINCT FROM oa.attcollation
               THEN 'COLLATE ' || (SELECT pg_catalog.quote_ident(co.collname) FROM pg_catalog.pg_collation co
                                    WHERE co.oid = i.indcollation[ok.n - 1] AND ok.attnum <> 0) END,
             (SELECT opc.opcname::text FROM pg_catalog.pg_opclass opc
               WHERE opc.oid = i.indclass[ok.n - 1] AND NOT opc.opcdefault),
             CASE WHEN (i.indoption[ok.n - 1] & 1) = 1 THEN 'DESC' END,
             CASE WHEN (i.indoption[ok.n - 1] & 3) = 2 THEN 'NULLS FIRST'
                  WHEN (i.indoption[ok.n - 1] & 3) = 1 THEN 'NULLS LAST' END) AS text
             FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS ok(attnum, n)
             LEFT JOIN pg_catalog.pg_attribute oa ON oa.attrelid = i.indrelid AND oa.attnum = ok.attnum
            WHERE ok.n <= i.indnkeyatts) o) AS key_options
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN ${relations} c ON c.oid = i.indrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY AS k(attnum, n)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
WHERE c.relnamespace = ${schemaOid}
  AND k.n <= i.indnkeyatts
