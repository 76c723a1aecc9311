ALTER TABLE tasks ADD COLUMN legacy_ref varchar(40);
