ALTER TABLE task_comments ADD COLUMN legacy_ref varchar(40);
