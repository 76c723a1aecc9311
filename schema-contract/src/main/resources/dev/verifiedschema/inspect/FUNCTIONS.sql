-- Functions, procedures, aggregates and window functions of the schema, all in one query, leaving out
-- those that belong to an extension. Column names are those of JDBC DatabaseMetaData.getFunctions,
-- plus ROUTINE_SIGNATURE, ROUTINE_KIND, ROUTINE_RESULT, ROUTINE_LANGUAGE and ROUTINE_BODY, which
-- SchemaCrawler keeps as attributes of the function.
SELECT
  n.nspname::text AS function_schem,
  p.proname::text AS function_name,
  p.proname || '_' || p.oid AS specific_name,
  p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' AS routine_signature,
  CASE p.prokind
    WHEN 'p' THEN 'procedure'
    WHEN 'a' THEN 'aggregate'
    WHEN 'w' THEN 'window'
    ELSE 'function'
  END AS routine_kind,
  pg_catalog.pg_get_function_result(p.oid) AS routine_result,
  l.lanname::text AS routine_language,
  p.prosrc || '' AS routine_body
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.pronamespace = ${schemaOid}
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
      AND d.objid = p.oid
      AND d.deptype = 'e')
  AND ${functionFilter}
