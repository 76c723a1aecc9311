-- the import from the old system is long finished
ALTER TABLE time_entries DROP COLUMN legacy_ref;
