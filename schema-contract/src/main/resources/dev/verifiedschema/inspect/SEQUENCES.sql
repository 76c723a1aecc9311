-- Sequences of the schema, without their current value, leaving out those that belong to an
-- extension. Column names are those SchemaCrawler reads from INFORMATION_SCHEMA.SEQUENCES, plus
-- DATA_TYPE, OWNED_BY (table.column of the serial or identity column that owns the sequence) and
-- SEQUENCE_OPTIONS (MINVALUE, MAXVALUE, CACHE and CYCLE where they differ from the defaults for the
-- type and direction, as CREATE SEQUENCE says them, or empty), which SchemaCrawler keeps as
-- attributes of the sequence.
SELECT
  n.nspname::text AS sequence_schema,
  c.relname::text AS sequence_name,
  s.seqstart::text AS start_value,
  s.seqincrement::text AS increment,
  pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
  (SELECT oc.relname || '.' || oa.attname
     FROM pg_catalog.pg_depend d
     JOIN pg_catalog.pg_class oc ON oc.oid = d.refobjid
     JOIN pg_catalog.pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.objid = c.oid
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.refobjsubid > 0
      AND d.deptype IN ('a', 'i')
    LIMIT 1) AS owned_by,
  pg_catalog.concat_ws(' ',
    CASE WHEN s.seqmin <> CASE WHEN s.seqincrement > 0 THEN 1
        WHEN s.seqtypid = 'pg_catalog.int2'::pg_catalog.regtype THEN -32768
        WHEN s.seqtypid = 'pg_catalog.int4'::pg_catalog.regtype THEN -2147483648
        ELSE -9223372036854775808 END THEN 'MINVALUE ' || s.seqmin END,
    CASE WHEN s.seqmax <> CASE WHEN s.seqincrement < 0 THEN -1
        WHEN s.seqtypid = 'pg_catalog.int2'::pg_catalog.regtype THEN 32767
        WHEN s.seqtypid = 'pg_catalog.int4'::pg_catalog.regtype THEN 2147483647
        ELSE 9223372036854775807 END THEN 'MAXVALUE ' || s.seqmax END,
    CASE WHEN s.seqcache <> 1 THEN 'CACHE ' || s.seqcache END,
    CASE WHEN s.seqcycle THEN 'CYCLE' END) AS sequence_options
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
WHERE c.relnamespace = ${schemaOid}
  AND c.relkind = 'S'
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.objid = c.oid
      AND d.deptype = 'e')
  AND ${sequenceFilter}
