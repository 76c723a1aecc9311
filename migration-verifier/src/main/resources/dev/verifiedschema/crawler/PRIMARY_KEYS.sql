-- The design lint's primary keys, one row per key column, for the whole schema in one query (JDBC's
-- getPrimaryKeys runs once per table: a second per 300 tables). Columns as getPrimaryKeys names them.
SELECT
  NULL::text AS table_cat,
  n.nspname::text AS table_schem,
  c.relname::text AS table_name,
  a.attname::text AS column_name,
  k.seq::integer AS key_seq,
  con.conname::text AS pk_name
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(attnum, seq)
JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
WHERE n.nspname = ${schema}
  AND con.contype = 'p'
ORDER BY c.relname, k.seq
