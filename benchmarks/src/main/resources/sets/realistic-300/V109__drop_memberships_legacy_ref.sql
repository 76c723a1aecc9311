-- the import from the old system is long finished
ALTER TABLE memberships DROP COLUMN legacy_ref;
