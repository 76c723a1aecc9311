-- the import from the old system is long finished
ALTER TABLE labels DROP COLUMN legacy_ref;
