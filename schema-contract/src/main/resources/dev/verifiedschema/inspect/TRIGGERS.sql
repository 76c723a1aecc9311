-- User triggers of the schema's tables, for the whole schema at once; internal ones (such as those
-- enforcing foreign keys) are left out. Column names are those SchemaCrawler reads from
-- INFORMATION_SCHEMA.TRIGGERS, with ACTION_STATEMENT holding the definition from pg_get_triggerdef,
-- followed by the trigger's state where it is not the default, as ALTER TABLE sets it:
-- " DISABLE", " ENABLE REPLICA" or " ENABLE ALWAYS".
SELECT
  (SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.oid = ${schemaOid}) AS trigger_schema,
  tg.tgname::text AS trigger_name,
  c.relname::text AS event_object_table,
  pg_catalog.pg_get_triggerdef(tg.oid) || CASE tg.tgenabled WHEN 'D' THEN ' DISABLE'
    WHEN 'R' THEN ' ENABLE REPLICA' WHEN 'A' THEN ' ENABLE ALWAYS' ELSE '' END AS action_statement
FROM pg_catalog.pg_trigger tg
JOIN ${relations} c ON c.oid = tg.tgrelid
WHERE c.relnamespace = ${schemaOid}
  AND NOT tg.tgisinternal
