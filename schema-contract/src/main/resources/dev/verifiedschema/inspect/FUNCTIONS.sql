-- Functions, procedures, aggregates and window functions of the schema, all in one query, leaving out
-- those that belong to an extension. Column names are those of JDBC DatabaseMetaData.getFunctions,
-- plus ROUTINE_SIGNATURE, ROUTINE_KIND, ROUTINE_RESULT, ROUTINE_LANGUAGE, ROUTINE_BODY and
-- ROUTINE_OPTIONS, which SchemaCrawler keeps as attributes of the function. ROUTINE_OPTIONS is what
-- CREATE FUNCTION would say besides the body where the function differs from PostgreSQL's defaults
-- (volatility, STRICT, SECURITY DEFINER, LEAKPROOF, PARALLEL, COST, ROWS, and every SET of its
-- proconfig, such as an undo's stray SET search_path), in that order, or empty.
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
  p.prosrc || '' AS routine_body,
  pg_catalog.concat_ws(' ',
    CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE' END,
    CASE WHEN p.proisstrict THEN 'STRICT' END,
    CASE WHEN p.prosecdef THEN 'SECURITY DEFINER' END,
    CASE WHEN p.proleakproof THEN 'LEAKPROOF' END,
    CASE p.proparallel WHEN 's' THEN 'PARALLEL SAFE' WHEN 'r' THEN 'PARALLEL RESTRICTED' END,
    CASE WHEN p.procost <> CASE WHEN l.lanname IN ('internal', 'c') THEN 1 ELSE 100 END
      THEN 'COST ' || p.procost END,
    CASE WHEN p.proretset AND p.prorows <> 1000 THEN 'ROWS ' || p.prorows END,
    (SELECT pg_catalog.string_agg('SET ' || s.setting, ' ' ORDER BY s.n)
       FROM pg_catalog.unnest(p.proconfig) WITH ORDINALITY AS s(setting, n))) AS routine_options
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
