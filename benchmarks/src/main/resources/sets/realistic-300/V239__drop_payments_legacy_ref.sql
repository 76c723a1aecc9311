-- the import from the old system is long finished
ALTER TABLE payments DROP COLUMN legacy_ref;
