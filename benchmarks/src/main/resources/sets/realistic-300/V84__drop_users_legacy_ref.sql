-- the import from the old system is long finished
ALTER TABLE users DROP COLUMN legacy_ref;
