-- the import from the old system is long finished
ALTER TABLE projects DROP COLUMN legacy_ref;
