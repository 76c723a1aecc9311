-- the import from the old system is long finished
ALTER TABLE notifications DROP COLUMN legacy_ref;
