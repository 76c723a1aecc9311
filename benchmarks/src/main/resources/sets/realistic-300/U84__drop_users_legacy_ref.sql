ALTER TABLE users ADD COLUMN legacy_ref varchar(40);
