-- Primary keys of the schema's tables, one row per key column, for the whole schema at once.
-- Column names are those of JDBC DatabaseMetaData.getPrimaryKeys.
SELECT
  (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = ${schemaOid}) AS table_schem,
  c.relname::text AS table_name,
  a.attname::text AS column_name,
  k.seq AS key_seq,
  con.conname::text AS pk_name
FROM pg_catalog.pg_constraint con
JOIN ${relations} c ON c.oid = con.conrelid
CROSS JOIN LATERAL pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, seq)
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
WHERE c.relnamespace = ${schemaOid}
  AND con.contype = 'p'
