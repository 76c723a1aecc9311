-- Unique, check and foreign key constraints of the schema's tables, for the whole schema at once.
-- Column names are those SchemaCrawler reads from INFORMATION_SCHEMA.TABLE_CONSTRAINTS, plus two that
-- it keeps as attributes of the constraint: CONSTRAINT_DEFINITION (pg_get_constraintdef of a check),
-- CONSTRAINT_OPTIONS (of a unique constraint: DEFERRABLE, INITIALLY DEFERRED, or empty)
-- and, for a foreign key, FOREIGN_KEY_TARGET (a JSON object with the referenced schema, table and columns in
-- key order, the delete and update rules, and its options: MATCH FULL, DEFERRABLE, INITIALLY DEFERRED and
-- NOT VALID where they apply, in that order, or empty). Foreign keys are read here rather than through
-- SchemaCrawler's foreign key retrieval, whose table sort takes seconds on long chains of references.
SELECT
  (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = ${schemaOid}) AS constraint_schema,
  c.relname::text AS table_name,
  con.conname::text AS constraint_name,
  CASE con.contype WHEN 'u' THEN 'UNIQUE' WHEN 'f' THEN 'FOREIGN KEY' ELSE 'CHECK' END AS constraint_type,
  CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid) END AS constraint_definition,
  CASE WHEN con.contype = 'u' THEN pg_catalog.concat_ws(' ', CASE WHEN con.condeferrable THEN 'DEFERRABLE' END,
    CASE WHEN con.condeferred THEN 'INITIALLY DEFERRED' END) END AS constraint_options,
  CASE WHEN con.contype = 'f' THEN
    pg_catalog.json_build_object(
      'schema', (SELECT rn.nspname
                   FROM pg_catalog.pg_class rc
                   JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
                  WHERE rc.oid = con.confrelid),
      'table', (SELECT rc.relname FROM pg_catalog.pg_class rc WHERE rc.oid = con.confrelid),
      'columns', (SELECT pg_catalog.json_agg(ra.attname ORDER BY rk.seq)
                    FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS rk(attnum, seq)
                    JOIN pg_catalog.pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = rk.attnum),
      'onDelete', CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
        WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END,
      'onUpdate', CASE con.confupdtype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
        WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END,
      'options', pg_catalog.concat_ws(' ', CASE WHEN con.confmatchtype = 'f' THEN 'MATCH FULL' END,
        CASE WHEN con.condeferrable THEN 'DEFERRABLE' END, CASE WHEN con.condeferred THEN 'INITIALLY DEFERRED' END,
        CASE WHEN NOT con.convalidated THEN 'NOT VALID' END))::text
  END AS foreign_key_target
FROM pg_catalog.pg_constraint con
JOIN ${relations} c ON c.oid = con.conrelid
WHERE c.relnamespace = ${schemaOid}
  AND con.contype IN ('u', 'c', 'f')
