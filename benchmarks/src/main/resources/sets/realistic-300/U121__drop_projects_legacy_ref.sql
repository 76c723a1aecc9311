ALTER TABLE projects ADD COLUMN legacy_ref varchar(40);
