-- the import from the old system is long finished
ALTER TABLE tasks DROP COLUMN legacy_ref;
