-- ends the stairway's catalog connection (the only other backend whose last statement set the
-- snapshot's table list), as a server restart or a network cut would
SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity
WHERE datname = pg_catalog.current_database() AND pid <> pg_catalog.pg_backend_pid()
  AND query LIKE '%verifiedschema.relations%';
ALTER TABLE accounts ADD COLUMN nickname text;
