-- the import from the old system is long finished
ALTER TABLE task_comments DROP COLUMN legacy_ref;
