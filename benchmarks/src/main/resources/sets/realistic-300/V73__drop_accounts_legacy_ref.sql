-- the import from the old system is long finished
ALTER TABLE accounts DROP COLUMN legacy_ref;
