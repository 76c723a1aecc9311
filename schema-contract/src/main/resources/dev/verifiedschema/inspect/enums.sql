-- Enum types of the schema with their labels in sort order (SchemaCrawler has no model for these).
SELECT t.typname AS enum_name, e.enumlabel AS label
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE t.typnamespace = ?::pg_catalog.oid
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
      AND d.objid = t.oid
      AND d.deptype = 'e')
ORDER BY t.typname, e.enumsortorder
