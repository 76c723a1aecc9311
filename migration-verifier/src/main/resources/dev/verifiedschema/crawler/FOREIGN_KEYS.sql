-- The design lint's foreign keys, one row per column pair, for the whole schema in one query (JDBC's
-- getImportedKeys runs once per table). Columns as getImportedKeys names them; the rules and the
-- deferrability are JDBC's DatabaseMetaData constants.
SELECT
  NULL::text AS pktable_cat,
  pn.nspname::text AS pktable_schem,
  pc.relname::text AS pktable_name,
  pa.attname::text AS pkcolumn_name,
  NULL::text AS fktable_cat,
  fn.nspname::text AS fktable_schem,
  fc.relname::text AS fktable_name,
  fa.attname::text AS fkcolumn_name,
  k.seq::smallint AS key_seq,
  (CASE con.confupdtype WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'd' THEN 4 ELSE 3 END)::smallint
    AS update_rule,
  (CASE con.confdeltype WHEN 'c' THEN 0 WHEN 'r' THEN 1 WHEN 'n' THEN 2 WHEN 'd' THEN 4 ELSE 3 END)::smallint
    AS delete_rule,
  con.conname::text AS fk_name,
  (SELECT ic.relname::text FROM pg_catalog.pg_class ic WHERE ic.oid = con.conindid) AS pk_name,
  (CASE WHEN NOT con.condeferrable THEN 7 WHEN con.condeferred THEN 5 ELSE 6 END)::smallint AS deferrability
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class fc ON fc.oid = con.conrelid
JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid
JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(fkattnum, pkattnum, seq)
JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.conrelid AND fa.attnum = k.fkattnum
JOIN pg_catalog.pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = k.pkattnum
WHERE con.contype = 'f'
  -- not the clones PostgreSQL adds for each partition of a partitioned referenced table
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint parent
                   WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid)
  AND (fn.nspname = ${schema} OR pn.nspname = ${schema})
ORDER BY fc.relname, con.conname, k.seq
